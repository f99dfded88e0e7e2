import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  newMemoryState,
  retrievability,
  schedule,
  type MemoryState,
  type ReviewRating,
} from '@/lib/domain/review/fsrs';
import { seededRandom } from '@/lib/domain/seeded-shuffle';
import { evaluate, fitParameters, validWeights, type CardHistory } from '@/lib/fsrs-optimizer';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 8);
const GRADE: Record<ReviewRating, 1 | 2 | 3 | 4> = { again: 1, hard: 2, good: 3, easy: 4 };

/** A learner whose memory is clearly not the defaults: first memories last 3× longer, and forgetting is steeper. */
const TRUE_WEIGHTS = DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? w * 3 : i === 8 ? w + 0.3 : i === 20 ? 0.5 : w));
/** Memories that barely last and barely grow. */
const WRONG_WEIGHTS = DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? w * 0.05 : i === 8 ? 0.2 : i === 20 ? 0.8 : w));

/**
 * Cards reviewed as the app schedules them (default weights, 0.9, learning steps), recalled with the probability
 * the learner's true memory gives, and the learner's memory moving by the true weights. Whole days between reviews
 * as the optimizer counts them (every review happens at its due time, so day gaps are exact).
 */
function simulate(cards: number, reviewsPerCard: number, seed: string): CardHistory[] {
  const rand = seededRandom(seed);
  const truth = { desiredRetention: 0.9, weights: TRUE_WEIGHTS };
  const app = { desiredRetention: 0.9 };
  return Array.from({ length: cards }, () => {
    let at = new Date(T0);
    let memory: MemoryState = newMemoryState(at);
    let scheduled: MemoryState = memory;
    let previous = at;
    const history: { rating: 1 | 2 | 3 | 4; deltaDays: number }[] = [];
    for (let k = 0; k < reviewsPerCard; k++) {
      const r = retrievability(memory, at, truth) ?? 1;
      const u = rand();
      const rating: ReviewRating =
        k === 0 ? (u < 0.2 ? 'again' : 'good') : rand() >= r ? 'again' : u < 0.1 ? 'hard' : u < 0.15 ? 'easy' : 'good';
      history.push({ rating: GRADE[rating], deltaDays: Math.floor((at.getTime() - previous.getTime()) / DAY) });
      memory = schedule(memory, rating, at, truth);
      scheduled = schedule(scheduled, rating, at, app);
      previous = at;
      at = scheduled.due;
    }
    return history;
  });
}

describe('the FSRS optimizer adapter', () => {
  const histories = simulate(300, 8, 'fsrs-optimizer test');

  it('fits 21 finite weights that ts-fsrs uses as given and that schedule a card', async () => {
    const w = await fitParameters(histories, { enableShortTerm: true });
    expect(w).toHaveLength(21);
    expect(w.every(Number.isFinite)).toBe(true);
    expect(validWeights(w)).toBe(true);
    const now = new Date(T0);
    const state = schedule(newMemoryState(now), 'good', now, { desiredRetention: 0.9, weights: w });
    expect(state.stability).toBeCloseTo(w[2]!, 6);
  });

  it('predicts the histories it was fitted on better than a clearly wrong parameter set and the defaults', async () => {
    const w = await fitParameters(histories, { enableShortTerm: true });
    const fitted = evaluate(w, histories);
    const wrong = evaluate(WRONG_WEIGHTS, histories);
    const defaults = evaluate(DEFAULT_WEIGHTS, histories);
    expect(fitted.logLoss).toBeLessThan(wrong.logLoss);
    expect(fitted.rmseBins).toBeLessThan(wrong.rmseBins);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
    // Close to what the learner's true weights achieve on the same reviews.
    expect(fitted.logLoss).toBeLessThan(evaluate(TRUE_WEIGHTS, histories).logLoss + 0.01);
  });

  it('leaves out cards seen only on their first day instead of letting fsrs-rs abort the process', async () => {
    const withFirstDayOnly: CardHistory[] = [
      ...histories,
      [
        { rating: 1, deltaDays: 0 },
        { rating: 3, deltaDays: 0 },
      ],
    ];
    await expect(fitParameters(withFirstDayOnly, { enableShortTerm: true })).resolves.toHaveLength(21);
    // The first-day-only card adds nothing: the same scores (fsrs-rs computes in 32-bit floats, hence 1e-6).
    const withIt = evaluate(DEFAULT_WEIGHTS, withFirstDayOnly);
    const without = evaluate(DEFAULT_WEIGHTS, histories);
    expect(withIt.logLoss).toBeCloseTo(without.logLoss, 6);
    expect(withIt.rmseBins).toBeCloseTo(without.rmseBins, 6);
  });

  it('scores histories with same-day learning steps, predicting only reviews on later days', () => {
    // fsrs-rs 0.5.0 fails with InvalidInput when many same-day reviews are to be predicted.
    expect(histories.some((h) => h.slice(1).some((r) => r.deltaDays === 0))).toBe(true);
    expect(Number.isFinite(evaluate(DEFAULT_WEIGHTS, histories).logLoss)).toBe(true);
  });

  it('rejects histories the optimizer would misread', async () => {
    const fit = (h: CardHistory) => fitParameters([h], { enableShortTerm: true });
    await expect(fit([{ rating: 3, deltaDays: 1 }])).rejects.toThrow(/deltaDays 1/);
    await expect(
      fit([
        { rating: 3, deltaDays: 0 },
        { rating: 3, deltaDays: 1.5 },
      ]),
    ).rejects.toThrow(/review 1/);
    await expect(
      fit([
        { rating: 3, deltaDays: 0 },
        { rating: 3, deltaDays: -2 },
      ]),
    ).rejects.toThrow(/deltaDays -2/);
    await expect(fit([{ rating: 5 as 4, deltaDays: 0 }])).rejects.toThrow(/rating 5/);
    expect(() => evaluate(DEFAULT_WEIGHTS.slice(0, 20), histories)).toThrow(/21 finite weights/);
  });
});

describe('validWeights', () => {
  it('accepts the defaults', () => {
    expect(validWeights(DEFAULT_WEIGHTS)).toBe(true);
  });

  it('rejects the wrong length, non-finite numbers and values ts-fsrs would clamp', () => {
    expect(validWeights(DEFAULT_WEIGHTS.slice(0, 19))).toBe(false);
    expect(validWeights(DEFAULT_WEIGHTS.map((w, i) => (i === 8 ? Number.NaN : w)))).toBe(false);
    expect(validWeights(DEFAULT_WEIGHTS.map((w, i) => (i === 20 ? 0.05 : w)))).toBe(false);
    expect(validWeights(DEFAULT_WEIGHTS.map((w, i) => (i === 0 ? 150 : w)))).toBe(false);
  });

  it('allows a zero w19 only when same-day reviews are off', () => {
    const w = DEFAULT_WEIGHTS.map((x, i) => (i >= 17 && i <= 19 ? 0 : x));
    expect(validWeights(w, { enableShortTerm: false })).toBe(true);
    expect(validWeights(w, { enableShortTerm: true })).toBe(false);
  });
});
