/**
 * How well a set of FSRS weights predicts a learner's later answers, and whether a new set should replace the one
 * in use. Pure: the histories and the cut-off time are passed in.
 *
 * Each card's answers are replayed through the scheduler adapter with the weights under test; every answer at or
 * after `from` (the held-out, most recent ones) is predicted from the state before it: R = the retrievability at
 * that moment, outcome = recalled (any rating but Again). Log loss is the mean binary cross-entropy; RMSE(bins)
 * groups predictions into 20 bins of R and takes the count-weighted root mean square of (mean R − share recalled).
 */
import { newMemoryState, retrievability, schedule, type ReviewRating } from './fsrs';

export interface TimedAnswer {
  rating: ReviewRating;
  at: Date;
}

export interface CardAnswers {
  createdAt: Date;
  answers: readonly TimedAnswer[];
}

export interface Prediction {
  logLoss: number;
  rmseBins: number;
  n: number;
  /** Each held-out answer's loss, in replay order (so two models' losses can be paired). */
  losses: number[];
}

const EPS = 1e-6;

export function predictHeldOut(
  cards: readonly CardAnswers[],
  weights: readonly number[] | undefined,
  from: Date,
): Prediction {
  const params = { desiredRetention: 0.9, weights };
  let loss = 0;
  let n = 0;
  const losses: number[] = [];
  const bins = Array.from({ length: 20 }, () => ({ p: 0, y: 0, n: 0 }));
  for (const card of cards) {
    let state = newMemoryState(card.createdAt);
    for (const a of card.answers) {
      if (a.at.getTime() >= from.getTime()) {
        const r = retrievability(state, a.at, { weights });
        if (r !== null) {
          const p = Math.min(1 - EPS, Math.max(EPS, r));
          const y = a.rating === 'again' ? 0 : 1;
          const l = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
          loss += l;
          losses.push(l);
          n++;
          const bin = bins[Math.min(19, Math.floor(p * 20))]!;
          bin.p += p;
          bin.y += y;
          bin.n++;
        }
      }
      state = schedule(state, a.rating, a.at, params);
    }
  }
  const sq = bins.reduce((s, b) => (b.n ? s + b.n * (b.p / b.n - b.y / b.n) ** 2 : s), 0);
  return { logLoss: n ? loss / n : NaN, rmseBins: n ? Math.sqrt(sq / n) : NaN, n, losses };
}

export interface AdoptionDecision {
  adopt: boolean;
  reason: 'better' | 'not_better' | 'not_clearly_better' | 'too_few_held_out' | 'invalid_weights';
}

/**
 * The adoption rule: a new set replaces the current one only if it predicts the same held-out answers better by
 * more than two standard errors of the paired difference in log loss: "clearly better", not better by noise. (In
 * the simulation of npm run eval:scheduler, adopting on any improvement made small histories worse than defaults.)
 */
export function decideAdoption(
  candidate: Prediction,
  current: Prediction,
  options: { minHeldOut: number; weightsValid: boolean },
): AdoptionDecision {
  if (!options.weightsValid) return { adopt: false, reason: 'invalid_weights' };
  if (candidate.n < options.minHeldOut || !Number.isFinite(candidate.logLoss) || candidate.n !== current.n)
    return { adopt: false, reason: 'too_few_held_out' };
  if (candidate.logLoss >= current.logLoss) return { adopt: false, reason: 'not_better' };
  const diffs = candidate.losses.map((l, i) => current.losses[i]! - l);
  const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
  const variance = diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / Math.max(1, diffs.length - 1);
  const standardError = Math.sqrt(variance / diffs.length);
  return mean > 2 * standardError ? { adopt: true, reason: 'better' } : { adopt: false, reason: 'not_clearly_better' };
}
