/**
 * npm run bench:review
 *
 * Seeds a throwaway PostgreSQL (embedded, profile "bench", or BENCH_DATABASE_URL) with many learners, their cards
 * and review history, generated in SQL; starts the production build against it; and measures with autocannon:
 *   1. a trivial route handler of the same app (GET /api/health: one `SELECT 1`), as the yardstick;
 *   2. sustained authenticated answer submissions (POST /api/v1/review/answers with a Bearer token): each
 *      connection is one learner going through their true/false cards in turn, each answer with its own idempotency
 *      key and the card version that card's previous answer returned.
 * Then it times the next-card queries for a learner with 10,000 cards inside the database (EXPLAIN ANALYZE).
 * The two routes alternate in ROUNDS short rounds, so that the virtual machine's slower and faster spells (its
 * trivial-route throughput alone varies by ±10% from minute to minute) fall on both alike. The headline ratio pools
 * all rounds: every answer served over every trivial request served, in equal time.
 * Options (environment): BENCH_LEARNERS (2000), BENCH_CONNECTIONS (16), BENCH_SECONDS (15 per route and round),
 * BENCH_ROUNDS (6), BENCH_PORT (3200).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import { startEmbeddedPostgres } from '../../lib/db/embedded';
import { prepareDatabase } from '../../lib/startup/prepare';
import { answerBody, seedLearners, trueFalseCardsByUser } from './learners';

const root = resolve(import.meta.dirname, '..', '..');
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const BIG_CARDS = 10_000;
const HISTORY_PER_LEARNER = 40;
const log = (line: string) => console.error(`[bench] ${line}`);

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
let url = process.env.BENCH_DATABASE_URL;
if (!url) {
  rmSync(resolve(root, '.data', 'pg-bench'), { recursive: true, force: true });
  embedded = await startEmbeddedPostgres({ name: 'pg-bench', port: 54332, database: 'ingat_bench', log });
  url = embedded.url;
}
const now = new Date();
await prepareDatabase(url, { demo: false, now });
const client = new pg.Client({ connectionString: url });
await client.connect();

// ---------------------------------------------------------------------------------------------------------------
// Seed, in SQL. Every learner: all items of the course as cards (a third new, the rest in review with varied
// memory), a review history, and one API token whose plaintext only this script knows.
// ---------------------------------------------------------------------------------------------------------------
const seedStart = performance.now();
const passwordHash = await hashPassword('bench password 2026');
const seeded = await seedLearners(client, { count: LEARNERS, passwordHash, prefix: 'bench' });
const users = seeded.map((l) => ({ id: l.id }));
const tokens = seeded.map((l) => l.token);
const state = `jsonb_build_object('phase','review','due',to_char(now(),'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),'stability',5,
  'difficulty',5,'scheduledDays',5,'learningSteps',0,'reps',3,'lapses',0,'lastReview',to_char(now(),'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
await client.query(
  `INSERT INTO "ReviewLog" (id, "userId", "cardId", "itemId", source, "idempotencyKey", seed, response, correct, score,
                            rating, "durationMs", "answeredAt", "timeZone", "desiredRetention", "cardVersionBefore",
                            "cardVersionAfter", "stateBefore", "stateAfter")
   SELECT gen_random_uuid(), c."userId", c.id, c."itemId", 'REVIEW', 'seed-' || c.id || '-' || g, 'seed',
          '{"kind":"truefalse","value":true}', random() < 0.85, 1, 'GOOD', 8000,
          now() - g * interval '1 day' - random() * interval '1 hour', 'Asia/Jakarta', 0.9, 1, 1,
          ${state}, ${state}
   FROM (SELECT c.*, row_number() OVER (PARTITION BY c."userId" ORDER BY c.id) AS n FROM "Card" c
         WHERE c.phase = 'REVIEW') c
   CROSS JOIN generate_series(1, 4) g
   WHERE c.n <= $1::int / 4`,
  [HISTORY_PER_LEARNER],
);

// One learner with 10,000 cards, on a synthetic course of 10,000 items, for the next-card query timing.
await client.query(`INSERT INTO "Course" (id, title, description, language, "contentHash") VALUES
  ('bench-course', 'Bench', 'Synthetic course for the benchmark', 'id', 'bench')`);
await client.query(`INSERT INTO "Lesson" (id, "courseId", "order", title)
  SELECT 'bench-lesson-' || g, 'bench-course', g, 'Bench ' || g FROM generate_series(1, 20) g`);
await client.query(
  `INSERT INTO "Item" (id, "courseId", "lessonId", kind, level, difficulty, sibling, concepts, "contentHash", data, "updatedAt")
   SELECT 'bench-' || g, 'bench-course', 'bench-lesson-' || (1 + g % 20), 'truefalse', 'remember', 2, 'bench-fact-' || g,
          '{}', 'bench', '{}', now() FROM generate_series(1, $1::int) g`,
  [BIG_CARDS],
);
const big = (
  await client.query<{ id: string }>(
    `INSERT INTO "User" (id, email, "passwordHash", "displayName", "passwordChangedAt", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), 'bench-big@bench.ingat', $1, 'Bench big', now(), now(), now()) RETURNING id`,
    [passwordHash],
  )
).rows[0]!.id;
await client.query(
  `INSERT INTO "Card" (id, "userId", "itemId", "courseId", "lessonId", sibling, position, phase, due, stability,
                       difficulty, "scheduledDays", reps, "lastReview", "createdAt")
   SELECT gen_random_uuid(), $1::uuid, i.id, i."courseId", i."lessonId", i.sibling, row_number() OVER (ORDER BY i.id),
          CASE WHEN r < 0.3 THEN 'NEW'::"CardPhase" WHEN r < 0.33 THEN 'LEARNING'::"CardPhase" ELSE 'REVIEW'::"CardPhase" END,
          now() + (d * 200 - 20) * interval '1 day', 1 + d * 100, 5, (1 + d * 100)::int, 3,
          now() - interval '5 days', now() - interval '200 days'
   FROM "Item" i CROSS JOIN LATERAL (SELECT random() + 0 * length(i.id) AS r, random() AS d) x
   WHERE i."courseId" = 'bench-course'`,
  [big],
);
await client.query('ANALYZE');
const bigDeck = (
  await client.query<{ phase: string; n: string; due: string }>(
    `SELECT phase, count(*) AS n, count(*) FILTER (WHERE phase <> 'NEW' AND due < now() + interval '18 hours') AS due
     FROM "Card" WHERE "userId" = $1 GROUP BY phase ORDER BY phase`,
    [big],
  )
).rows;
const bigDeckText = bigDeck.map((r) => `${r.phase.toLowerCase()} ${r.n}`).join(', ');
const bigDueToday = bigDeck.reduce((sum, r) => sum + Number(r.due), 0);
const counts = (
  await client.query<{ users: string; cards: string; logs: string }>(
    `SELECT (SELECT count(*) FROM "User") users, (SELECT count(*) FROM "Card") cards, (SELECT count(*) FROM "ReviewLog") logs`,
  )
).rows[0]!;
log(
  `seeded ${counts.users} users, ${counts.cards} cards, ${counts.logs} review-log rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

// ---------------------------------------------------------------------------------------------------------------
// The next-card queries for the 10,000-card learner, as lib/data/review/next-card.ts issues them.
// ---------------------------------------------------------------------------------------------------------------
const dayStart = new Date(now.getTime() - 6 * 3600_000);
const dayEnd = new Date(dayStart.getTime() + 86_400_000);
const nextCardQueries: [string, string, unknown[]][] = [
  [
    'cards due today',
    `SELECT id, "itemId", "lessonId", "courseId", sibling, position, version, phase, due, stability, difficulty,
            "scheduledDays", "learningSteps", reps, lapses, "lastReview" FROM "Card"
     WHERE "userId" = $1 AND phase IN ('LEARNING','REVIEW','RELEARNING') AND due < $2`,
    [big, dayEnd],
  ],
  [
    'new cards window',
    `SELECT id, "itemId", "lessonId", "courseId", sibling, position, version, phase, due FROM "Card"
     WHERE "userId" = $1 AND phase = 'NEW' ORDER BY position ASC LIMIT 400`,
    [big],
  ],
  [
    "today's answers",
    `SELECT l."cardId", l."stateBefore", c.sibling FROM "ReviewLog" l JOIN "Card" c ON c.id = l."cardId"
     LEFT JOIN "ReviewRevocation" r ON r."reviewLogId" = l.id
     WHERE l."userId" = $1 AND l."answeredAt" >= $2 AND l."answeredAt" < $3 AND r."reviewLogId" IS NULL`,
    [big, dayStart, dayEnd],
  ],
  ['unstarted new count', `SELECT count(*) FROM "Card" WHERE "userId" = $1 AND phase = 'NEW'`, [big]],
];
const dbTimes: number[] = [];
const plans: Record<string, string> = {};
for (let run = 0; run < 60; run++) {
  let total = 0;
  for (const [name, sql, params] of nextCardQueries) {
    const res = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const plan = (
      res.rows[0] as { 'QUERY PLAN': [{ 'Execution Time': number; 'Planning Time': number; Plan: unknown }] }
    )['QUERY PLAN'][0];
    total += plan['Execution Time'] + plan['Planning Time'];
    if (run === 59) {
      const text = await client.query(`EXPLAIN ${sql}`, params);
      plans[name] = text.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    }
  }
  if (run >= 10) dbTimes.push(total);
}

// ---------------------------------------------------------------------------------------------------------------
// The app under load.
// ---------------------------------------------------------------------------------------------------------------
// Each learner's true/false cards (the answer body is the same shape for all of them), answered in turn.
const cardsByUser = await trueFalseCardsByUser(client, ['bench-course']);
await client.end();

// BENCH_CPU_PROF=<dir> runs `next start` directly under --cpu-prof (the build must be current: run once without).
const profileDir = process.env.BENCH_CPU_PROF;
const server = profileDir
  ? spawn(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${profileDir}`,
        resolve(root, 'node_modules/next/dist/bin/next'),
        'start',
        '-p',
        String(PORT),
        '-H',
        '127.0.0.1',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: url,
          AUTH_SECRET: randomBytes(32).toString('base64url'),
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
          // Each connection plays one learner answering at machine speed, all from 127.0.0.1: far past the answer
          // limits a real client meets, so they are lifted here (the limits are not what is measured).
          API_RATE_LIMITS: 'off',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
  : spawn(
      process.execPath,
      [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts', '--port', String(PORT)],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', API_RATE_LIMITS: 'off' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  if (i > 600) throw new Error('the app did not start');
  const ok = await fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((r) => setTimeout(r, 500));
}

type Result = autocannon.Result;
function run(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolveRun, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolveRun(result)));
  });
}

log('warming up…');
await run({ url: `${base}/api/health`, connections: 4, duration: 3 });
const learners = users
  .map((u, i) => ({ token: tokens[i]!, cards: cardsByUser.get(u.id) ?? [], turn: 0 }))
  .filter((l) => l.cards.length > 0);
let nextLearner = 0;
const answersOptions = (duration: number): autocannon.Options => ({
  url: base,
  connections: CONNECTIONS,
  duration,
  requests: [
    {
      method: 'POST',
      path: '/api/v1/review/answers',
      setupRequest: (req, raw) => {
        // Each connection answers as its own learner, going through the learner's cards one after another (as a
        // review session does), each on the version its last answer returned.
        const context = raw as { learner?: (typeof learners)[number] };
        context.learner ??= learners[nextLearner++ % learners.length];
        const learner = context.learner!;
        const card = learner.cards[learner.turn++ % learner.cards.length]!;
        return {
          ...req,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${learner.token}` },
          body: answerBody(card),
        };
      },
      onResponse: (status, body, raw) => {
        // By the card id in the result: autocannon may already have set up this connection's next request.
        if (status !== 200) return;
        const result = JSON.parse(body) as { cardId: string; cardVersion: number };
        const { learner } = raw as { learner: (typeof learners)[number] };
        const card = learner.cards.find((c) => c.id === result.cardId);
        if (card) card.version = result.cardVersion;
      },
    },
  ],
});
await run(answersOptions(3));

// The two routes alternate, ROUNDS times, so that a slower or faster spell of the (shared, virtual) machine
// affects both alike. Each round's ratio is printed, the table shows the round with the median ratio, and the
// headline pools all rounds.
const rounds: { trivial: Result; answers: Result; ratio: number }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  log(`round ${round}/${ROUNDS}: trivial route, ${SECONDS} s, ${CONNECTIONS} connections…`);
  const trivialRun = await run({ url: `${base}/api/health`, connections: CONNECTIONS, duration: SECONDS });
  log(`round ${round}/${ROUNDS}: answer submissions, ${SECONDS} s, ${CONNECTIONS} connections…`);
  const answersRun = await run(answersOptions(SECONDS));
  rounds.push({
    trivial: trivialRun,
    answers: answersRun,
    ratio: answersRun.requests.average / trivialRun.requests.average,
  });
}
const { trivial, answers } = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor((ROUNDS - 1) / 2)]!;
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

const check = new pg.Client({ connectionString: url });
await check.connect();
const recorded = Number(
  (await check.query<{ n: string }>(`SELECT count(*) n FROM "ReviewLog" WHERE "idempotencyKey" NOT LIKE 'seed-%'`))
    .rows[0]!.n,
);
await check.end();
await embedded?.stop();

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const row = (name: string, r: Result) =>
  `${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(8)} ${String(r.latency.p50).padStart(8)} ${String(
    r.latency.p99,
  ).padStart(8)} ${String(r.non2xx).padStart(8)} ${String(r.errors + r.timeouts).padStart(7)}`;
console.log(`\nbench:review — ${counts.users} users, ${counts.cards} cards, ${counts.logs} seeded log rows`);
console.log(
  `${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per route (alternating), production build on 127.0.0.1:${PORT}`,
);
for (const [i, r] of rounds.entries())
  console.log(
    `round ${i + 1}: trivial ${r.trivial.requests.average.toFixed(0)} req/s, answers ${r.answers.requests.average.toFixed(0)} req/s` +
      ` (p50 ${r.answers.latency.p50} ms, p99 ${r.answers.latency.p99} ms): ${(100 * r.ratio).toFixed(0)}%`,
  );
const total = (pick: (r: (typeof rounds)[number]) => Result) => rounds.reduce((n, r) => n + pick(r).requests.total, 0);
const [trivialTotal, answersTotal] = [total((r) => r.trivial), total((r) => r.answers)];
const seconds = ROUNDS * SECONDS;
const statusCounts: Record<string, number> = {};
for (const r of rounds)
  for (const [code, { count }] of Object.entries(r.answers.statusCodeStats ?? {}))
    statusCounts[code] = (statusCounts[code] ?? 0) + (count ?? 0);
const ratios = rounds.map((r) => r.ratio);
console.log('\nthe round with the median ratio:\n');
console.log(
  `${'route'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)}`,
);
console.log(row('GET /api/health (trivial)', trivial));
console.log(row('POST /api/v1/review/answers', answers));
console.log(`\nall ${ROUNDS} rounds together (${seconds} s per route):`);
console.log(
  `  trivial ${(trivialTotal / seconds).toFixed(0)} req/s; answers ${(answersTotal / seconds).toFixed(0)} req/s,` +
    ` p99 at most ${Math.max(...rounds.map((r) => r.answers.latency.p99))} ms; status codes ${JSON.stringify(statusCounts)}`,
);
console.log(
  `  answers / trivial throughput: ${((100 * answersTotal) / trivialTotal).toFixed(0)}%` +
    ` (rounds ${(100 * Math.min(...ratios)).toFixed(0)}–${(100 * Math.max(...ratios)).toFixed(0)}%)` +
    `; answers recorded in the log during the run: ${recorded}`,
);
console.log(
  `next card for a learner with ${BIG_CARDS} cards (${bigDeckText}; ${bigDueToday} due today), database time (planning + execution of its 4 queries, 50 runs):` +
    ` p50 ${pct(dbTimes, 0.5).toFixed(2)} ms, p99 ${pct(dbTimes, 0.99).toFixed(2)} ms`,
);
for (const [name, plan] of Object.entries(plans)) console.log(`\n-- ${name}\n${plan}`);
