import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  newMemoryState,
  retrievability,
  schedule,
  type MemoryState,
  type ReviewRating,
} from '@/lib/domain/review/fsrs';
import { isMastered, masteryOf, MASTERED_RECALL, MASTERY_HORIZON_DAYS } from '@/lib/domain/review/mastery';

const T0 = new Date('2026-03-01T08:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const P = { desiredRetention: 0.9 };
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A new card answered with each rating in turn at the given times. */
function answered(steps: [ReviewRating, Date][]): MemoryState {
  return steps.reduce((m, [rating, at]) => schedule(m, rating, at, P), newMemoryState(T0));
}

describe('mastery', () => {
  it('does not count a card failed a minute ago as mastered, though its recall "now" is nearly 100%', () => {
    const failed = answered([['again', T0]]);
    expect(retrievability(failed, later(MIN), {})).toBeGreaterThan(0.99);
    expect(isMastered(failed, later(MIN))).toBe(false);
  });

  it('does not count one right answer as mastery, but a right answer again days later', () => {
    const once = answered([['good', T0]]);
    expect(isMastered(once, later(MIN))).toBe(false);
    const spaced = answered([
      ['good', T0],
      ['good', later(10 * MIN)],
      ['good', later(3 * DAY)],
    ]);
    expect(isMastered(spaced, later(3 * DAY + MIN))).toBe(true);
    // …until it fades: once a week ahead falls below 90%, it is no longer mastered.
    expect(isMastered(spaced, later(3 * DAY + spaced.stability * DAY))).toBe(false);
  });

  it('puts a lesson answered half wrong a minute ago at 0% mastered, not 100%', () => {
    const cards = Array.from({ length: 10 }, (_, i) => answered([[i < 5 ? 'again' : 'good', T0]]));
    const lesson = masteryOf(cards, 34, later(MIN));
    expect(lesson).toEqual({ total: 34, studied: 10, mastered: 0, share: 0 });
  });

  it('gives no share for a lesson with nothing answered, rather than a measured-looking 0%', () => {
    expect(masteryOf([newMemoryState(T0)], 12, T0)).toEqual({ total: 12, studied: 0, mastered: 0, share: null });
  });

  it('means "at least 90% recall a week from now" under any forgetting curve, the default or a steep personal one', () => {
    const steep = [...DEFAULT_WEIGHTS.slice(0, 20), 0.6];
    const base = answered([['good', T0]]);
    for (const stability of [0.5, 3, 6.9, 7, 7.1, 12, 40])
      for (const daysSince of [0, 0.5, 2, 5, 20]) {
        const m = { ...base, phase: 'review' as const, stability };
        const now = later(daysSince * DAY);
        const horizon = later((daysSince + MASTERY_HORIZON_DAYS) * DAY);
        for (const weights of [undefined, steep]) {
          const r = retrievability(m, horizon, { weights })!;
          expect(isMastered(m, now), `S=${stability} t=${daysSince}`).toBe(r >= MASTERED_RECALL - 1e-12);
        }
      }
  });
});
