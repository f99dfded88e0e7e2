import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  newMemoryState,
  rescheduleForRetention,
  retrievability,
  schedule,
  type MemoryState,
  type ReviewRating,
} from '@/lib/domain/review/fsrs';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = new Date('2026-01-05T08:00:00Z');
const P90 = { desiredRetention: 0.9 };
const w = DEFAULT_WEIGHTS;

// FSRS-6, written out from the published formulas, independently of the library, to check the adapter.
const decay = -w[20]!;
const factor = 0.9 ** (1 / decay) - 1;
const recall = (elapsedDays: number, s: number) => (1 + (factor * elapsedDays) / s) ** decay;
const interval = (s: number, r: number) => Math.max(1, Math.round((s / factor) * (r ** (1 / decay) - 1)));
const initialDifficulty = (g: number) => w[4]! - Math.exp(w[5]! * (g - 1)) + 1;
const goodDifficulty = (d: number) => w[7]! * initialDifficulty(4) + (1 - w[7]!) * d;
const recallStability = (d: number, s: number, r: number) =>
  s * (1 + Math.exp(w[8]!) * (11 - d) * s ** -w[9]! * (Math.exp(w[10]! * (1 - r)) - 1));

function run(ratings: [ReviewRating, number][]): MemoryState[] {
  let state = newMemoryState(T0);
  let at = T0.getTime();
  return ratings.map(([rating, afterMs]) => {
    at += afterMs;
    state = schedule(state, rating, new Date(at), P90);
    return state;
  });
}

describe('the FSRS adapter', () => {
  it('starts a new card with the initial stability and difficulty of its first rating', () => {
    const [s] = run([['good', 0]]);
    expect(s!.stability).toBeCloseTo(w[2]!, 10);
    expect(s!.difficulty).toBeCloseTo(initialDifficulty(3), 3);
    expect(s!.phase).toBe('learning');
    // The first learning step is 1 minute, the second 10: Good moves to the second step.
    expect(s!.due.getTime() - T0.getTime()).toBe(10 * MIN);
  });

  it('graduates after the last learning step with an interval equal to the stability at 90% retention', () => {
    const [, graduated] = run([
      ['good', 0],
      ['good', 10 * MIN],
    ]);
    expect(graduated!.phase).toBe('review');
    expect(graduated!.scheduledDays).toBe(interval(graduated!.stability, 0.9));
    expect(graduated!.scheduledDays).toBe(2);
  });

  it('grows stability on a successful review as the FSRS-6 recall formula says', () => {
    const states = run([
      ['good', 0],
      ['good', 10 * MIN],
      ['good', 2 * DAY],
    ]);
    const [, before, after] = states as [MemoryState, MemoryState, MemoryState];
    const r = recall(2, before.stability);
    const expected = recallStability(before.difficulty, before.stability, r);
    expect(after.stability).toBeCloseTo(expected, 6);
    expect(after.difficulty).toBeCloseTo(goodDifficulty(before.difficulty), 6);
    expect(after.scheduledDays).toBe(interval(expected, 0.9));
  });

  it('follows the fixed schedule for good, good, good, again, good, good', () => {
    const states = run([
      ['good', 0],
      ['good', 10 * MIN],
      ['good', 2 * DAY],
      ['again', 11 * DAY],
      ['good', 10 * MIN],
      ['good', 2 * DAY],
    ]);
    expect(states.map((s) => [s.phase, s.scheduledDays, s.reps, s.lapses])).toEqual([
      ['learning', 0, 1, 0],
      ['review', 2, 2, 0],
      ['review', 11, 3, 0],
      ['relearning', 0, 4, 1],
      ['review', 2, 5, 1],
      ['review', 5, 6, 1],
    ]);
    // A lapse returns after the 10-minute relearning step.
    expect(states[3]!.due.getTime() - (T0.getTime() + 10 * MIN + 13 * DAY)).toBe(10 * MIN);
  });

  it('is pure: the same state, rating, time and parameters always give the same result', () => {
    const state = run([['good', 0]])[0]!;
    const at = new Date(T0.getTime() + 10 * MIN);
    expect(schedule(state, 'easy', at, P90)).toEqual(schedule(state, 'easy', at, P90));
  });

  it('orders ratings: again < hard < good < easy in the interval they give a review card', () => {
    const card = run([
      ['good', 0],
      ['good', 10 * MIN],
    ])[1]!;
    const at = new Date(card.due);
    const days = (['hard', 'good', 'easy'] as const).map((r) => schedule(card, r, at, P90).scheduledDays);
    expect(days[0]!).toBeLessThan(days[1]!);
    expect(days[1]!).toBeLessThan(days[2]!);
    expect(schedule(card, 'again', at, P90).phase).toBe('relearning');
    // Hard is not a failure: no lapse is counted.
    expect(schedule(card, 'hard', at, P90).lapses).toBe(0);
  });

  it('reports retrievability from the forgetting curve, about 90% on the due day at 90% retention', () => {
    const card = run([
      ['good', 0],
      ['good', 10 * MIN],
    ])[1]!;
    expect(retrievability(card, card.due, {})).toBeCloseTo(recall(2, card.stability), 7);
    expect(retrievability(card, card.due, {})!).toBeGreaterThan(0.89);
    expect(retrievability(newMemoryState(T0), T0, {})).toBeNull();
  });

  it('reschedules a review card from its last review when desired retention changes', () => {
    const card = run([
      ['good', 0],
      ['good', 10 * MIN],
      ['good', 2 * DAY],
    ])[2]!;
    const at80 = rescheduleForRetention(card, { desiredRetention: 0.8 });
    const at97 = rescheduleForRetention(card, { desiredRetention: 0.97 });
    expect(at80.scheduledDays).toBe(interval(card.stability, 0.8));
    expect(at97.scheduledDays).toBe(interval(card.stability, 0.97));
    expect(at97.due.getTime()).toBe(card.lastReview!.getTime() + at97.scheduledDays * DAY);
    expect(rescheduleForRetention(at80, P90)).toEqual({ ...card });
    // Cards still in learning keep their short steps.
    const learning = run([['again', 0]])[0]!;
    expect(rescheduleForRetention(learning, { desiredRetention: 0.8 })).toBe(learning);
  });
});
