/**
 * The launcher behind `npm start` (and the e2e server): database (embedded unless DATABASE_URL is set),
 * migrations, content, demo accounts, a production build when the sources changed, then the server (scripts/serve.ts: Next's handler behind a Node HTTP server).
 * SIGTERM/SIGINT stop Next first, then the embedded database, cleanly.
 *
 *   tsx scripts/start.ts [--dev] [--profile app|e2e] [--port 3000] [--fresh]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { provisionDatabase, EMBEDDED_PROFILES, type EmbeddedProfile } from '../lib/db/provision';
import { prepareDatabase } from '../lib/startup/prepare';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../lib/data/demo-accounts';
import { ensureProductionBuild } from './build';

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
  // A child killed by a signal has exitCode null too: only wait for one that is still running.
  if (next && next.exitCode === null && next.signalCode === null) {
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
  // Browser tests may move the clock (lib/clock.ts); only ever on the throwaway embedded e2e database, and the
  // server refuses the flag without this profile (lib/env.ts).
  INGAT_PROFILE: profile,
  INGAT_TEST_CLOCK: profile === 'e2e' && db.embedded ? '1' : '0',
  // The browser journeys include a simulated learner answering months of reviews through the API at machine speed;
  // the API's per-user limits are tested in integration tests (tests/integration/api-parity.test.ts).
  ...(profile === 'e2e' ? { API_RATE_LIMITS: process.env.API_RATE_LIMITS ?? 'off' } : {}),
  // Every browser journey signs up from 127.0.0.1; the per-address sign-up limit is tested in integration tests.
  ...(profile === 'e2e' ? { SIGNUP_LIMIT_PER_ADDRESS: process.env.SIGNUP_LIMIT_PER_ADDRESS ?? '10000' } : {}),
  // The browser journeys ask for fits themselves; a timed sweep starting one in the middle would make them flaky.
  INGAT_FIT_SWEEPS: profile === 'e2e' ? '0' : '1',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: args.port,
};

if (!args.dev) {
  const code = await ensureProductionBuild(childEnv, log);
  if (code !== 0) await shutdown('build-failed', code);
}

// scripts/serve.ts rather than `next start`: it stamps the client address that rate limits trust (see that file).
const serveArgs = ['--import', 'tsx', resolve(root, 'scripts', 'serve.ts'), '--port', args.port, '--host', '127.0.0.1'];
const next = spawn(process.execPath, args.dev ? [...serveArgs, '--dev'] : serveArgs, {
  env: { ...childEnv, NODE_ENV: args.dev ? 'development' : 'production' },
  stdio: 'inherit',
});
running.next = next;
// Next ending by itself is a failure (it serves until told to stop): exit non-zero at once, so a supervisor restarts
// the service. Killed by a signal, the code is 128 + the signal's number, as a shell reports it.
next.once('exit', (code, signal) => {
  if (stopping) return;
  const failed = signal ? 128 + (osConstants.signals[signal] ?? 0) : code ? code : 1;
  void shutdown(`next exited (${signal ?? `code ${code}`})`, failed);
});

const url = `http://localhost:${args.port}`;
console.log(`\n  Ingat is starting on ${url} (ready in a moment; ${((Date.now() - t0) / 1000).toFixed(1)} s so far)`);
if (db.embedded) {
  console.log(`  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.role.padEnd(10)} ${a.email}`);
}
console.log('');

/** A secret kept in .data for local use, so sessions survive restarts without configuration. */
function localSecret(): string {
  const file = resolve(root, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(resolve(root, '.data'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
