import { describe, expect, it } from 'vitest';
import { calibrationSummary, MIN_CALIBRATION_ATTEMPTS } from '@/lib/domain/exam/calibration';

const attempt = (p: number, score: number | null, half = 0.15) => ({
  forecast: { p, low: p - half, high: p + half },
  score,
});

describe('calibration of the readiness forecast', () => {
  it('says a forecast of 41% that met a score of 20% ran 21 points high and missed its range', () => {
    const c = calibrationSummary([attempt(0.41, 0.2)]);
    expect(c.n).toBe(1);
    expect(c.meanDifference).toBeCloseTo(-0.21, 12);
    expect(c.meanAbsoluteError).toBeCloseTo(0.21, 12);
    expect(c.withinRange).toBe(0);
    expect(c.enough).toBe(false);
  });

  it('leaves open attempts out and draws the picture only from five submitted attempts on', () => {
    const four = [attempt(0.5, 0.5), attempt(0.6, 0.55), attempt(0.4, 0.45), attempt(0.7, 0.6), attempt(0.5, null)];
    expect(calibrationSummary(four)).toMatchObject({ n: 4, enough: false, withinRange: 4 });
    const five = [...four, attempt(0.5, 0.9)];
    expect(MIN_CALIBRATION_ATTEMPTS).toBe(5);
    const c = calibrationSummary(five);
    expect(c).toMatchObject({ n: 5, enough: true, withinRange: 4 });
    expect(c.meanForecast).toBeCloseTo((0.5 + 0.6 + 0.4 + 0.7 + 0.5) / 5, 12);
    expect(c.meanScore).toBeCloseTo((0.5 + 0.55 + 0.45 + 0.6 + 0.9) / 5, 12);
  });

  it('has no means at all before any attempt is submitted', () => {
    expect(calibrationSummary([attempt(0.5, null)])).toMatchObject({
      n: 0,
      meanForecast: null,
      meanScore: null,
      meanDifference: null,
    });
  });
});
