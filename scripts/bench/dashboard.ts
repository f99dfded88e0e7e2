/**
 * npm run bench:dashboard (issue #5)
 *
 * Seeds an embedded PostgreSQL (folder .data/pg-bench-dashboard, port 54333) with a school's worth of data, generated
 * in SQL (INSERT … SELECT over generate_series, one transaction, ~6–7 minutes on 2 cores), on top of the real course
 * content (migrations and content load as the app does them):
 *   - 10,450 students and 200 instructors; 200 classes of the course, 199 of 50 students and one of 500 (join code
 *     DASH-001: the measured class), one instructor and 4 assigned lessons each; a review-settings row for 30%;
 *   - a card for every student and item (271 × 10,450): each student has started the first 20–100% of the course in
 *     deck order, the rest are NEW; started cards are LEARNING / REVIEW / RELEARNING (from the last answer) with
 *     stability 0.5–60 days, last review in the last 60 days, due around lastReview + stability;
 *   - 500 review-log rows per student (5,225,000), spread over the last 365 days and inserted in time order like the
 *     app records them (seq follows answeredAt, and one student's rows are scattered over the table, not clustered);
 *     the first answer of each card has firstAttempt = true; responses shaped like real answers to the item's kind
 *     (the right option, or mostly the first distractors); ~78% correct; ~1% revoked (ReviewRevocation).
 * For the load only, the cluster runs with bigger shared_buffers, rare checkpoints, no full-page writes, and the
 * session skips per-row foreign-key triggers (session_replication_role = replica; every foreign key is then checked
 * with one anti-join per constraint before COMMIT). Then VACUUM (ANALYZE), the settings go back to PostgreSQL's
 * defaults and the cluster restarts, so what is measured runs on a default server.
 *
 * Measured, with the seed's clock, for the 500-student class, from lib/data/classes/dashboard.internal.ts and
 * lib/data/classes/item-analysis.internal.ts, imported only after DATABASE_URL points at the bench database:
 *   - classDashboardData(classId, now) and classItemAnalysisData(classId): BENCH_WARMUP (5) warm-up calls, then
 *     BENCH_RUNS (30) timed calls each, p50 / p95 / max in ms (targets: 150 ms and 300 ms);
 *   - every entry of every export named *_SQL_FOR_EXPLAIN (DASHBOARD_SQL_FOR_EXPLAIN: { name, sql, params(classId,
 *     now) }[]; a single such object also works) under EXPLAIN (ANALYZE, BUFFERS), printed in full.
 * Exit status: 1 if any plan has a sequential scan of "ReviewLog"; 2 if a module, one of the two functions or
 * DASHBOARD_SQL_FOR_EXPLAIN is missing (the seed report is printed all the same); 0 otherwise. Timings over target
 * are reported, not failed.
 *
 * Environment:
 *   BENCH_REUSE=1  reuse the database an earlier run left in the folder when it holds a complete seed (the seed is a
 *                  single transaction, so it is either all there or not at all): skips the minutes of seeding.
 *                  Pending migrations and content changes are still applied. Without it the folder is wiped first.
 *   BENCH_CLEAN=1  delete the folder at the end. By default it is kept (~9 GB), for BENCH_REUSE and for psql:
 *                  postgresql://ingat:ingat-local-only@127.0.0.1:54333/ingat_bench_dashboard while a run is going.
 *   BENCH_RUNS (30), BENCH_WARMUP (5).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import { courseCatalog } from '../../lib/content/catalog';
import type { Item } from '../../lib/content/schema';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/db/embedded';
import { prepareDatabase } from '../../lib/startup/prepare';
import { positionsOf } from '../../lib/data/review/deck.internal';

const root = resolve(import.meta.dirname, '..', '..');
const NAME = 'pg-bench-dashboard';
const DIR = resolve(root, '.data', NAME);
const PORT = 54333;
const COURSE = 'struktur-keamanan-regional';
const REUSE = process.env.BENCH_REUSE === '1';
const CLEAN = process.env.BENCH_CLEAN === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);

const CLASSES = 200;
const CLASS_SIZE = 50;
const BIG_CLASS = 500; // class 1
const STUDENTS = BIG_CLASS + (CLASSES - 1) * CLASS_SIZE; // 10,450
const LOGS_PER_STUDENT = 500;
const LOG_CHUNK = 500_000;
const MEASURED_JOIN_CODE = 'DASH-001';
/** The measured class's exam is this long after the seed's clock: how a reused database finds that clock again. */
const EXAM_AFTER_DAYS = 30;
const TARGETS: Record<string, number> = { classDashboardData: 150, classItemAnalysisData: 300 };

const log = (line: string) => console.error(`[bench] ${line}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

let embedded = null as EmbeddedDatabase | null;

/** Server settings for the bulk load only (postgresql.auto.conf of this cluster); reset before anything is measured. */
const LOAD_SETTINGS: Record<string, string> = {
  // The review log's indexes (~1.5 GB) stay in memory while rows arrive in time order, i.e. in random index order.
  shared_buffers: `${Math.max(128, Math.min(2048, Math.floor(totalmem() / 4 / 2 ** 20)))}MB`,
  max_wal_size: '2GB', // (no more: WAL segments recycled ahead of use stay on disk after the reset)
  checkpoint_timeout: '1h',
  // A throwaway cluster: a torn page after an OS crash mid-seed costs a re-seed at worst.
  full_page_writes: 'off',
};

let connection = null as pg.Client | null;

async function start(): Promise<pg.Client> {
  embedded = await startEmbeddedPostgres({ name: NAME, port: PORT, database: 'ingat_bench_dashboard', log });
  connection = new pg.Client({ connectionString: embedded.url });
  await connection.connect();
  await connection.query(`SET TIME ZONE 'UTC'`);
  return connection;
}

async function restart(): Promise<pg.Client> {
  await connection?.end();
  connection = null;
  await embedded?.stop();
  return start();
}

/** Applies ALTER SYSTEM changes, restarting when one needs it. */
async function configure(settings: Record<string, string | null>): Promise<pg.Client> {
  let c = connection!;
  for (const [name, value] of Object.entries(settings)) {
    await c.query(value === null ? `ALTER SYSTEM RESET ${name}` : `ALTER SYSTEM SET ${name} = '${value}'`);
  }
  await c.query('SELECT pg_reload_conf()');
  await new Promise((r) => setTimeout(r, 200));
  const pending = await c.query(`SELECT 1 FROM pg_settings WHERE pending_restart`);
  if (pending.rowCount) c = await restart();
  return c;
}

const DEFAULTS = Object.fromEntries(Object.keys(LOAD_SETTINGS).map((k) => [k, null]));

async function main(): Promise<number> {
  if (!REUSE) rmSync(DIR, { recursive: true, force: true });
  let c = await start();
  const url = embedded!.url;
  c = await configure(DEFAULTS); // a run that failed while seeding may have left the load settings
  const prepared = await prepareDatabase(url, { demo: false, now: new Date() });
  if (prepared.migrationsApplied.length) log(`migrations applied: ${prepared.migrationsApplied.join(', ')}`);

  let now = await seedClock(c);
  let seedTime: string | null = null;
  if (now) {
    log(`reusing the seeded database in ${DIR} (seed clock ${now.toISOString()})`);
  } else {
    if (REUSE) log('no complete seed to reuse: seeding');
    now = new Date();
    const started = performance.now();
    try {
      c = await configure(LOAD_SETTINGS);
      await seed(c, now);
      log('VACUUM (ANALYZE)…');
      const vacuumStart = performance.now();
      await c.query('VACUUM (ANALYZE)');
      log(`VACUUM (ANALYZE) in ${seconds(vacuumStart)}`);
      await c.query('CHECKPOINT');
    } finally {
      // After a failure the error that matters is the seed's: this only tries to leave the settings at default.
      await c.query('ROLLBACK').catch(() => undefined);
      c = await configure(DEFAULTS).catch((e: unknown) => {
        log(`could not reset the load settings (the next run does): ${String(e)}`);
        return c;
      });
    }
    seedTime = seconds(started);
    log(`seeded in ${seedTime}; measuring with the default server settings`);
  }
  const report = await seedReport(c);
  const classId = (
    await c.query<{ id: string }>(`SELECT id::text FROM "Class" WHERE "joinCode" = $1`, [MEASURED_JOIN_CODE])
  ).rows[0]!.id;

  // -------------------------------------------------------------------------------------------------------------
  // Measure. The module is imported only now, so its database client reads the bench DATABASE_URL.
  // -------------------------------------------------------------------------------------------------------------
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
  process.env.LOG_LEVEL ??= 'warn';
  const missing: string[] = [];
  // The two modules without the access check (the bench plays the instructor whose check would pass).
  const exportsOf: { file: string; exports: Record<string, unknown> }[] = [];
  for (const [file, required] of [
    ['lib/data/classes/dashboard.internal.ts', true],
    ['lib/data/classes/item-analysis.internal.ts', true],
  ] as const) {
    const path = resolve(root, file);
    if (!existsSync(path)) {
      if (required) missing.push(`${file} (the module)`);
      continue;
    }
    try {
      exportsOf.push({ file, exports: (await import(pathToFileURL(path).href)) as Record<string, unknown> });
    } catch (e) {
      missing.push(`${file} (import failed: ${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const exported = (name: string) => exportsOf.find((m) => m.exports[name] !== undefined)?.exports[name];

  const timings: { name: string; p50: number; p95: number; max: number; size: string }[] = [];
  // Other work on the machine shows up in the timings: say how busy it was.
  const load = loadavg()[0]!.toFixed(2);
  for (const name of ['classDashboardData', 'classItemAnalysisData']) {
    const fn = exported(name);
    if (typeof fn !== 'function') {
      missing.push(
        `export ${name}(classId, now) in ${exportsOf.map((m) => m.file).join(' or ') || 'lib/data/classes'}`,
      );
      continue;
    }
    // classItemAnalysisData takes only the class; the extra argument is ignored.
    const call = fn as (classId: string, now: Date) => Promise<unknown>;
    log(`${name}: ${WARMUP} warm-up + ${RUNS} timed calls for the ${BIG_CLASS}-student class…`);
    let result: unknown;
    for (let i = 0; i < WARMUP; i++) result = await call(classId, now);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      result = await call(classId, now);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
    timings.push({ name, p50: at(0.5), p95: at(0.95), max: times[times.length - 1]!, size: describe(result) });
  }

  // Every export named *_SQL_FOR_EXPLAIN: one { name, sql, params(classId, now) } or an array of them.
  type ExplainEntry = { name?: unknown; sql?: unknown; params?: unknown };
  const entries: { source: string; entry: ExplainEntry }[] = [];
  for (const m of exportsOf) {
    for (const [key, value] of Object.entries(m.exports).filter(([k]) => k.endsWith('_SQL_FOR_EXPLAIN'))) {
      for (const entry of Array.isArray(value) ? value : [value])
        entries.push({ source: key, entry: entry as ExplainEntry });
    }
  }
  if (!exported('DASHBOARD_SQL_FOR_EXPLAIN') && exportsOf.length) {
    missing.push('export DASHBOARD_SQL_FOR_EXPLAIN ({ name, sql, params(classId, now) }[])');
  }
  const plans: { name: string; plan: string; seqScan: boolean; ms: number }[] = [];
  for (const { source, entry } of entries) {
    const name = `${String(entry.name ?? '(unnamed)')} [${source}]`;
    if (typeof entry.sql !== 'string') {
      missing.push(`${name}: no sql string`);
      continue;
    }
    const raw =
      typeof entry.params === 'function'
        ? (entry.params as (classId: string, now: Date) => unknown[])(classId, now)
        : ((entry.params as unknown[] | undefined) ?? []);
    // node-postgres would send a Date in the process's local zone; the app stores UTC in timestamp(3) columns.
    const params = raw.map((v) => (v instanceof Date ? v.toISOString() : v));
    await c.query(entry.sql, params); // warm, like the timed calls were
    const res = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${entry.sql}`, params);
    const plan = res.rows.map((r) => r['QUERY PLAN']).join('\n');
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    plans.push({ name, plan, seqScan: /Seq Scan on "?ReviewLog"?(\s|$)/.test(plan), ms });
  }
  const prisma = (globalThis as { ingatPrisma?: { $disconnect(): Promise<void> } }).ingatPrisma;
  await prisma?.$disconnect();

  // -------------------------------------------------------------------------------------------------------------
  // Report (stdout).
  // -------------------------------------------------------------------------------------------------------------
  console.log(`\nbench:dashboard — ${DIR} (port ${PORT}), seed clock ${now.toISOString()}`);
  console.log(seedTime ? `seeded in ${seedTime} (with VACUUM ANALYZE)` : 'seed reused (BENCH_REUSE=1)');
  console.log(report);
  console.log(`\nhost: ${availableParallelism()} cores, load average ${load} (1 min) when the timed calls began`);
  console.log(
    `\nmeasured class ${MEASURED_JOIN_CODE} (${classId}), ${BIG_CLASS} students; ${RUNS} runs after ${WARMUP}`,
  );
  console.log(
    `${'function'.padEnd(24)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  target`,
  );
  for (const t of timings) {
    const target = TARGETS[t.name]!;
    console.log(
      `${t.name.padEnd(24)} ${t.p50.toFixed(1).padStart(8)} ${t.p95.toFixed(1).padStart(8)} ${t.max
        .toFixed(1)
        .padStart(8)}  ${target} ms: p95 ${t.p95 <= target ? 'within' : 'OVER'}   (result: ${t.size})`,
    );
  }
  for (const p of plans) {
    console.log(`\n-- EXPLAIN (ANALYZE, BUFFERS): ${p.name} (execution ${p.ms.toFixed(1)} ms)\n${p.plan}`);
    const scanned = [...new Set([...p.plan.matchAll(/Seq Scan on ("[^"]+"|\S+)/g)].map((m) => m[1]))];
    if (scanned.length) console.log(`(sequential scans in "${p.name}": ${scanned.join(', ')})`);
  }
  if (missing.length) console.log(`\nMISSING, not measured:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
  const seq = plans.filter((p) => p.seqScan);
  if (seq.length) {
    console.log(`\nFAIL: sequential scan of "ReviewLog" in: ${seq.map((p) => p.name).join(', ')}`);
    return 1;
  }
  if (plans.length) console.log(`\nno sequential scan of "ReviewLog" in ${plans.length} plan(s)`);
  return missing.length ? 2 : 0;
}

/** The seed's clock when the database holds a complete seed, else null. */
async function seedClock(client: pg.Client): Promise<Date | null> {
  const row = (
    await client.query<{ t: string }>(
      `SELECT to_char("examDate" - make_interval(days => $2), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t
       FROM "Class" WHERE "joinCode" = $1`,
      [MEASURED_JOIN_CODE, EXAM_AFTER_DAYS],
    )
  ).rows[0];
  return row ? new Date(row.t) : null;
}

function describe(result: unknown): string {
  if (result === null || typeof result !== 'object') return String(result);
  const json = JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  const arrays = Object.entries(result)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${k}: ${(v as unknown[]).length}`);
  return `${(json.length / 1024).toFixed(0)} KiB JSON${arrays.length ? `; ${arrays.join(', ')}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The seed.
// ---------------------------------------------------------------------------------------------------------------

/** A right answer and some wrong ones to an item, shaped as lib/validation/response.ts accepts them. */
function responsesOf(item: Item): { right: object; wrong: object[] } {
  switch (item.kind) {
    case 'single':
    case 'scenario': {
      const right = item.options.find((o) => o.correct)!;
      return {
        right: { kind: item.kind, optionId: right.id },
        wrong: item.options.filter((o) => !o.correct).map((o) => ({ kind: item.kind, optionId: o.id })),
      };
    }
    case 'multiple': {
      const right = item.options.filter((o) => o.correct).map((o) => o.id);
      const wrongIds = item.options.filter((o) => !o.correct).map((o) => o.id);
      const wrong = [
        right.length > 1 ? right.slice(0, -1) : [...right, wrongIds[0]!],
        [...right, wrongIds[0]!],
        [wrongIds[0]!],
        [...right.slice(1), ...wrongIds.slice(-1)],
      ];
      return {
        right: { kind: 'multiple', optionIds: right },
        wrong: wrong.map((ids) => ({ kind: 'multiple', optionIds: [...new Set(ids)].sort() })),
      };
    }
    case 'truefalse':
      return { right: { kind: 'truefalse', value: item.answer }, wrong: [{ kind: 'truefalse', value: !item.answer }] };
    case 'cloze':
    case 'short':
      return {
        right: { kind: item.kind, text: item.answers[0]! },
        wrong: [...item.rejects, 'tidak tahu', 'kerja sama'].map((text) => ({ kind: item.kind, text })),
      };
    case 'matching': {
      // The right-hand ids depend on the seed's shuffle; only the shape matters here, `correct` says the rest.
      const pairs = Object.fromEntries(item.pairs.map((_, i) => [`l${i}`, `r${i}`]));
      return {
        right: { kind: 'matching', pairs },
        wrong: [{ kind: 'matching', pairs: { ...pairs, l0: 'r1', l1: 'r0' } }],
      };
    }
    case 'ordering': {
      const order = item.steps.map((_, i) => `s${i}`);
      return {
        right: { kind: 'ordering', order },
        wrong: [{ kind: 'ordering', order: [order[1]!, order[0]!, ...order.slice(2)] }],
      };
    }
  }
}

/** What the seed's steps share: the session (one transaction), the seed's clock as SQL, and a timed step. */
interface Seeder {
  client: pg.Client;
  NOW: string;
  done: (what: string, sql: string, params?: unknown[]) => Promise<void>;
}

type BenchItem = { id: string; position: number; item: Item };

/** The course items in deck order, with right and wrong answers to choose from (temp table bench_item). */
async function seedItems({ done }: Seeder, items: readonly BenchItem[]): Promise<void> {
  await done(
    'items',
    `CREATE TEMP TABLE bench_item AS
     SELECT t.id, t.rank, t.position, t.right_response, t.wrong_responses, i.kind, i.difficulty, i."courseId",
            i."lessonId", i.sibling
     FROM unnest($1::text[], $2::int[], $3::int[], $4::jsonb[], $5::jsonb[])
          AS t(id, rank, position, right_response, wrong_responses)
     JOIN "Item" i ON i.id = t.id`,
    [
      items.map((i) => i.id),
      items.map((_, rank) => rank),
      items.map((i) => i.position),
      items.map((i) => JSON.stringify(responsesOf(i.item).right)),
      items.map((i) => JSON.stringify(responsesOf(i.item).wrong)),
    ],
  );
}

/** Students, instructors, classes, memberships, review settings and assignments. */
async function seedPeople({ NOW, done }: Seeder, ITEMS: number, passwordHash: string): Promise<void> {
  // Students: how far into the course (cards started, in deck order), how good, since when.
  await done(
    'bench_student',
    `CREATE TEMP TABLE bench_student AS
     SELECT gen_random_uuid() AS id, g AS n,
            CASE WHEN g <= $1 THEN 1 ELSE 2 + (g - $1 - 1) / $2 END AS class_no,
            greatest(1, round($3 * (0.2 + 0.8 * random())))::int AS started,
            0.62 + 0.26 * random() AS accuracy,
            ${NOW} - (300 + 65 * random()) * interval '1 day' AS began
     FROM generate_series(1, $4::int) g`,
    [BIG_CLASS, CLASS_SIZE, ITEMS, STUDENTS],
  );
  await done(
    'bench_class',
    `CREATE TEMP TABLE bench_class AS
     SELECT g AS class_no, gen_random_uuid() AS id, gen_random_uuid() AS instructor FROM generate_series(1, $1::int) g`,
    [CLASSES],
  );
  await done(
    'User',
    `INSERT INTO "User" (id, email, "passwordHash", "displayName", role, locale, "timeZone", "passwordChangedAt",
                         "createdAt", "updatedAt")
     SELECT id, 'dash-s' || n || '@bench.ingat', $1, 'Siswa ' || n, 'STUDENT'::"Role", 'id',
            CASE WHEN n % 10 = 0 THEN 'Asia/Makassar' ELSE 'Asia/Jakarta' END, began, began, began
     FROM bench_student
     UNION ALL
     SELECT instructor, 'dash-i' || class_no || '@bench.ingat', $1, 'Guru ' || class_no, 'INSTRUCTOR'::"Role", 'id',
            'Asia/Jakarta', ${NOW} - interval '400 days', ${NOW} - interval '400 days', ${NOW} - interval '400 days'
     FROM bench_class`,
    [passwordHash],
  );
  await done(
    'ReviewSettings',
    `INSERT INTO "ReviewSettings" ("userId", "desiredRetention", "newPerDay", "maxReviewsPerDay", "rolloverHour", "updatedAt")
     SELECT id, round((0.85 + 0.1 * random())::numeric, 2), 10 + (n % 3) * 10, 200, 3 + n % 3, began
     FROM bench_student WHERE random() < 0.3`,
  );
  await done(
    'Class',
    `INSERT INTO "Class" (id, "courseId", name, "joinCode", "examDate", "createdAt")
     SELECT id, $1, 'Kelas ' || class_no, 'DASH-' || lpad(class_no::text, 3, '0'),
            ${NOW} + make_interval(days => CASE WHEN class_no = 1 THEN $2 ELSE 10 + class_no % 80 END),
            ${NOW} - interval '370 days'
     FROM bench_class`,
    [COURSE, EXAM_AFTER_DAYS],
  );
  await done(
    'ClassInstructor',
    `INSERT INTO "ClassInstructor" ("classId", "userId", "addedAt")
     SELECT id, instructor, ${NOW} - interval '370 days' FROM bench_class`,
  );
  await done(
    'ClassMember',
    `INSERT INTO "ClassMember" ("classId", "userId", "joinedAt")
     SELECT c.id, s.id, s.began FROM bench_student s JOIN bench_class c USING (class_no)`,
  );
  // Four consecutive lessons per class (the measured class: the first four), two past due and two coming.
  await done(
    'Assignment',
    `INSERT INTO "Assignment" (id, "classId", "lessonId", "dueAt", "assignedAt", "assignedBy")
     SELECT gen_random_uuid(), c.id, l.id, ${NOW} + make_interval(days => 21 * j - 35),
            ${NOW} + make_interval(days => 21 * j - 63), c.instructor
     FROM bench_class c CROSS JOIN generate_series(0, 3) j
     JOIN (SELECT id, row_number() OVER (ORDER BY "order") - 1 AS k, count(*) OVER () AS lessons
           FROM "Lesson" WHERE "courseId" = $1 AND "retiredAt" IS NULL) l
       ON l.k = (CASE WHEN c.class_no = 1 THEN 0 ELSE c.class_no END + j) % l.lessons`,
    [COURSE],
  );
}

/** Every student's cards, and the answers planned for them (temp table bench_answer). */
async function seedCards({ client, NOW, done }: Seeder): Promise<void> {
  // Cards, planned: card k (deck order) of a student who started s cards has floor((500 - 1 - k) / s) + 1 answers
  // (500 in all); the first answer at a time along the student's year, the last within the last 60 days.
  await done(
    'bench_card',
    `CREATE TEMP TABLE bench_card AS
     SELECT x.*,
            CASE WHEN x.reps <= 1 THEN x.last_review
                 ELSE least(x.last_review - interval '1 hour',
                            x.began + (x.rank + x.r1) / x.started * (${NOW} - interval '45 days' - x.began)) END AS first_at
     FROM (SELECT gen_random_uuid() AS id, s.id AS user_id, s.began, s.started, s.accuracy, i.id AS item_id, i.rank,
                  i.rank < s.started AS is_started,
                  CASE WHEN i.rank < s.started THEN ($1 - 1 - i.rank) / s.started + 1 ELSE 0 END AS reps,
                  ${NOW} - random() * interval '60 days' AS last_review,
                  random() AS r1, random() AS r2, random() AS r3, random() AS r4
           FROM bench_student s CROSS JOIN bench_item i) x`,
    [LOGS_PER_STUDENT],
  );
  await done(
    'bench_answer',
    `CREATE TEMP TABLE bench_answer AS
     SELECT y.*, row_number() OVER (ORDER BY y.at) AS rn,
            lag(y.at) OVER (PARTITION BY y.card_id ORDER BY y.n) AS prev_at,
            lag(y.ok) OVER (PARTITION BY y.card_id ORDER BY y.n) AS prev_ok
     FROM (SELECT gen_random_uuid() AS id, gen_random_uuid()::text AS key, c.user_id, c.id AS card_id, c.item_id, a.n,
                  c.reps,
                  CASE WHEN c.reps = 1 THEN c.last_review
                       ELSE c.first_at + (c.last_review - c.first_at) * (a.n::float8 / (c.reps - 1)) END AS at,
                  random() < c.accuracy + 0.05 * (3 - i.difficulty) + CASE WHEN a.n = 0 THEN -0.06 ELSE 0.03 END AS ok,
                  random() < 0.01 AS revoked, random() AS r1, random() AS r2
           FROM bench_card c JOIN bench_item i ON i.id = c.item_id CROSS JOIN generate_series(0, c.reps - 1) a(n)
           WHERE c.is_started) y`,
  );
  await done('bench_answer index', `CREATE INDEX ON bench_answer (rn)`);
  await client.query('ANALYZE bench_item, bench_student, bench_class, bench_card, bench_answer');
  await done(
    'Card',
    `INSERT INTO "Card" (id, "userId", "itemId", "courseId", "lessonId", sibling, position, phase, due, stability,
                         difficulty, "scheduledDays", "learningSteps", reps, lapses, "lastReview", version, "createdAt")
     SELECT z.id, z.user_id, z.item_id, i."courseId", i."lessonId", i.sibling, i.position, z.phase,
            CASE WHEN z.phase = 'NEW' THEN z.began ELSE z.last_review + z.stability * (0.85 + 0.3 * z.r3) * interval '1 day' END,
            z.stability, CASE WHEN z.phase = 'NEW' THEN 0 ELSE 1 + 9 * z.r4 END,
            CASE WHEN z.phase = 'REVIEW' THEN round(z.stability)::int ELSE 0 END,
            CASE WHEN z.phase IN ('LEARNING', 'RELEARNING') THEN 1 ELSE 0 END,
            z.reps, z.lapses, CASE WHEN z.phase <> 'NEW' THEN z.last_review END, 1 + z.reps, z.began
     FROM (SELECT c.*, coalesce(st.lapses, 0) AS lapses,
                  CASE WHEN NOT c.is_started THEN 'NEW'::"CardPhase"
                       WHEN NOT st.last_ok THEN 'RELEARNING'::"CardPhase"
                       WHEN c.reps <= 2 AND c.r2 < 0.3 THEN 'LEARNING'::"CardPhase"
                       ELSE 'REVIEW'::"CardPhase" END AS phase,
                  CASE WHEN NOT c.is_started THEN 0
                       WHEN NOT st.last_ok OR (c.reps <= 2 AND c.r2 < 0.3) THEN 0.5 + 0.5 * c.r2
                       ELSE 0.5 + 59.5 * power(c.r2, 1.5) END AS stability
           FROM bench_card c
           LEFT JOIN (SELECT card_id, count(*) FILTER (WHERE NOT ok AND n > 0) AS lapses,
                             bool_or(ok) FILTER (WHERE n = reps - 1) AS last_ok
                      FROM bench_answer GROUP BY card_id) st ON st.card_id = c.id) z
     JOIN bench_item i ON i.id = z.item_id
     ORDER BY z.user_id, i.position`,
  );
}

/** The review log from the planned answers, and the revocations. */
async function seedLog({ client, done }: Seeder): Promise<void> {
  // The log, in time order, in chunks (progress); states in lib/data/review/memory.internal.ts storeState's shape.
  const iso = (t: string) => `to_char(${t}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const total = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM bench_answer`)).rows[0]!.n);
  for (let from = 0; from < total; from += LOG_CHUNK) {
    await done(
      `ReviewLog ${Math.min(from + LOG_CHUNK, total).toLocaleString('en')} / ${total.toLocaleString('en')}`,
      `INSERT INTO "ReviewLog" (id, seq, "userId", "cardId", "itemId", source, "idempotencyKey", seed, response, correct,
                                score, rating, "durationMs", "answeredAt", "timeZone", "desiredRetention",
                                "cardVersionBefore", "cardVersionAfter", "firstAttempt", "recallEligible", "choice",
                                "stateBefore", "stateAfter")
       SELECT a.id, a.rn, a.user_id, a.card_id, a.item_id, s.source::"AnswerSource", a.key,
              CASE WHEN s.source = 'LESSON' THEN 'lesson:' || a.user_id || ':' || a.item_id
                   ELSE 'card:' || a.card_id || ':' || a.n END,
              s.resp,
              a.ok, CASE WHEN a.ok THEN 1 WHEN i.kind IN ('multiple', 'matching', 'ordering') THEN 0.5 ELSE 0 END,
              (CASE WHEN NOT a.ok THEN 'AGAIN' WHEN a.r1 < 0.15 THEN 'HARD' WHEN a.r1 > 0.85 THEN 'EASY'
                    ELSE 'GOOD' END)::"ReviewRating",
              (2500 + 25000 * a.r2 * a.r2)::int, a.at, 'Asia/Jakarta', 0.9, a.n + 1, a.n + 2, a.n = 0,
              -- as the app records them: a review-phase answer on a later learner day (04:00 rollover, Jakarta)
              a.n > 0 AND a.prev_ok AND ((a.at - interval '4 hours') AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Jakarta')::date
                > ((a.prev_at - interval '4 hours') AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Jakarta')::date,
              CASE WHEN s.resp ? 'optionId' THEN s.resp->>'optionId'
                   WHEN s.resp ? 'optionIds' THEN array_to_string(ARRAY(SELECT jsonb_array_elements_text(s.resp->'optionIds')), ',')
              END,
              CASE WHEN a.n = 0 THEN
                     jsonb_build_object('phase', 'new', 'due', ${iso('a.at')}, 'stability', 0, 'difficulty', 0,
                       'scheduledDays', 0, 'learningSteps', 0, 'reps', 0, 'lapses', 0, 'lastReview', null)
                   ELSE
                     jsonb_build_object('phase', CASE WHEN a.prev_ok THEN 'review' ELSE 'relearning' END,
                       'due', ${iso('a.at')}, 'stability', s.before, 'difficulty', 5, 'scheduledDays', round(s.before),
                       'learningSteps', 0, 'reps', a.n, 'lapses', 0, 'lastReview', ${iso('a.prev_at')}) END,
              jsonb_build_object('phase', CASE WHEN a.ok THEN 'review' ELSE 'relearning' END,
                'due', ${iso("a.at + s.after * interval '1 day'")}, 'stability', s.after, 'difficulty', 5,
                'scheduledDays', round(s.after), 'learningSteps', 0, 'reps', a.n + 1, 'lapses', 0,
                'lastReview', ${iso('a.at')})
       FROM bench_answer a
       JOIN bench_item i ON i.id = a.item_id
       CROSS JOIN LATERAL (SELECT CASE WHEN a.n = 0 AND a.r2 < 0.5 THEN 'LESSON' ELSE 'REVIEW' END AS source,
                                  CASE WHEN a.ok THEN i.right_response
                                       ELSE i.wrong_responses -> floor(a.r1 * a.r1 * jsonb_array_length(i.wrong_responses))::int
                                  END AS resp,
                                  round(least(60, power(1.8, a.n))::numeric, 2) AS before,
                                  CASE WHEN a.ok THEN round(least(60, power(1.8, a.n + 1))::numeric, 2) ELSE 0.5 END
                                    AS after) s
       WHERE a.rn > $1 AND a.rn <= $2
       ORDER BY a.rn`,
      [from, from + LOG_CHUNK],
    );
  }
  // seq was given (the time order, like the app's recording order): move the sequence past it.
  await client.query(`SELECT setval(pg_get_serial_sequence('"ReviewLog"', 'seq'), $1)`, [total]);
  await done(
    'ReviewRevocation',
    `INSERT INTO "ReviewRevocation" ("reviewLogId", reason, at)
     SELECT id, (CASE WHEN r2 < 0.5 THEN 'UNDONE' ELSE 'RERATED' END)::"RevocationReason", at + interval '20 seconds'
     FROM bench_answer WHERE revoked ORDER BY rn`,
  );
}

async function seed(client: pg.Client, now: Date): Promise<void> {
  const NOW = `timestamp '${now.toISOString().replace('Z', '')}'`;
  const catalog = await courseCatalog(COURSE);
  if (!catalog) throw new Error(`course ${COURSE} is not in content/`);
  const positions = positionsOf(catalog);
  const items = (
    await client.query<{ id: string }>(`SELECT id FROM "Item" WHERE "courseId" = $1 AND "retiredAt" IS NULL`, [COURSE])
  ).rows
    .map((r) => ({ id: r.id, position: positions.get(r.id) ?? 99_999, item: catalog.itemById.get(r.id)! }))
    .sort((a, b) => a.position - b.position);
  const passwordHash = await hashPassword('bench password 2026');

  let step = performance.now();
  const done = async (what: string, sql: string, params: unknown[] = []) => {
    const res = await client.query(sql, params);
    log(`${what}: ${res.rowCount ?? 0} rows, ${seconds(step)}`);
    step = performance.now();
  };
  const seeder: Seeder = { client, NOW, done };

  await client.query(`SET temp_buffers = '1GB'`);
  await client.query(`SET work_mem = '512MB'`);
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET synchronous_commit = off`);
  // No per-row foreign-key triggers (the referenced rows are made here); checked in bulk before COMMIT instead.
  await client.query(`SET session_replication_role = replica`);
  await client.query('BEGIN');
  await seedItems(seeder, items);
  await seedPeople(seeder, items.length, passwordHash);
  await seedCards(seeder);
  await seedLog(seeder);
  await verifyForeignKeys(client);
  await client.query('COMMIT');
  await client.query(`SET session_replication_role = DEFAULT`);
  for (const t of ['bench_answer', 'bench_card', 'bench_student', 'bench_class', 'bench_item']) {
    await client.query(`DROP TABLE ${t}`); // temporary tables of this session
  }
}

/** What the skipped foreign-key triggers would have checked, one anti-join per (single-column) constraint. */
async function verifyForeignKeys(client: pg.Client): Promise<void> {
  const started = performance.now();
  const fks = (
    await client.query<{ name: string; child: string; col: string; parent: string; pcol: string }>(
      `SELECT con.conname AS name, con.conrelid::regclass::text AS child, a.attname AS col,
              con.confrelid::regclass::text AS parent, pa.attname AS pcol
       FROM pg_constraint con
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = con.confkey[1]
       WHERE con.contype = 'f' AND cardinality(con.conkey) = 1 AND con.connamespace = 'public'::regnamespace`,
    )
  ).rows;
  const broken: string[] = [];
  for (const fk of fks) {
    const col = `"${fk.col}"`;
    const res = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${fk.child} c
       WHERE c.${col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p."${fk.pcol}" = c.${col})`,
    );
    if (Number(res.rows[0]!.n) > 0) broken.push(`${fk.name}: ${res.rows[0]!.n} rows`);
  }
  if (broken.length) throw new Error(`the seed breaks foreign keys: ${broken.join('; ')}`);
  log(`${fks.length} foreign keys hold, ${seconds(started)}`);
}

async function seedReport(client: pg.Client): Promise<string> {
  const tables = [
    'User',
    'Class',
    'ClassInstructor',
    'ClassMember',
    'Assignment',
    'ReviewSettings',
    'Card',
    'ReviewLog',
    'ReviewRevocation',
  ];
  const rows = (
    await client.query<{ name: string; rows: string; total: string; heap: string; indexes: string }>(
      `SELECT t.name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', t.name), false, true, '')))[1]::text AS rows,
              pg_size_pretty(pg_total_relation_size(format('%I', t.name))) AS total,
              pg_size_pretty(pg_relation_size(format('%I', t.name))) AS heap,
              pg_size_pretty(pg_indexes_size(format('%I', t.name))) AS indexes
       FROM unnest($1::text[]) WITH ORDINALITY AS t(name, o) ORDER BY t.o`,
      [tables],
    )
  ).rows;
  const stats = (
    await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM "User" WHERE role = 'STUDENT') AS students,
              (SELECT count(*) FROM "User" WHERE role = 'INSTRUCTOR') AS instructors,
              (SELECT round(100.0 * avg(correct::int), 1) FROM "ReviewLog") AS correct_pct,
              (SELECT count(*) FROM "ReviewLog" WHERE "firstAttempt") AS first_attempts,
              (SELECT round(100.0 * avg((phase = 'NEW')::int), 1) FROM "Card") AS new_pct,
              (SELECT min("answeredAt")::text || ' .. ' || max("answeredAt")::text FROM "ReviewLog") AS span,
              (SELECT count(*) FROM "ClassMember" m JOIN "Class" c ON c.id = m."classId"
                WHERE c."joinCode" = $1) AS measured_members,
              pg_size_pretty(pg_database_size(current_database())) AS database`,
      [MEASURED_JOIN_CODE],
    )
  ).rows[0]!;
  const lines = [
    `${'table'.padEnd(18)} ${'rows'.padStart(10)} ${'total'.padStart(9)} ${'heap'.padStart(9)} ${'indexes'.padStart(9)}`,
    ...rows.map(
      (r) =>
        `${r.name.padEnd(18)} ${Number(r.rows).toLocaleString('en').padStart(10)} ${r.total.padStart(9)} ${r.heap.padStart(9)} ${r.indexes.padStart(9)}`,
    ),
    `${stats.students} students, ${stats.instructors} instructors; ${stats.measured_members} in ${MEASURED_JOIN_CODE}; ` +
      `cards NEW ${stats.new_pct}%; log ${stats.correct_pct}% correct, ${Number(stats.first_attempts).toLocaleString('en')} first attempts, ` +
      `answered ${stats.span}; database ${stats.database}`,
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Run (after every declaration above).
// ---------------------------------------------------------------------------------------------------------------
let exitCode = 0;
try {
  exitCode = await main();
} finally {
  await connection?.end().catch(() => undefined);
  await embedded?.stop();
  if (CLEAN) {
    rmSync(DIR, { recursive: true, force: true });
    log(`removed ${DIR}`);
  } else {
    log(`kept ${DIR} (BENCH_REUSE=1 reuses it, BENCH_CLEAN=1 removes it)`);
  }
}
process.exit(exitCode);
