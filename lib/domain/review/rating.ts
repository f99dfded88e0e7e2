/**
 * From a graded answer to an FSRS rating. The platform grades; the learner may only qualify a right answer:
 * "I guessed" counts as a failure of memory (Again), "too easy" as Easy, and a slow right answer may be
 * proposed as Hard. A wrong answer is always Again, and Hard never means failed. Pure.
 */
import type { ReviewRating } from './fsrs';

export type Adjustment = 'guessed' | 'easy' | 'hard';

export const ADJUSTMENT_RATING: Record<Adjustment, ReviewRating> = { guessed: 'again', easy: 'easy', hard: 'hard' };

/** The rating recorded when the answer is first graded, before any adjustment. */
export function ratingForAnswer(correct: boolean): ReviewRating {
  return correct ? 'good' : 'again';
}

/** The adjustments a learner may choose after this answer (none after a wrong one). */
export function allowedAdjustments(correct: boolean): Adjustment[] {
  return correct ? ['guessed', 'hard', 'easy'] : [];
}

/** Reading and answering time estimated from an item's kind and how much there is to read (before data exists). */
export function estimatedAnswerMs(kind: string, wordsToRead: number): number {
  const base: Record<string, number> = {
    truefalse: 6_000,
    single: 9_000,
    scenario: 12_000,
    multiple: 14_000,
    cloze: 10_000,
    short: 14_000,
    matching: 25_000,
    ordering: 25_000,
  };
  return (base[kind] ?? 12_000) + wordsToRead * 250;
}

/** Right answers an item needs before what learners actually took replaces the estimate. */
export const MIN_TIMED_ANSWERS = 30;

/** What learners took to answer an item right: the median of its recent right answers, and how many there were. */
export interface ObservedTiming {
  medianMs: number;
  answers: number;
}

/**
 * The item's typical time: the median of learners' recent right answers once there are at least MIN_TIMED_ANSWERS
 * of them, otherwise the estimate from its kind and length.
 */
export function typicalAnswerMs(observed: ObservedTiming | null, estimateMs: number): number {
  return observed && observed.answers >= MIN_TIMED_ANSWERS ? observed.medianMs : estimateMs;
}

/** A right answer that took more than twice the typical time is "slow": the review screen proposes Hard. */
export function isSlow(durationMs: number, typicalMs: number): boolean {
  return durationMs > 2 * typicalMs;
}
