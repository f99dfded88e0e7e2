/**
 * Readiness: the share of a course's items a student is expected to answer correctly on the exam date. Pure.
 *
 * - A studied item counts with its FSRS retrievability projected to the exam date (no further reviews assumed).
 * - An item never studied counts with how learners do on it when they first see it: the share of first attempts
 *   that were right, smoothed towards the bank's overall first-attempt rate (so a handful of attempts cannot say
 *   0% or 100%), plus Laplace's one success and one failure so that even a bank answered perfectly so far cannot
 *   make an unseen item certain. With no attempts at all it is close to the overall rate. Never zero, never "known".
 * - The range is for an exam of `examSize` questions drawn from the course: each question is right with the
 *   expected probability m, so the share right has standard deviation √(m(1−m)/k); the 90% range is m ± 1.645·sd.
 *   It does not include the uncertainty of the memory model itself, and says so on the page.
 */
import { retrievability, type MemoryState, type SchedulerParameters } from '../review/fsrs';

export interface ReadinessItem {
  itemId: string;
  lessonId: string;
  concepts: readonly string[];
  /** The student's card, or null when the item is not in their deck (or still new). */
  memory: MemoryState | null;
  /** First attempts of all learners at this item. */
  firstAttempts: { attempts: number; correct: number };
}

export type RecallSource = 'memory' | 'population';

export interface ItemForecast {
  itemId: string;
  p: number;
  source: RecallSource;
}

export interface GroupForecast {
  id: string;
  p: number;
  items: number;
  studied: number;
}

export interface Readiness {
  examDate: string;
  overall: { p: number; low: number; high: number; examSize: number };
  byLesson: GroupForecast[];
  byConcept: GroupForecast[];
  /** Lessons where reviewing would gain the most expected points on an exam of `examSize` questions. */
  improve: { lessonId: string; expectedMissed: number }[];
  items: ItemForecast[];
}

/** Strength of the pull towards the bank-wide rate, in pseudo-attempts. */
export const PRIOR_WEIGHT = 4;

/** Expected recall of one item on `examDate`. */
export function itemForecast(
  item: ReadinessItem,
  examDate: Date,
  bankRate: number,
  params: Pick<SchedulerParameters, 'weights'> = {},
): ItemForecast {
  const r = item.memory ? retrievability(item.memory, examDate, params) : null;
  if (r !== null) return { itemId: item.itemId, p: r, source: 'memory' };
  const { attempts, correct } = item.firstAttempts;
  return {
    itemId: item.itemId,
    p: (correct + PRIOR_WEIGHT * bankRate + 1) / (attempts + PRIOR_WEIGHT + 2),
    source: 'population',
  };
}

/** The bank-wide first-attempt rate, with a neutral 0.5 when nobody has attempted anything yet. */
export function bankFirstAttemptRate(items: readonly ReadinessItem[]): number {
  const attempts = items.reduce((s, i) => s + i.firstAttempts.attempts, 0);
  const correct = items.reduce((s, i) => s + i.firstAttempts.correct, 0);
  return attempts > 0 ? correct / attempts : 0.5;
}

function group(
  items: readonly ReadinessItem[],
  forecasts: Map<string, ItemForecast>,
  keys: (i: ReadinessItem) => readonly string[],
): GroupForecast[] {
  const acc = new Map<string, { sum: number; items: number; studied: number }>();
  for (const item of items) {
    const f = forecasts.get(item.itemId)!;
    for (const key of keys(item)) {
      const a = acc.get(key) ?? { sum: 0, items: 0, studied: 0 };
      a.sum += f.p;
      a.items += 1;
      a.studied += f.source === 'memory' ? 1 : 0;
      acc.set(key, a);
    }
  }
  return [...acc.entries()].map(([id, a]) => ({ id, p: a.sum / a.items, items: a.items, studied: a.studied }));
}

/**
 * @example readiness(items, new Date('2026-12-20T09:00:00Z'), { examSize: 30 }).overall // { p: 0.62, low: 0.47, high: 0.77, examSize: 30 }
 */
export function readiness(
  items: readonly ReadinessItem[],
  examDate: Date,
  options: { examSize?: number; params?: Pick<SchedulerParameters, 'weights'> } = {},
): Readiness {
  const examSize = options.examSize ?? 30;
  const rate = bankFirstAttemptRate(items);
  const forecasts = items.map((i) => itemForecast(i, examDate, rate, options.params));
  const byId = new Map(forecasts.map((f) => [f.itemId, f]));
  const m = forecasts.length ? forecasts.reduce((s, f) => s + f.p, 0) / forecasts.length : 0;
  const sd = Math.sqrt((m * (1 - m)) / examSize);
  const byLesson = group(items, byId, (i) => [i.lessonId]);
  const improve = byLesson
    .map((l) => ({ lessonId: l.id, expectedMissed: (l.items / Math.max(1, items.length)) * examSize * (1 - l.p) }))
    .sort((a, b) => b.expectedMissed - a.expectedMissed)
    .slice(0, 3);
  return {
    examDate: examDate.toISOString(),
    overall: { p: m, low: Math.max(0, m - 1.645 * sd), high: Math.min(1, m + 1.645 * sd), examSize },
    byLesson,
    byConcept: group(items, byId, (i) => i.concepts).sort((a, b) => a.p - b.p),
    improve,
    items: forecasts,
  };
}
