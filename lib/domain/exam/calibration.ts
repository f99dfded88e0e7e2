/**
 * Calibration of the readiness forecast: each submitted mock exam carries the forecast made when it started (for
 * exactly its questions, with a 90% range) and the score it got. Pure.
 *
 * The picture (forecast against score) is drawn only from {@link MIN_CALIBRATION_ATTEMPTS} attempts on. One mock
 * exam of 20 questions has a score standard deviation of about 11 points around even a perfect forecast (√(p(1−p)/k)
 * at p = 0.5), so one or two points show luck as much as bias; with five, the mean difference's sd is about 5 points,
 * small enough for a bias of 10 points or more to stand out. Below that the page lists the attempts and says how
 * many more are needed.
 */

export const MIN_CALIBRATION_ATTEMPTS = 5;

export interface CalibrationAttempt {
  forecast: { p: number; low: number; high: number };
  /** Share right; null while the attempt is open (left out). */
  score: number | null;
}

export interface CalibrationSummary {
  /** Submitted attempts. */
  n: number;
  meanForecast: number | null;
  meanScore: number | null;
  /** Mean of |score − forecast|. */
  meanAbsoluteError: number | null;
  /** Mean of (score − forecast): negative when the forecast runs high. */
  meanDifference: number | null;
  /** Scores that fell inside their forecast's 90% range. */
  withinRange: number;
  /** True from MIN_CALIBRATION_ATTEMPTS submitted attempts on: enough to draw the picture. */
  enough: boolean;
  minAttempts: number;
}

/**
 * @example calibrationSummary([{ forecast: { p: 0.41, low: 0.25, high: 0.57 }, score: 0.2 }])
 *          // { n: 1, meanDifference: -0.21, withinRange: 0, enough: false, … }
 */
export function calibrationSummary(attempts: readonly CalibrationAttempt[]): CalibrationSummary {
  const done = attempts.filter((a): a is CalibrationAttempt & { score: number } => a.score !== null);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  return {
    n: done.length,
    meanForecast: mean(done.map((a) => a.forecast.p)),
    meanScore: mean(done.map((a) => a.score)),
    meanAbsoluteError: mean(done.map((a) => Math.abs(a.score - a.forecast.p))),
    meanDifference: mean(done.map((a) => a.score - a.forecast.p)),
    withinRange: done.filter((a) => a.score >= a.forecast.low && a.score <= a.forecast.high).length,
    enough: done.length >= MIN_CALIBRATION_ATTEMPTS,
    minAttempts: MIN_CALIBRATION_ATTEMPTS,
  };
}
