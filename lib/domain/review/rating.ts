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

/** Reading and answering time a learner typically needs for an item, from its kind and how much there is to read. */
export function typicalAnswerMs(kind: string, wordsToRead: number): number {
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

/** A right answer that took more than twice the typical time is "slow": the review screen proposes Hard. */
export function isSlow(durationMs: number, typicalMs: number): boolean {
  return durationMs > 2 * typicalMs;
}
