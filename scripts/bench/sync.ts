/**
 * npm run bench:sync
 *
 * How long a phone's offline answers take to sync: one learner with the whole course in their deck sends
 * BENCH_ANSWERS (500) answers given offline over one morning in one syncOfflineAnswers call, on a throwaway
 * embedded PostgreSQL (profile "pg-bench-sync", port 54334 plus INGAT_PORT_OFFSET) or BENCH_DATABASE_URL. Two
 * batches are timed: one where every card is still at the version the phone saw (all accepted), and one where a
 * second device had answered the same cards first (all merged: each answer joins the log at its time and its card
 * is replayed). Each is run BENCH_RUNS (3) times on fresh learners; the median and the worst are printed.
 * The call is the data function the API operation runs (lib/data/review/offline-sync.ts), without HTTP.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmbeddedPostgres } from '../../lib/db/embedded';
import { prepareDatabase } from '../../lib/startup/prepare';
import type { Actor, SessionId, UserId } from '../../lib/data/actor';

const root = resolve(import.meta.dirname, '..', '..');
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const START = new Date('2026-12-01T00:00:00Z');
const log = (line: string) => console.error(`[bench:sync] ${line}`);

let url = process.env.BENCH_DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
if (!url) {
  rmSync(resolve(root, '.data', 'pg-bench-sync'), { recursive: true, force: true });
  const port = 54334 + Number(process.env.INGAT_PORT_OFFSET ?? 0);
  embedded = await startEmbeddedPostgres({ name: 'pg-bench-sync', port, database: 'ingat_bench_sync', log });
  url = embedded.url;
}
await prepareDatabase(url, { demo: false, now: START });
// The data layer's client reads DATABASE_URL when first used: import it only now.
process.env.DATABASE_URL = url;
const load = <T>(path: string) => import(pathToFileURL(resolve(root, path)).href) as Promise<T>;
const { db } = await load<typeof import('../../lib/db/client')>('lib/db/client.ts');
const { findItem } = await load<typeof import('../../lib/content/catalog')>('lib/content/catalog.ts');
const { reviewSeed } = await load<typeof import('../../lib/data/review/answers')>('lib/data/review/answers.ts');
const { syncOfflineAnswers } = await load<typeof import('../../lib/data/review/offline-sync')>(
  'lib/data/review/offline-sync.ts',
);
const { addLessonToDeck } = await load<typeof import('../../lib/data/review/deck')>('lib/data/review/deck.ts');
const { catalogs } = await load<typeof import('../../lib/content/catalog')>('lib/content/catalog.ts');
const { viewItem } = await load<typeof import('../../lib/domain/item-view')>('lib/domain/item-view.ts');
const { responseFor } = await load<typeof import('../../tests/support/answers')>('tests/support/answers.ts');

async function learnerWithDeck() {
  const user = await db().user.create({
    data: { email: `sync-${randomUUID()}@bench.ingat`, displayName: 'Bench', passwordHash: 'x', role: 'STUDENT' },
  });
  // The learner as a signed-in request would carry them (no session is needed below the API).
  const actor: Actor = {
    id: user.id as UserId,
    sessionId: randomUUID() as SessionId,
    email: user.email,
    displayName: user.displayName,
    role: 'STUDENT',
    locale: 'id',
    timeZone: 'Asia/Jakarta',
  };
  const catalog = [...(await catalogs()).values()][0]!;
  for (const lesson of catalog.course.lessons)
    await addLessonToDeck(actor, { courseId: catalog.course.course.id, lessonId: lesson.id }, START);
  return actor;
}

/** ANSWERS answers over the learner's cards, a minute apart, each card answered at the version it is at now. */
async function offlineBatch(userId: string, from: Date, rightEvery: number) {
  const cards = await db().card.findMany({ where: { userId }, orderBy: { itemId: 'asc' } });
  const answers = [];
  for (let i = 0; i < ANSWERS; i++) {
    const card = cards[i % cards.length]!;
    const round = Math.floor(i / cards.length);
    const { item } = (await findItem(card.itemId))!;
    const view = viewItem(item, reviewSeed(card.id, card.reps + round));
    answers.push({
      cardId: card.id,
      cardVersion: card.version + round,
      idempotencyKey: randomUUID(),
      response: responseFor(item, view, i % rightEvery !== 0),
      durationMs: 6000,
      answeredAt: new Date(from.getTime() + i * 60_000).toISOString(),
    });
  }
  return answers;
}

function summary(label: string, ms: number[], statuses: string) {
  const sorted = [...ms].sort((a, b) => a - b);
  log(
    `${label}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms over ${ms.length} runs (${statuses})`,
  );
}

const accepted: number[] = [];
const merged: number[] = [];
let acceptedStatuses = '';
let mergedStatuses = '';
const count = (results: { status: string }[]) => {
  const by = new Map<string, number>();
  for (const r of results) by.set(r.status, (by.get(r.status) ?? 0) + 1);
  return [...by].map(([status, n]) => `${status} ${n}`).join(', ');
};
for (let run = 0; run < RUNS; run++) {
  const actor = await learnerWithDeck();
  const phone = await offlineBatch(actor.id, START, 4);
  const laptop = await offlineBatch(actor.id, new Date(START.getTime() - ANSWERS * 60_000 - 3_600_000), 3);
  const now = new Date(START.getTime() + (ANSWERS + 60) * 60_000);
  let t = performance.now();
  const first = await syncOfflineAnswers(actor, { answers: phone }, now);
  accepted.push(performance.now() - t);
  acceptedStatuses = count(first.results);
  // The laptop answered the same cards earlier the same night and syncs after the phone: every answer merges.
  t = performance.now();
  const second = await syncOfflineAnswers(actor, { answers: laptop }, now);
  merged.push(performance.now() - t);
  mergedStatuses = count(second.results);
}
summary(`${ANSWERS} answers, cards unchanged since shown`, accepted, acceptedStatuses);
summary(`${ANSWERS} answers, cards answered on another device first`, merged, mergedStatuses);
await db().$disconnect?.();
await embedded?.stop();
process.exit(0);
