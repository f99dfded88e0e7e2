import { describe, expect, it } from 'vitest';
import { decideAdoption, type Prediction } from '@/lib/domain/review/evaluate';

function prediction(losses: number[]): Prediction {
  return { logLoss: losses.reduce((s, l) => s + l, 0) / losses.length, rmseBins: 0, n: losses.length, losses };
}
const options = { minHeldOut: 30, weightsValid: true };

describe('the adoption rule', () => {
  it('adopts a set that predicts the same answers clearly better', () => {
    const current = prediction(Array.from({ length: 100 }, (_, i) => 0.5 + (i % 5) * 0.01));
    const candidate = prediction(current.losses.map((l) => l - 0.05));
    expect(decideAdoption(candidate, current, options)).toEqual({ adopt: true, reason: 'better' });
  });

  it('refuses a set that is worse, or better only by noise', () => {
    const current = prediction(Array.from({ length: 100 }, () => 0.4));
    expect(decideAdoption(prediction(current.losses.map((l) => l + 0.01)), current, options)).toEqual({
      adopt: false,
      reason: 'not_better',
    });
    // Better on average by 0.002, but the paired differences swing ±0.2: well inside two standard errors (0.04).
    const noisy = prediction(current.losses.map((l, i) => l + (i % 2 === 0 ? -0.202 : 0.198)));
    expect(decideAdoption(noisy, current, options)).toEqual({ adopt: false, reason: 'not_clearly_better' });
  });

  it('refuses invalid weights and too few held-out answers', () => {
    const current = prediction(Array.from({ length: 10 }, () => 0.4));
    const better = prediction(current.losses.map((l) => l - 0.1));
    expect(decideAdoption(better, current, options).reason).toBe('too_few_held_out');
    expect(decideAdoption(better, current, { ...options, minHeldOut: 5, weightsValid: false }).reason).toBe(
      'invalid_weights',
    );
  });
});
