/**
 * Readiness: the share of a course's items a student is expected to answer correctly on the exam date. Pure.
 *
 * - Every item has a first-sight chance: how learners do on it when they first see it, i.e. the share of first
 *   attempts that were right, smoothed towards the bank's overall first-attempt rate (so a handful of attempts
 *   cannot say 0% or 100%), plus Laplace's one success and one failure so that even a bank answered perfectly so
 *   far cannot make an unseen item certain. With no attempts at all it is close to the overall rate.
 * - An item never studied counts with its first-sight chance.
 * - A studied item counts with the chance of remembering it on the exam date (FSRS retrievability r, no further
 *   reviews assumed) plus, when memory fails, the first-sight chance again: p = r + (1 − r) · first-sight. A learner
 *   who has forgotten is back where a newcomer stands (they may still reason it out or guess), not below. So
 *   studying an item never lowers its forecast: before, a studied-and-forgotten lesson showed 17% while unstudied
 *   ones showed 48%. An unstudied lesson can still show more than a studied-and-forgotten one when its questions
 *   are easier at first sight.
 * - The overall range is for an exam of `examSize` questions drawn from the course: each question is right with the
 *   expected probability m, so the share right has standard deviation √(m(1−m)/k); the 90% range is m ± 1.645·sd.
 *   A group's (lesson's, concept's) range is for being asked all of its items: the Poisson-binomial sd
 *   √(Σ p(1−p)) / n. Neither includes the uncertainty of the memory model itself; the calibration against mock
 *   exams (./calibration.ts) shows how far to trust it.
 * - Concepts are ranked as "weakest" only on the student's own answers: a concept needs at least
 *   {@link MIN_STUDIED_TO_RANK} studied items, and is ranked by the forecast of those items alone. A concept with
 *   less is reported as not yet rankable, never listed as weak on other learners' numbers.
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
  /** Chance of answering right on the exam date. */
  p: number;
  source: RecallSource;
  /** The chance of remembering it (memory only); null for an item never studied. */
  recall: number | null;
}

export interface GroupForecast {
  id: string;
  /** Mean p over the group's items. */
  p: number;
  /** 90% range of the share right if all of the group's items were asked. */
  low: number;
  high: number;
  items: number;
  studied: number;
  /** Mean p over the studied items only; null when none is studied. */
  studiedP: number | null;
}

export interface Readiness {
  examDate: string;
  overall: { p: number; low: number; high: number; examSize: number };
  /** What the overall figure rests on. */
  basis: { items: number; studied: number; firstAttempts: number; bankRate: number };
  byLesson: GroupForecast[];
  /** Every concept, weakest first by p. */
  byConcept: GroupForecast[];
  /** Concepts with at least MIN_STUDIED_TO_RANK studied items, weakest first by studiedP; at most five. */
  weakest: GroupForecast[];
  /** Concepts left out of `weakest` for lack of the student's own answers. */
  unrankedConcepts: number;
  /** Lessons where reviewing would gain the most expected points on an exam of `examSize` questions. */
  improve: { lessonId: string; expectedMissed: number; studied: number; items: number }[];
  items: ItemForecast[];
}

/** Strength of the pull towards the bank-wide rate, in pseudo-attempts. */
export const PRIOR_WEIGHT = 4;
/** A concept is ranked among the weakest only with at least this many of its items studied by the student. */
export const MIN_STUDIED_TO_RANK = 3;
const Z90 = 1.645;

/** The chance of answering an item right on first sight (see the module header). */
export function firstSightChance(item: Pick<ReadinessItem, 'firstAttempts'>, bankRate: number): number {
  const { attempts, correct } = item.firstAttempts;
  return (correct + PRIOR_WEIGHT * bankRate + 1) / (attempts + PRIOR_WEIGHT + 2);
}

/**
 * Expected chance of answering `item` right on `examDate`.
 *
 * @example itemForecast({ ...item, memory: forgotten }, exam, 0.5) // { p: ≥ first-sight chance, source: 'memory', … }
 */
export function itemForecast(
  item: ReadinessItem,
  examDate: Date,
  bankRate: number,
  params: Pick<SchedulerParameters, 'weights'> = {},
): ItemForecast {
  const first = firstSightChance(item, bankRate);
  const r = item.memory ? retrievability(item.memory, examDate, params) : null;
  if (r !== null) return { itemId: item.itemId, p: r + (1 - r) * first, source: 'memory', recall: r };
  return { itemId: item.itemId, p: first, source: 'population', recall: null };
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
  const acc = new Map<string, { sum: number; variance: number; items: number; studied: number; studiedSum: number }>();
  for (const item of items) {
    const f = forecasts.get(item.itemId)!;
    for (const key of keys(item)) {
      const a = acc.get(key) ?? { sum: 0, variance: 0, items: 0, studied: 0, studiedSum: 0 };
      a.sum += f.p;
      a.variance += f.p * (1 - f.p);
      a.items += 1;
      if (f.source === 'memory') {
        a.studied += 1;
        a.studiedSum += f.p;
      }
      acc.set(key, a);
    }
  }
  return [...acc.entries()].map(([id, a]) => {
    const p = a.sum / a.items;
    const half = (Z90 * Math.sqrt(a.variance)) / a.items;
    return {
      id,
      p,
      low: Math.max(0, p - half),
      high: Math.min(1, p + half),
      items: a.items,
      studied: a.studied,
      studiedP: a.studied > 0 ? a.studiedSum / a.studied : null,
    };
  });
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
    .map((l) => ({
      lessonId: l.id,
      expectedMissed: (l.items / Math.max(1, items.length)) * examSize * (1 - l.p),
      studied: l.studied,
      items: l.items,
    }))
    .sort((a, b) => b.expectedMissed - a.expectedMissed)
    .slice(0, 3);
  const byConcept = group(items, byId, (i) => i.concepts).sort((a, b) => a.p - b.p);
  const rankable = byConcept.filter((c) => c.studied >= MIN_STUDIED_TO_RANK);
  return {
    examDate: examDate.toISOString(),
    overall: { p: m, low: Math.max(0, m - Z90 * sd), high: Math.min(1, m + Z90 * sd), examSize },
    basis: {
      items: items.length,
      studied: forecasts.filter((f) => f.source === 'memory').length,
      firstAttempts: items.reduce((s, i) => s + i.firstAttempts.attempts, 0),
      bankRate: rate,
    },
    byLesson,
    byConcept,
    weakest: [...rankable].sort((a, b) => a.studiedP! - b.studiedP!).slice(0, 5),
    unrankedConcepts: byConcept.length - rankable.length,
    improve,
    items: forecasts,
  };
}
