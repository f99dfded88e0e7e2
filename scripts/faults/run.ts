/**
 * npm run test:faults
 *
 * The failures the internet and operations bring, against the production build on a throwaway embedded PostgreSQL
 * (profile "faults", .data/pg-faults, port 54333 + INGAT_PORT_OFFSET; apps on 3400 + offset and up, 127.0.0.1
 * only). Two `next start` processes share the database while learners answer through the API, each answer with its
 * own idempotency key, resent with the same key until acknowledged (./load.ts). Scenarios, in order:
 *
 *   baseline              load on both processes, nothing breaks
 *   kill -9 app           one app process is killed mid-load; its learners move to the other
 *   postgres crash        the postmaster is killed (kill -9) under load and restarted 3 s later
 *   postgres frozen       every PostgreSQL process is stopped (SIGSTOP) for 15 s, then continued
 *   N start together      three launchers (scripts/start.ts) start at once on an empty database; then one's Next is
 *                         killed and the launcher must exit non-zero at once
 *   oversized bodies      10 × 20 MB chunked bodies at once to the API, a server action, the Auth.js route
 *                         (status and memory growth, each apart)
 *   wrong passwords       20 wrong passwords at once against one account
 *   spoofed forwarding    35 wrong sign-ins, each with a different X-Forwarded-For
 *   review log replays    npm run review:rebuild: every card equals its rebuild from the append-only log
 *
 * Prints a table: acknowledged answers, lost (acknowledged but not in the review log), duplicated (recorded more
 * than once), status codes seen, worst latency, app process memory. Exits 1 when a target is missed: 0 lost, 0
 * duplicated, no 500, every request within 10 s while the database is frozen, < 20 MB memory growth from
 * oversized bodies, every process up in N start together, the launcher exiting non-zero within 3 s, and the sign-in
 * limits holding (at most 5 wrong passwords verified per account, at most 30 per client address).
 * Takes about 2½ minutes on 2 cores (plus a production build when the sources changed). Options (environment):
 * FAULTS_LEARNERS (200 seeded), FAULTS_CONCURRENCY (12 learners answering at once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import { EMBEDDED_PROFILES, provisionDatabase } from '../../lib/db/provision';
import { prepareDatabase } from '../../lib/startup/prepare';
import { MIGRATIONS_DIR } from '../../lib/db/schema-engine';
import { ensureProductionBuild } from '../build';
import { seedLearners, trueFalseCardsByUser } from '../bench/learners';
import { AnswerLoad, type LoadReport } from './load';
import { childPids, commandLine, chunkedPost, processTreeRssMb, sample, sleep, waitForHealth } from './process';
import { signInAttempt } from './sign-in';

const root = process.cwd();
const OFFSET = Number(process.env.INGAT_PORT_OFFSET ?? 0);
const APP_PORT = 3400 + OFFSET;
const LEARNERS = Number(process.env.FAULTS_LEARNERS ?? 200);
const CONCURRENCY = Number(process.env.FAULTS_CONCURRENCY ?? 12);
const PASSWORD = 'faults password 2026';
const logDir = resolve(root, '.data', 'faults-logs');
const log = (line: string) => console.error(`[faults ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Row {
  scenario: string;
  acknowledged: string;
  lost: string;
  duplicated: string;
  statuses: string;
  worstMs: string;
  memory: string;
  verdict: string;
}
const rows: Row[] = [];
const misses: string[] = [];

function record(row: Omit<Row, 'verdict'>, failures: string[]) {
  rows.push({ ...row, verdict: failures.length === 0 ? 'ok' : `MISSED: ${failures.join('; ')}` });
  misses.push(...failures.map((f) => `${row.scenario}: ${f}`));
  log(`${row.scenario}: ${failures.length === 0 ? 'ok' : failures.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Database, build, seed
// ---------------------------------------------------------------------------------------------------------------
rmSync(resolve(root, '.data', EMBEDDED_PROFILES.faults.name), { recursive: true, force: true });
rmSync(logDir, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });
const env = { ...process.env };
delete env.DATABASE_URL; // always the throwaway cluster: this suite kills and freezes its database
const database = await provisionDatabase('faults', env, log);
const embedded = database.embedded!;
const url = database.url;
const authSecret = randomBytes(32).toString('base64url');
const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: url,
  AUTH_SECRET: authSecret,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  NEXT_TELEMETRY_DISABLED: '1',
  INGAT_PROFILE: 'app',
  INGAT_TEST_CLOCK: '0',
};

const built = await ensureProductionBuild(appEnv, log);
if (built !== 0) throw new Error(`next build failed (${built})`);
await prepareDatabase(url, { demo: false, now: new Date() });

const admin = new pg.Client({ connectionString: url });
admin.on('error', () => undefined);
await admin.connect();
const passwordHash = await hashPassword(PASSWORD);
const learners = await seedLearners(admin, { count: LEARNERS, passwordHash, prefix: 'faults', newShare: 1 });
const cards = await trueFalseCardsByUser(admin);
await admin.end();
log(`seeded ${learners.length} learners`);

// ---------------------------------------------------------------------------------------------------------------
// App processes
// ---------------------------------------------------------------------------------------------------------------
const apps: { port: number; child: ChildProcess | null }[] = [
  { port: APP_PORT, child: null },
  { port: APP_PORT + 1, child: null },
];

function startApp(index: number): ChildProcess {
  const app = apps[index]!;
  const out = openSync(resolve(logDir, `app-${app.port}.log`), 'a');
  // The same server `npm start` runs (scripts/serve.ts): it decides the client address that limits key on.
  const serve = resolve(root, 'scripts', 'serve.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', serve, '--port', String(app.port), '--host', '127.0.0.1'], {
    env: appEnv,
    stdio: ['ignore', out, out],
  });
  app.child = child;
  return child;
}

async function ensureApps() {
  for (const [i, app] of apps.entries())
    if (!app.child || app.child.exitCode !== null || app.child.signalCode) startApp(i);
  for (const app of apps) await waitForHealth(`http://127.0.0.1:${app.port}`, 120_000);
}

let pageCookie = '';
const bases = () => apps.map((a) => `http://127.0.0.1:${a.port}`);
const load = new AnswerLoad(
  learners.map((l) => ({ token: l.token, cards: [...(cards.get(l.id) ?? [])] })).filter((l) => l.cards.length > 0),
  CONCURRENCY,
);

async function verify(report: LoadReport): Promise<{ lost: number; duplicated: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const keys = [...report.acknowledged];
    const found = await client.query<{ key: string; n: string }>(
      `SELECT "idempotencyKey" AS key, count(*) AS n FROM "ReviewLog" WHERE "idempotencyKey" = ANY($1::text[])
       GROUP BY "idempotencyKey"`,
      [keys],
    );
    const duplicated = found.rows.filter((r) => Number(r.n) > 1).length;
    return { lost: keys.length - found.rows.length, duplicated };
  } finally {
    await client.end();
  }
}

function statusText(statuses: Map<string, number>): string {
  return [...statuses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
}

/**
 * A signed-in learner's /review page on the second process, every half second while the load runs: pages must not
 * answer 500 either (503 with the "back in a moment" page while the database is away). Counted as `page:<status>`.
 */
async function probePages(report: LoadReport, running: () => boolean) {
  const base = `http://127.0.0.1:${apps[1]!.port}`;
  while (running()) {
    const started = performance.now();
    const status = await fetch(`${base}/review`, {
      headers: { cookie: pageCookie },
      redirect: 'manual',
      signal: AbortSignal.timeout(20_000),
    }).then(
      async (r) => {
        await r.arrayBuffer();
        return String(r.status);
      },
      (e: Error) => (e.name === 'TimeoutError' ? 'timeout' : 'network'),
    );
    report.worstMs = Math.max(report.worstMs, performance.now() - started);
    report.statuses.set(`page:${status}`, (report.statuses.get(`page:${status}`) ?? 0) + 1);
    await sleep(500);
  }
}

async function loadScenario(
  name: string,
  durationMs: number,
  fault: (elapsed: () => number) => Promise<void>,
  extraChecks: (report: LoadReport) => string[] = () => [],
) {
  await ensureApps();
  const before = appsRss();
  log(`${name}: load for ${durationMs / 1000} s`);
  const started = performance.now();
  let loading = true;
  const pages: LoadReport = { acknowledged: new Set(), statuses: new Map(), worstMs: 0, unacknowledged: 0 };
  const probing = probePages(pages, () => loading);
  const report = await load.run(bases, durationMs, () => fault(() => performance.now() - started));
  loading = false;
  await probing;
  report.worstMs = Math.max(report.worstMs, pages.worstMs);
  for (const [status, n] of pages.statuses) report.statuses.set(status, n);
  const { lost, duplicated } = await verify(report);
  const failures: string[] = [];
  if (lost > 0) failures.push(`${lost} lost`);
  if (duplicated > 0) failures.push(`${duplicated} duplicated`);
  if ((report.statuses.get('500') ?? 0) > 0) failures.push(`${report.statuses.get('500')} API answers 500`);
  // Next renders a page whose server components failed with status 500 and offers no way to choose another; the
  // proxy answers 503 from the moment this process has seen the outage, so these are the renders already running.
  if ((report.statuses.get('page:500') ?? 0) > 0)
    failures.push(`${report.statuses.get('page:500')} pages answered 500`);
  if (report.unacknowledged > 0) failures.push(`${report.unacknowledged} never acknowledged`);
  failures.push(...extraChecks(report));
  record(
    {
      scenario: name,
      acknowledged: String(report.acknowledged.size),
      lost: String(lost),
      duplicated: String(duplicated),
      statuses: statusText(report.statuses),
      worstMs: String(Math.round(report.worstMs)),
      memory: `${before} → ${appsRss()} MB`,
    },
    failures,
  );
}

function appsRss(): string {
  return apps.map((a) => (a.child?.pid && a.child.exitCode === null ? processTreeRssMb(a.child.pid) : 0)).join('+');
}

function postgresPids(): number[] {
  const postmaster = embedded.pid();
  if (!postmaster) throw new Error('no postmaster');
  return [postmaster, ...childPids(postmaster)];
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------------------------
try {
  // A cold server loads each route on its first request; that is start-up, not the behaviour under test.
  await ensureApps();
  const signedIn = await signInAttempt(`http://127.0.0.1:${apps[1]!.port}`, 'faults-3@bench.ingat', PASSWORD, {});
  if (signedIn.outcome !== 'signedIn') throw new Error(`the page prober could not sign in (${signedIn.outcome})`);
  pageCookie = signedIn.cookie;
  await load.run(bases, 6_000, async () => undefined);
  await loadScenario('baseline', 8_000, async () => undefined);

  await loadScenario('kill -9 app', 16_000, async () => {
    await sleep(5_000);
    log('kill -9 of app process 1');
    apps[0]!.child!.kill('SIGKILL');
  });

  await loadScenario('postgres crash', 22_000, async () => {
    await sleep(4_000);
    log('kill -9 of the postmaster');
    process.kill(embedded.pid()!, 'SIGKILL');
    await sleep(3_000);
    log('restarting PostgreSQL');
    await embedded.restart();
    log('PostgreSQL is back');
  });

  await loadScenario(
    'postgres frozen 15 s',
    26_000,
    async () => {
      await sleep(4_000);
      const pids = postgresPids();
      log(`SIGSTOP to ${pids.length} PostgreSQL processes`);
      for (const pid of pids) process.kill(pid, 'SIGSTOP');
      await sleep(15_000);
      for (const pid of pids) process.kill(pid, 'SIGCONT');
      log('SIGCONT');
    },
    (report) => {
      return report.worstMs > 10_000 ? [`a request took ${Math.round(report.worstMs)} ms (> 10 s)`] : [];
    },
  );

  await startTogetherScenario();
  await oversizedScenario();
  await wrongPasswordsScenario();
  await spoofedForwardingScenario();
  await replayScenario();
} finally {
  for (const app of apps) app.child?.kill('SIGTERM');
  await sleep(1_000);
  await embedded.stop();
}

printTable();
process.exit(misses.length === 0 ? 0 : 1);

// ---------------------------------------------------------------------------------------------------------------

async function startTogetherScenario() {
  const name = 'N=3 start together (empty db)';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE DATABASE ingat_faults_start');
  await client.end();
  const startUrl = url.replace(/\/[^/]+$/, '/ingat_faults_start');
  const ports = [APP_PORT + 2, APP_PORT + 3, APP_PORT + 4];
  const started = performance.now();
  const launchers = ports.map((port) => {
    const out = openSync(resolve(logDir, `launcher-${port}.log`), 'a');
    return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', String(port)], {
      env: { ...process.env, DATABASE_URL: startUrl, AUTH_SECRET: authSecret, LOG_LEVEL: 'warn' },
      stdio: ['ignore', out, out],
    });
  });
  const failures: string[] = [];
  const up = await Promise.all(
    ports.map((port) =>
      waitForHealth(`http://127.0.0.1:${port}`, 180_000).then(
        () => true,
        () => false,
      ),
    ),
  );
  const upMs = performance.now() - started;
  const alive = launchers.filter((l) => l.exitCode === null && l.signalCode === null).length;
  if (up.some((u) => !u) || alive < launchers.length) failures.push(`${alive} of ${launchers.length} launchers up`);

  const check = new pg.Client({ connectionString: startUrl });
  await check.connect();
  const migrations = await check.query<{ name: string; n: string }>(
    `SELECT migration_name AS name, count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1`,
  );
  await check.end();
  const expected = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).length;
  const twice = migrations.rows.filter((r) => Number(r.n) > 1).length;
  if (migrations.rows.length !== expected || twice > 0)
    failures.push(`${migrations.rows.length}/${expected} migrations applied, ${twice} more than once`);

  // The launcher must notice its Next dying and exit non-zero at once.
  const victim = launchers[0]!;
  // The server child (scripts/serve.ts), not tsx's esbuild service, which the launcher also has as a child.
  const nextPid = childPids(victim.pid!).find((pid) => commandLine(pid).includes('serve.ts'));
  let exit = 'no Next child found';
  if (nextPid) {
    const killedAt = performance.now();
    const exited = new Promise<string>((r) =>
      victim.once('exit', (code, signal) =>
        r(`exit ${code ?? signal} after ${Math.round(performance.now() - killedAt)} ms`),
      ),
    );
    process.kill(nextPid, 'SIGKILL');
    exit = await Promise.race([exited, sleep(15_000).then(() => 'still running after 15 s')]);
    const ms = Number(/after (\d+) ms/.exec(exit)?.[1] ?? Infinity);
    if (!/^exit [1-9]/.test(exit) || ms > 3_000) failures.push(`launcher after its Next was killed: ${exit}`);
  } else failures.push(exit);
  for (const l of launchers) if (l.exitCode === null) l.kill('SIGTERM');
  await Promise.all(
    launchers.map((l) => (l.exitCode === null && l.signalCode === null ? new Promise((r) => l.once('exit', r)) : null)),
  );
  record(
    {
      scenario: name,
      acknowledged: '-',
      lost: '-',
      duplicated: '-',
      statuses: `${up.filter(Boolean).length}/3 healthy in ${(upMs / 1000).toFixed(0)} s; launcher: ${exit}`,
      worstMs: '-',
      memory: '-',
    },
    failures,
  );
}

/** Oversized chunked bodies at one kind of endpoint, `count` at once, with the app's memory sampled throughout. */
async function oversizedScenario() {
  await ensureApps();
  const app = apps[1]!;
  const base = `http://127.0.0.1:${app.port}`;
  const kinds: { name: string; count: number; url: string; headers: Record<string, string> }[] = [
    {
      name: 'API (POST /api/v1/review/answers)',
      count: 10,
      url: `${base}/api/v1/review/answers`,
      headers: { authorization: `Bearer ${learners[1]!.token}`, 'content-type': 'application/json' },
    },
    {
      name: 'server action (POST /signin)',
      count: 10,
      url: `${base}/signin`,
      headers: { 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    },
    {
      name: 'sign-in route (Auth.js)',
      count: 10,
      url: `${base}/api/auth/callback/credentials`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
  ];
  for (const kind of kinds) {
    const pid = app.child!.pid!;
    // Warm the route first, so its first-request costs do not count as growth.
    await chunkedPost(kind.url, 1024, kind.headers);
    await sleep(1_000);
    const before = processTreeRssMb(pid);
    const peak = sample(() => processTreeRssMb(pid), 100);
    const results = await Promise.all(
      Array.from({ length: kind.count }, () => chunkedPost(kind.url, 20 * 1024 * 1024, kind.headers)),
    );
    await sleep(2_000);
    const max = peak.stop();
    const after = processTreeRssMb(pid);
    const growth = max - before;
    const statuses = new Map<string, number>();
    for (const r of results) statuses.set(String(r.status), (statuses.get(String(r.status)) ?? 0) + 1);
    const failures: string[] = [];
    if (growth >= 20) failures.push(`memory grew ${growth} MB`);
    if (results.some((r) => r.status === 500)) failures.push('500 seen');
    // `error`: the connection was reset while the body was still being sent, after the server refused it (a client
    // that keeps writing into a closed request may see the reset before it reads the 413).
    if (results.some((r) => r.status !== 413 && r.status !== 'error'))
      failures.push('an oversized body was not refused');
    record(
      {
        scenario: `${kind.count} × 20 MB chunked: ${kind.name}`,
        acknowledged: '-',
        lost: '-',
        duplicated: '-',
        statuses: statusText(statuses),
        worstMs: String(Math.round(Math.max(...results.map((r) => r.ms)))),
        memory: `${before} → peak ${max}, after ${after} MB (+${growth})`,
      },
      failures,
    );
  }
}

/** Every card rebuilt from the review log must equal the stored card, after everything above (npm run review:rebuild). */
async function replayScenario() {
  const started = performance.now();
  const out = openSync(resolve(logDir, 'review-rebuild.log'), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/review/rebuild.ts'], {
    env: { ...process.env, DATABASE_URL: url, DB_STATEMENT_TIMEOUT_MS: '600000', DB_QUERY_TIMEOUT_MS: '600000' },
    stdio: ['ignore', out, out],
  });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  const report = readFileSync(resolve(logDir, 'review-rebuild.log'), 'utf8').split('\n')[0] ?? '';
  const differ = Number(/: (\d+) differ/.exec(report)?.[1] ?? NaN);
  record(
    {
      scenario: 'review log replays to every card',
      acknowledged: '-',
      lost: '-',
      duplicated: '-',
      statuses: report,
      worstMs: String(Math.round(performance.now() - started)),
      memory: '-',
    },
    code === 0 && differ === 0 ? [] : [`review:rebuild exited ${code}: ${report}`],
  );
}

async function clearSignInLimits() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Whatever tables hold the sign-in counters (their names belong to lib/auth), empty them between scenarios.
  const tables = await client.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND (table_name ILIKE '%rate%limit%' OR table_name ILIKE '%throttle%' OR table_name ILIKE '%signin%attempt%')`,
  );
  for (const t of tables.rows) await client.query(`DELETE FROM ${t.name}`);
  await client.end();
}

async function wrongPasswordsScenario() {
  await ensureApps();
  await clearSignInLimits();
  const base = `http://127.0.0.1:${apps[1]!.port}`;
  const email = 'faults-7@bench.ingat';
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, () => signInAttempt(base, email, 'wrong password 123', {})),
  );
  const verified = outcomes.filter((o) => o.outcome === 'badCredentials').length;
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(`${o.status}:${o.outcome}`, (counts.get(`${o.status}:${o.outcome}`) ?? 0) + 1);
  const failures = verified > 5 ? [`${verified} of 20 wrong passwords were checked (limit 5)`] : [];
  if (outcomes.some((o) => o.status >= 500)) failures.push('5xx seen');
  record(
    {
      scenario: 'wrong passwords (20 at once, 1 account)',
      acknowledged: `${verified} checked`,
      lost: '-',
      duplicated: '-',
      statuses: statusText(counts),
      worstMs: String(Math.round(Math.max(...outcomes.map((o) => o.ms)))),
      memory: '-',
    },
    failures,
  );
}

async function spoofedForwardingScenario() {
  await ensureApps();
  await clearSignInLimits();
  const base = `http://127.0.0.1:${apps[1]!.port}`;
  const outcomes = [];
  for (let i = 0; i < 35; i++) {
    const spoofed = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    outcomes.push(
      await signInAttempt(base, `nobody-${i}-${randomBytes(3).toString('hex')}@bench.ingat`, 'wrong password 123', {
        'x-forwarded-for': spoofed,
      }),
    );
  }
  const verified = outcomes.filter((o) => o.outcome === 'badCredentials').length;
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(`${o.status}:${o.outcome}`, (counts.get(`${o.status}:${o.outcome}`) ?? 0) + 1);
  const failures = verified > 30 ? [`${verified} of 35 spoofed attempts were checked (per-address limit 30)`] : [];
  if (outcomes.some((o) => o.status >= 500)) failures.push('5xx seen');
  record(
    {
      scenario: 'spoofed X-Forwarded-For (35 sign-ins)',
      acknowledged: `${verified} checked`,
      lost: '-',
      duplicated: '-',
      statuses: statusText(counts),
      worstMs: String(Math.round(Math.max(...outcomes.map((o) => o.ms)))),
      memory: '-',
    },
    failures,
  );
}

function printTable() {
  const header: Row = {
    scenario: 'scenario',
    acknowledged: 'acknowledged',
    lost: 'lost',
    duplicated: 'duplicated',
    statuses: 'status codes seen',
    worstMs: 'worst ms',
    memory: 'app memory (RSS)',
    verdict: 'verdict',
  };
  const cols = Object.keys(header) as (keyof Row)[];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[header, ...rows].map((r) => r[c].length))]));
  const line = (r: Row) => '| ' + cols.map((c) => r[c].padEnd(width[c]!)).join(' | ') + ' |';
  console.log(`\ntest:faults — ${LEARNERS} learners, ${CONCURRENCY} answering at once, 2 app processes\n`);
  console.log(line(header));
  console.log('|' + cols.map((c) => '-'.repeat(width[c]! + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  console.log(
    misses.length === 0 ? '\nall targets met' : `\n${misses.length} target(s) missed:\n  ${misses.join('\n  ')}`,
  );
  console.log(`logs of the app processes: ${logDir}`);
}
