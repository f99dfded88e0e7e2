/**
 * The FSRS optimizer, behind one door. This is the only module that imports `@open-spaced-repetition/binding`
 * (fsrs-rs as a native addon): it turns review histories into the optimizer's items, fits FSRS-6 weights to them
 * and scores weights on them. Node-only (it loads a `.node` file), so it lives outside the pure `lib/domain`; the
 * weights it returns are plain numbers that the scheduler adapter (`lib/domain/review/fsrs.ts`) takes as
 * `SchedulerParameters.weights`.
 *
 * A history is one card's reviews in order, each with the whole days since the card's previous review (0 for the
 * first review, and for a second review on the same day). fsrs-rs counts days as whole numbers, so callers decide
 * where a learner's day starts; `lib/domain/review/day.ts` does that for the app.
 *
 * `validWeights` imports ts-fsrs (the scheduler adapter owns it otherwise) because "valid" means exactly "what
 * ts-fsrs `generatorParameters` keeps unchanged": it silently clamps each weight into its range and turns NaN into
 * 0, so a weight it would alter would schedule differently from what was fitted.
 */
import {
  computeParameters,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
  type ModelEvaluation,
} from '@open-spaced-repetition/binding';
import { generatorParameters } from 'ts-fsrs';

/** FSRS-6 has 21 weights. */
export const WEIGHT_COUNT = 21;

/** One review of a card: Again 1, Hard 2, Good 3, Easy 4; whole days since the card's previous review. */
export interface HistoryReview {
  rating: 1 | 2 | 3 | 4;
  deltaDays: number;
}

/** One card's reviews, oldest first. The first review has `deltaDays` 0. */
export type CardHistory = readonly HistoryReview[];

export interface FitOptions {
  /**
   * Fit the same-day (short-term) weights w17–w19. True for the app, whose learning steps put several reviews on
   * one day; false for histories with at most one review per card per day (those weights then come back as 0,
   * which ts-fsrs accepts only with `enable_short_term: false`).
   */
  enableShortTerm: boolean;
  /**
   * How often (ms) the binding polls the optimizer for progress. Not a time limit: each call waits at least one
   * interval, and the binding's default of 500 ms would dominate small fits. Default 10.
   */
  timeout?: number;
}

/** Log loss (mean binary cross-entropy) and RMSE(bins), as fsrs-rs computes them. Lower is better. */
export type Evaluation = Pick<ModelEvaluation, 'logLoss' | 'rmseBins'>;

/**
 * True when `w` is 21 finite FSRS-6 weights that ts-fsrs uses as given: `generatorParameters({ w })` would clamp
 * none of them. `enableShortTerm` must match the scheduler's setting (the app's is true), since it changes the
 * lower bound of w19.
 *
 * @example validWeights(DEFAULT_WEIGHTS) // true
 */
export function validWeights(w: readonly number[], options: { enableShortTerm?: boolean } = {}): boolean {
  if (w.length !== WEIGHT_COUNT || !w.every(Number.isFinite)) return false;
  const kept = generatorParameters({ w: [...w], enable_short_term: options.enableShortTerm ?? true }).w;
  return kept.every((x, i) => Math.abs(x - w[i]!) <= 1e-9 * Math.max(1, Math.abs(x)));
}

/** `currentOnLaterDay`: only items whose last review is on a later day than the one before (see `evaluate`). */
function toItems(histories: readonly CardHistory[], { currentOnLaterDay = false } = {}): FSRSBindingItem[] {
  const items: FSRSBindingItem[] = [];
  histories.forEach((history, card) => {
    const reviews = history.map(({ rating, deltaDays }, i) => {
      if (![1, 2, 3, 4].includes(rating)) throw new RangeError(`history ${card}, review ${i}: rating ${rating}`);
      if (!Number.isInteger(deltaDays) || deltaDays < 0 || (i === 0 && deltaDays !== 0)) {
        throw new RangeError(`history ${card}, review ${i}: deltaDays ${deltaDays} (whole days, 0 first)`);
      }
      return new FSRSBindingReview(rating, deltaDays);
    });
    // One item per review after the first, holding the card's history up to and including that review. fsrs-rs
    // aborts the whole process (a Rust panic across the addon boundary) on an item whose reviews all have
    // delta 0, e.g. a card seen only in same-day learning steps so far: such items carry no information about
    // forgetting over days and are left out.
    let sawDayGap = false;
    for (let end = 2; end <= reviews.length; end++) {
      if (history[end - 1]!.deltaDays > 0) sawDayGap = true;
      if (sawDayGap && (!currentOnLaterDay || history[end - 1]!.deltaDays > 0)) {
        items.push(new FSRSBindingItem(reviews.slice(0, end)));
      }
    }
  });
  return items;
}

/**
 * Fits FSRS-6 weights to review histories (fsrs-rs, the optimizer Anki uses). With little data (roughly under 100
 * items, by rules of its own) fsrs-rs returns the defaults unchanged, or changes only the initial stabilities w0–w3.
 * Throws if the optimizer fails or returns weights ts-fsrs would alter (see `validWeights`).
 *
 * @example
 * const w = await fitParameters(histories, { enableShortTerm: true });
 * schedule(state, 'good', now, { desiredRetention: 0.9, weights: w });
 */
export async function fitParameters(histories: readonly CardHistory[], options: FitOptions): Promise<number[]> {
  const w = await computeParameters(toItems(histories), {
    enableShortTerm: options.enableShortTerm,
    timeout: options.timeout ?? 10,
  });
  if (!validWeights(w, { enableShortTerm: options.enableShortTerm })) {
    throw new Error(`fsrs-rs returned weights ts-fsrs would not use as given: [${w.join(', ')}]`);
  }
  return w;
}

/**
 * How well `weights` predict the histories: every review on a later day than the card's review before it is
 * predicted from the card's history before it. Same-day reviews (learning steps) count as history but are not
 * predicted: fsrs-rs 0.5.0 fails with InvalidInput on sets with many of them to predict. fsrs-rs refuses some small
 * sets (it throws NotEnoughData, e.g. for fewer than 20 items that are all second reviews).
 */
export function evaluate(weights: readonly number[], histories: readonly CardHistory[]): Evaluation {
  if (weights.length !== WEIGHT_COUNT || !weights.every(Number.isFinite)) {
    throw new RangeError(`expected ${WEIGHT_COUNT} finite weights, got [${weights.join(', ')}]`);
  }
  const { logLoss, rmseBins } = new FSRSBinding([...weights]).evaluate(toItems(histories, { currentOnLaterDay: true }));
  return { logLoss, rmseBins };
}
