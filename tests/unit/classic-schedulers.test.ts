import { describe, expect, it } from 'vitest';
import {
  AnkiSm2Scheduler,
  LeitnerScheduler,
  Sm2Scheduler,
  type DayScheduler,
  type Grade,
} from '@/lib/domain/review/classic-schedulers';

/**
 * Plays one item through a scheduler, answering on the day it falls due (or `late` days after), and returns the due
 * days. The golden sequences below were worked out by hand from each scheduler's published rules (see the comments).
 */
function play(s: DayScheduler, ratings: Grade[], late: number[] = []): number[] {
  const [first, ...rest] = ratings;
  let day = 0;
  let due = s.introduce(0, first!, day);
  const dues = [due];
  rest.forEach((rating, i) => {
    const at = due + (late[i] ?? 0);
    due = s.review(0, rating, at, at - day);
    day = at;
    dues.push(due);
  });
  return dues;
}

describe('SM-2', () => {
  it('goes 1, 6, then interval × ease, and restarts at one day after a lapse with a lower ease', () => {
    // Good: 1 day, 6 days, round(6 × 2.5) = 15. Again: 1 day, ease 2.5 + 0.1 − 3 × 0.14 = 2.18. Good: 1, 6,
    // round(6 × 2.18) = 13. Easy: round(13 × 2.18) = 28 (ease 2.28). Hard: round(28 × 2.28) = 64.
    expect(play(new Sm2Scheduler(1), [3, 3, 3, 1, 3, 3, 3, 4, 2])).toEqual([1, 7, 22, 23, 24, 30, 43, 71, 135]);
  });

  it('scales every interval by the multiplier, but never below a day', () => {
    expect(play(new Sm2Scheduler(2), [3, 3, 3])).toEqual([2, 2 + 12, 14 + 30]);
    expect(play(new Sm2Scheduler(0.1), [3, 3])).toEqual([1, 2]);
  });
});

describe('SM-2 as in Anki', () => {
  it('grows Good by the ease, Hard by 1.2 with a lower ease, Easy by ease × 1.3, and counts lateness', () => {
    // Good from 1: max(2, round(2.5)) = 3. Good from 3: round(7.5) = 8. Hard from 8: round(9.6) = 10, ease 2.35.
    // Easy 8 days late from 10: round((10 + 8) × 2.35 × 1.3) = 55, ease 2.5. Again: 1 day.
    expect(play(new AnkiSm2Scheduler(1), [3, 3, 3, 2, 4, 1], [0, 0, 0, 8, 0])).toEqual([1, 4, 12, 22, 85, 86]);
  });

  it('graduates an Easy first answer to four days', () => {
    expect(new AnkiSm2Scheduler(1).introduce(0, 4, 10)).toBe(14);
  });

  it('keeps each button at least a day beyond the one before', () => {
    // From 1 day, Hard would be round(1.2) = 1: it is held at 2.
    const s = new AnkiSm2Scheduler(1);
    s.introduce(0, 3, 0);
    expect(s.review(0, 2, 1, 1)).toBe(3);
  });
});

describe('Leitner', () => {
  it('moves up a box on a pass (1, 2, 4, 8, 16 days), stays in the last, and falls to the first on a fail', () => {
    expect(play(new LeitnerScheduler(1), [3, 3, 3, 1, 3, 3, 3, 3, 3])).toEqual([1, 3, 7, 8, 10, 14, 22, 38, 54]);
  });

  it('scales the boxes by the multiplier, never below a day', () => {
    expect(play(new LeitnerScheduler(0.1), [3, 3, 3])).toEqual([1, 2, 3]);
  });
});
