/**
 * The launcher behind `npm start` (and the e2e server): database (embedded unless DATABASE_URL is set),
 * migrations, content, demo accounts, a production build when the sources changed, then `next start`.
 * SIGTERM/SIGINT stop Next first, then the embedded database, cleanly.
 *
 *   tsx scripts/start.ts [--dev] [--profile app|e2e] [--port 3000] [--fresh]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { provisionDatabase, EMBEDDED_PROFILES, type EmbeddedProfile } from '../lib/db/provision';
import { prepareDatabase } from '../lib/startup/prepare';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../lib/data/demo-accounts';

const { values: args } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    profile: { type: 'string', default: 'app' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    fresh: { type: 'boolean', default: false },
  },
});
const profile = args.profile as EmbeddedProfile;
if (!(profile in EMBEDDED_PROFILES)) throw new Error(`Unknown profile "${args.profile}"`);
const root = process.cwd();
const log = (msg: string) => console.log(JSON.stringify({ level: 'info', app: 'ingat-launcher', msg }));
const t0 = Date.now();

if (args.fresh && !process.env.DATABASE_URL)
  rmSync(resolve(root, '.data', EMBEDDED_PROFILES[profile].name), { recursive: true, force: true });

const db = await provisionDatabase(profile, process.env, log);
log(
  db.embedded
    ? `embedded PostgreSQL ${db.embedded.created ? 'created' : 'reused'} (${Date.now() - t0} ms)`
    : 'using DATABASE_URL',
);

const running: { next?: ChildProcess } = {};
let stopping = false;
async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  const next = running.next;
  if (next && next.exitCode === null) {
    next.kill('SIGTERM');
    await new Promise<void>((r) => {
      const timer = setTimeout(() => {
        next.kill('SIGKILL');
        r();
      }, 10_000);
      next.once('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
  }
  await db.embedded?.stop();
  log('stopped');
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  const prepared = await prepareDatabase(db.url, { demo: db.embedded !== null, now: new Date() });
  log(
    `migrations applied: ${prepared.migrationsApplied.length}; content: ${prepared.content
      .map((c) => `${c.course} items +${c.items.added} ~${c.items.updated} -${c.items.retired} =${c.items.unchanged}`)
      .join(', ')}; demo accounts created: ${prepared.demoAccountsCreated}`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await shutdown('setup-failed', 1);
}

const authSecret = process.env.AUTH_SECRET ?? localSecret();
const childEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  AUTH_SECRET: authSecret,
  INGAT_DEMO: db.embedded ? '1' : '0',
  // Browser tests may move the clock (lib/clock.ts); only ever on the throwaway embedded e2e database.
  INGAT_TEST_CLOCK: profile === 'e2e' && db.embedded ? '1' : '0',
  // Every browser journey signs up from 127.0.0.1; the per-address sign-up limit is tested in integration tests.
  ...(profile === 'e2e' ? { SIGNUP_LIMIT_PER_ADDRESS: process.env.SIGNUP_LIMIT_PER_ADDRESS ?? '10000' } : {}),
  // The browser journeys ask for fits themselves; a timed sweep starting one in the middle would make them flaky.
  INGAT_FIT_SWEEPS: profile === 'e2e' ? '0' : '1',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: args.port,
};

const nextBin = resolve(root, 'node_modules', 'next', 'dist', 'bin', 'next');
if (!args.dev && !buildIsCurrent()) {
  log('building the production bundle (first start or sources changed)…');
  const code = await run(process.execPath, [nextBin, 'build'], { ...childEnv, NODE_ENV: 'production' });
  if (code !== 0) await shutdown('build-failed', code ?? 1);
  writeFileSync(join(root, '.next', 'ingat-source-hash'), sourceHash());
}

// scripts/serve.ts rather than `next start`: it stamps the client address that rate limits trust (see that file).
const serveArgs = ['--import', 'tsx', resolve(root, 'scripts', 'serve.ts'), '--port', args.port, '--host', '127.0.0.1'];
const next = spawn(process.execPath, args.dev ? [...serveArgs, '--dev'] : serveArgs, {
  env: { ...childEnv, NODE_ENV: args.dev ? 'development' : 'production' },
  stdio: 'inherit',
});
running.next = next;
next.once('exit', (code) => void shutdown('next exited', code ?? 0));

const url = `http://localhost:${args.port}`;
console.log(`\n  Ingat is starting on ${url} (ready in a moment; ${((Date.now() - t0) / 1000).toFixed(1)} s so far)`);
if (db.embedded) {
  console.log(`  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.role.padEnd(10)} ${a.email}`);
}
console.log('');

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((r) => spawn(cmd, argv, { env, stdio: 'inherit' }).once('exit', r));
}

/** A secret kept in .data for local use, so sessions survive restarts without configuration. */
function localSecret(): string {
  const file = resolve(root, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(resolve(root, '.data'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function sourceHash(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'generated') walk(join(p, name));
    } else h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of ['app', 'lib', 'content', 'proxy.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'])
    walk(join(root, p));
  return h.digest('hex');
}

function buildIsCurrent(): boolean {
  const file = join(root, '.next', 'ingat-source-hash');
  return existsSync(join(root, '.next', 'BUILD_ID')) && existsSync(file) && readFileSync(file, 'utf8') === sourceHash();
}
