/**
 * Prisma migrations without the native schema-engine binary (which cannot be downloaded on our machines).
 *
 * Drives Prisma's own WebAssembly schema engine through the pg driver adapter. The files it reads and writes are
 * the ordinary Prisma format (`prisma/migrations/<timestamp>_<name>/migration.sql`, `_prisma_migrations` table), so
 * the official `prisma migrate deploy` can take over wherever its engine can be downloaded.
 *
 * New migrations are diffed from `prisma/migrations/schema.snapshot.prisma` (the schema as of the last migration)
 * to `prisma/schema.prisma`: diffs that introspect a live database do not work through adapter-pg.
 */
import { readFile, readdir, writeFile, mkdir, copyFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { timeoutsFromEnv } from './connection';

const require = createRequire(import.meta.url);

export const PRISMA_DIR = resolve(process.cwd(), 'prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const SNAPSHOT_PATH = join(MIGRATIONS_DIR, 'schema.snapshot.prisma');

type WasmEngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
type SchemaEngine = Awaited<ReturnType<WasmEngineModule['SchemaEngine']['new']>>;

let enginePromise: Promise<WasmEngineModule> | undefined;

/** Instantiates the wasm-bindgen "bundler" build by hand, since plain Node 20 cannot import a .wasm file. */
async function loadWasmModule(): Promise<WasmEngineModule> {
  enginePromise ??= (async () => {
    const glue: WasmEngineModule = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return glue;
  })();
  return enginePromise;
}

/**
 * Discrete connection fields: with a connection string, PrismaPg's shadow-database hook reconnects to the main db.
 * The connect and idle-in-transaction timeouts of every connection (lib/db/connection.ts); no statement timeout,
 * since a migration may rightly run long (it runs before the app serves anyone).
 */
function poolConfig(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const timeouts = timeoutsFromEnv();
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, ''),
    application_name: 'ingat-migrate',
    connectionTimeoutMillis: timeouts.DB_CONNECT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: timeouts.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

interface ScriptRunner {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
}

/**
 * adapter-pg runs a migration script by splitting it at every ";", which breaks any statement with a semicolon
 * inside it (a PL/pgSQL function body). PostgreSQL's simple query protocol runs a multi-statement script as one
 * request, so this sends the script whole.
 */
function runScriptsWhole<A extends object>(adapter: A): A {
  const runner = adapter as unknown as ScriptRunner;
  runner.executeScript = async (script: string) => {
    try {
      await runner.client.query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
  return adapter;
}

/**
 * Also remembers what it opened: the engine does not close its connections when freed, and an idle one kept the
 * engine's session-level advisory lock for the pool's idle timeout (10 s), so a second process starting at the same
 * time gave up waiting for the lock and died. `close()` ends them as soon as the engine is done.
 */
class WholeScriptPg extends PrismaPg {
  private readonly opened: { dispose(): Promise<void> }[] = [];
  override async connect() {
    return this.remember(runScriptsWhole(await super.connect()));
  }
  override async connectToShadowDb() {
    return this.remember(runScriptsWhole(await super.connectToShadowDb()));
  }
  async close(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((a) => a.dispose()));
  }
  private remember<A extends { dispose(): Promise<void> }>(adapter: A): A {
    this.opened.push(adapter);
    return adapter;
  }
}

async function withEngine<T>(
  databaseUrl: string,
  schema: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadWasmModule();
  const factory = new WholeScriptPg(poolConfig(databaseUrl));
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(factory);
    const engine = await wasm.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => undefined, adapter);
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readMigrationList() {
  const entries = (await exists(MIGRATIONS_DIR)) ? await readdir(MIGRATIONS_DIR, { withFileTypes: true }) : [];
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: 'migration_lock.toml',
      content: (await exists(lockPath)) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const path = join(MIGRATIONS_DIR, dir, 'migration.sql');
        const content = await readFile(path, 'utf8').then(
          (ok) => ({ tag: 'ok' as const, value: ok }),
          (e: Error) => ({ tag: 'error' as const, value: e.message }),
        );
        return { path: dir, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
}

/** Applies every pending migration. Idempotent. Returns the names just applied. */
export async function applyPendingMigrations(databaseUrl: string): Promise<string[]> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  return withEngine(databaseUrl, schema, async (engine) => {
    const out = await engine.applyMigrations({
      migrationsList: await readMigrationList(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes the last migrated schema to the current one; empty when migrations capture every change. */
export async function pendingSchemaDiff(databaseUrl: string): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const snapshot = (await exists(SNAPSHOT_PATH)) ? await readFile(SNAPSHOT_PATH, 'utf8') : null;
  return withEngine(databaseUrl, schema, async (engine) => {
    const result = await engine.diff({
      from:
        snapshot === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: SNAPSHOT_PATH, content: snapshot }] },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    } as Parameters<SchemaEngine['diff']>[0]);
    const sql = result.stdout ?? '';
    return /^\s*(--[^\n]*\n?\s*)*$/.test(sql) || sql.includes('This is an empty migration') ? '' : sql;
  });
}

/** Writes a new migration folder from the pending diff and moves the snapshot forward. */
export async function createMigration(databaseUrl: string, name: string, now: Date): Promise<string | null> {
  const sql = await pendingSchemaDiff(databaseUrl);
  if (sql === '') return null;
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), sql);
  const lockPath = join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!(await exists(lockPath))) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  await copyFile(SCHEMA_PATH, SNAPSHOT_PATH);
  return dir;
}
