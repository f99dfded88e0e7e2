/**
 * Forecast against score over the learner's mock exams, as inline SVG drawn on the server (like app/stats/charts.tsx):
 * one mark per submitted attempt at (forecast, score), its 90% range as a vertical bar, and the diagonal where a
 * perfect forecast would put every mark. A score inside its range is a filled circle, outside a hollow square: the
 * shape, not the colour, carries the meaning. The exact numbers are in the table under it ("Show the numbers").
 */
import type { MockExamSummary } from '@/lib/data/exam/mock-exams';
import type { Translate } from '@/lib/i18n/catalogue';

export function CalibrationChart({
  attempts,
  t,
  pct,
  date,
  summary,
}: {
  /** Submitted attempts (score not null). */
  attempts: readonly MockExamSummary[];
  t: Translate;
  pct: (x: number) => string;
  date: (iso: string) => string;
  /** One sentence for screen readers: what the picture shows. */
  summary: string;
}) {
  const W = 260;
  const H = 260;
  const left = 40;
  const bottom = 36;
  const top = 10;
  const right = 18;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const x = (v: number) => left + v * plotW;
  const y = (v: number) => top + plotH - v * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const inside = (a: MockExamSummary) => a.score! >= a.forecast.low && a.score! <= a.forecast.high;
  return (
    <figure className="chart calibration">
      <figcaption>{t('exam.calibrationCaption')}</figcaption>
      <svg
        className="chart-svg chart-calibration"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        data-testid="calibration-chart"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} className={v === 0 ? 'axis-line' : 'grid-line'} />
            <line x1={x(v)} x2={x(v)} y1={top} y2={top + plotH} className={v === 0 ? 'axis-line' : 'grid-line'} />
            <text x={left - 4} y={y(v) + 4} textAnchor="end" className="axis-text">
              {pct(v)}
            </text>
            <text x={x(v)} y={top + plotH + 14} textAnchor="middle" className="axis-text">
              {pct(v)}
            </text>
          </g>
        ))}
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} className="calibration-diagonal" />
        <text x={left + plotW / 2} y={H - 4} textAnchor="middle" className="axis-text">
          {t('exam.calibrationAxisForecast')}
        </text>
        <text
          x={10}
          y={top + plotH / 2}
          textAnchor="middle"
          className="axis-text"
          transform={`rotate(-90 10 ${top + plotH / 2})`}
        >
          {t('exam.calibrationAxisScore')}
        </text>
        {attempts.map((a) => (
          <g key={a.id}>
            <line
              x1={x(a.forecast.p)}
              x2={x(a.forecast.p)}
              y1={y(a.forecast.low)}
              y2={y(a.forecast.high)}
              className="calibration-range"
            />
            {inside(a) ? (
              <circle cx={x(a.forecast.p)} cy={y(a.score!)} r={4} className="calibration-in" />
            ) : (
              <rect x={x(a.forecast.p) - 4} y={y(a.score!) - 4} width={8} height={8} className="calibration-out" />
            )}
          </g>
        ))}
      </svg>
      <details className="chart-data">
        <summary>{t('stats.showNumbers')}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('exam.calibrationTable')}>
          <table className="roster">
            <caption className="visually-hidden">{t('exam.calibrationTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exam.attemptCols.started')}</th>
                <th scope="col">{t('exam.attemptCols.forecast')}</th>
                <th scope="col">{t('exam.attemptCols.score')}</th>
                <th scope="col">{t('exam.calibrationInRange')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{date(a.startedAt)}</th>
                  <td>
                    {pct(a.forecast.p)} ({pct(a.forecast.low)}–{pct(a.forecast.high)})
                  </td>
                  <td>{pct(a.score!)}</td>
                  <td>{inside(a) ? t('exam.calibrationYes') : t('exam.calibrationNo')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <ul className="chart-legend">
        <li>
          <svg viewBox="0 0 12 12" className="swatch" aria-hidden="true">
            <circle cx="6" cy="6" r="4" className="calibration-in" />
          </svg>
          {t('exam.calibrationLegendIn')}
        </li>
        <li>
          <svg viewBox="0 0 12 12" className="swatch" aria-hidden="true">
            <rect x="2" y="2" width="8" height="8" className="calibration-out" />
          </svg>
          {t('exam.calibrationLegendOut')}
        </li>
        <li>
          <svg viewBox="0 0 12 12" className="swatch" aria-hidden="true">
            <line x1="0" y1="12" x2="12" y2="0" className="calibration-diagonal" />
          </svg>
          {t('exam.calibrationLegendDiagonal')}
        </li>
      </ul>
    </figure>
  );
}
