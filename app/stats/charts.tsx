/**
 * The statistics charts, drawn as inline SVG on the server (no client JavaScript). Each chart is a <figure> whose
 * SVG carries a one-sentence summary for screen readers (role="img") and whose exact numbers are in a table
 * beside it; the pictures never rely on colour alone (sizes, hatching and printed numbers carry the meaning).
 */
import type { Heatmap, DueForecast } from '@/lib/domain/review/stats';
import type { LessonStats } from '@/lib/data/review/stats';
import type { Translate } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { intlLocale } from '@/lib/i18n/locales';

export interface Formatters {
  int: (n: number) => string;
  pct: (x: number) => string;
  /** "2 Mar" */
  shortDay: (dayKey: string) => string;
  /** "Senin, 2 Maret 2026" */
  longDay: (dayKey: string) => string;
  month: (dayKey: string) => string;
  /** Monday = 0. */
  weekday: (index: number) => string;
}

/** Day keys are calendar dates: format them at noon UTC in UTC so no zone can move them to another date. */
function dateOfKey(dayKey: string): Date {
  return new Date(`${dayKey}T12:00:00Z`);
}

export function formatters(locale: Locale): Formatters {
  const tag = intlLocale(locale);
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const short = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(tag, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
  return {
    int: (n) => int.format(n),
    pct: (x) => pct.format(x),
    shortDay: (k) => short.format(dateOfKey(k)),
    longDay: (k) => long.format(dateOfKey(k)),
    month: (k) => month.format(dateOfKey(k)),
    // 2 March 2026 was a Monday.
    weekday: (i) => weekday.format(dateOfKey(`2026-03-0${2 + i}`)),
  };
}

/** A step of 1, 2 or 5 × 10^k giving about `ticks` gridlines up to `max`; whole numbers only. */
function niceStep(max: number, ticks = 4): number {
  if (max <= ticks) return 1;
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
}

interface ChartProps {
  t: Translate;
  f: Formatters;
}

/** Bars of cards due per day for the next 30 days; today's bar shows its overdue part hatched. */
export function ForecastChart({ forecast, t, f }: ChartProps & { forecast: DueForecast }) {
  const { days, overdue } = forecast;
  const W = 320;
  const H = 170;
  const left = 34;
  const right = 6;
  const top = 10;
  const bottom = 28;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = days.reduce((m, d) => Math.max(m, d.count), 0);
  const step = niceStep(max);
  const yMax = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(yMax / step) + 1 }, (_, i) => i * step);
  const band = plotW / days.length;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;

  const total = days.reduce((s, d) => s + d.count, 0);
  const week = days.slice(0, 7).reduce((s, d) => s + d.count, 0);
  const peak = days.reduce((p, d) => (d.count > p.count ? d : p), days[0]!);
  const summary =
    total === 0
      ? t('stats.forecast.summaryEmpty')
      : t('stats.forecast.summary', {
          today: f.int(days[0]!.count),
          week: f.int(week),
          total: f.int(total),
          peak: f.int(peak.count),
          peakDay: f.longDay(peak.dayKey),
        });

  return (
    <figure className="chart">
      <figcaption>{t('stats.forecast.caption')}</figcaption>
      <svg
        className="chart-svg chart-forecast"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMinYMin meet"
      >
        <defs>
          <pattern id="forecast-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" className="hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="4" className="hatch-line" />
          </pattern>
        </defs>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} className={v === 0 ? 'axis-line' : 'grid-line'} />
            <text x={left - 4} y={y(v) + 4} textAnchor="end" className="axis-text">
              {f.int(v)}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = left + i * band + band * 0.15;
          const w = band * 0.7;
          const late = i === 0 ? Math.min(overdue, d.count) : 0;
          return (
            <g key={d.dayKey}>
              {d.count > late && <rect x={x} y={y(d.count)} width={w} height={y(late) - y(d.count)} className="bar" />}
              {late > 0 && <rect x={x} y={y(late)} width={w} height={y(0) - y(late)} className="bar-overdue" />}
            </g>
          );
        })}
        {days.map((d, i) =>
          i % 7 === 0 ? (
            <text
              key={d.dayKey}
              x={i === 0 ? left : left + (i + 0.5) * band}
              y={H - bottom + 16}
              textAnchor={i === 0 ? 'start' : 'middle'}
              className="axis-text"
            >
              {i === 0 ? t('stats.forecast.today') : f.shortDay(d.dayKey)}
            </text>
          ) : null,
        )}
      </svg>
      <ul className="chart-legend">
        <li>
          <Swatch className="bar" />
          {t('stats.forecast.legendDue')}
        </li>
        <li>
          <Swatch className="bar-overdue" />
          {t('stats.forecast.legendOverdue')}
        </li>
      </ul>
      {forecast.later > 0 && <p className="hint">{t('stats.forecast.later', { n: f.int(forecast.later) })}</p>}
      <details className="chart-data">
        <summary>{t('stats.showNumbers')}</summary>
        <table>
          <caption className="visually-hidden">{t('stats.forecast.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.forecast.colDay')}</th>
              <th scope="col">{t('stats.forecast.colCards')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.dayKey}>
                <th scope="row">
                  {f.longDay(d.dayKey)}
                  {i === 0 && ` (${t('stats.forecast.today')})`}
                </th>
                <td>
                  {f.int(d.count)}
                  {i === 0 && overdue > 0 && ` (${t('stats.forecast.tableOverdue', { n: f.int(overdue) })})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const HEAT_SIZE = [0, 4.5, 6.5, 8.5, 10] as const;

/** Weeks × weekdays of the last year; a day's square grows and darkens with the number of answers. */
export function ReviewCalendar({ heatmap, t, f }: ChartProps & { heatmap: Heatmap }) {
  const pitch = 12;
  const cell = 10;
  const left = 30;
  const top = 17;
  const W = left + heatmap.weeks * pitch;
  const H = top + 7 * pitch;
  const today = heatmap.cells[heatmap.cells.length - 1];
  const busiest = heatmap.cells.reduce<(typeof heatmap.cells)[number] | undefined>(
    (b, c) => (c.count > 0 && (!b || c.count > b.count) ? c : b),
    undefined,
  );
  const summary = busiest
    ? t('stats.heatmap.summary', {
        total: f.int(heatmap.total),
        activeDays: f.int(heatmap.activeDays),
        days: f.int(heatmap.cells.length),
        max: f.int(busiest.count),
        maxDay: f.longDay(busiest.dayKey),
      })
    : t('stats.heatmap.summaryEmpty', { days: f.int(heatmap.cells.length) });

  // A month's name above the first column holding its 1st day, unless too close to the previous name.
  const months: { week: number; dayKey: string }[] = [];
  for (const c of heatmap.cells) {
    if (!c.dayKey.endsWith('-01')) continue;
    const prev = months[months.length - 1];
    if (!prev || c.week - prev.week >= 3) months.push({ week: c.week, dayKey: c.dayKey });
  }
  const active = heatmap.cells.filter((c) => c.count > 0).reverse();

  return (
    <figure className="chart">
      <figcaption>{t('stats.heatmap.caption')}</figcaption>
      <div className="chart-scroll" tabIndex={0} role="group" aria-label={t('stats.heatmap.scrollLabel')}>
        <svg className="chart-svg chart-heatmap" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
          {months.map((m) => (
            <text key={m.dayKey} x={left + m.week * pitch} y={top - 5} className="axis-text axis-text-large">
              {f.month(m.dayKey)}
            </text>
          ))}
          {[0, 2, 4].map((d) => (
            <text
              key={d}
              x={left - 4}
              y={top + d * pitch + cell - 1}
              textAnchor="end"
              className="axis-text axis-text-large"
            >
              {f.weekday(d)}
            </text>
          ))}
          {heatmap.cells.map((c) => {
            const x = left + c.week * pitch;
            const y = top + c.weekday * pitch;
            const s = HEAT_SIZE[c.level];
            return (
              <g key={c.dayKey}>
                <rect x={x} y={y} width={cell} height={cell} rx={1.5} className="heat-empty" />
                {c.level > 0 && (
                  <rect
                    x={x + (cell - s) / 2}
                    y={y + (cell - s) / 2}
                    width={s}
                    height={s}
                    rx={1}
                    className={`heat-l${c.level}`}
                  />
                )}
              </g>
            );
          })}
          {today && (
            <rect
              x={left + today.week * pitch - 1}
              y={top + today.weekday * pitch - 1}
              width={cell + 2}
              height={cell + 2}
              rx={2}
              className="heat-today"
            />
          )}
        </svg>
      </div>
      <div className="chart-legend">
        <span>{t('stats.heatmap.legendTitle')}</span>
        <ul>
          <li>
            <HeatSwatch level={0} />0
          </li>
          {heatmap.levels.map((l) => (
            <li key={l.level}>
              <HeatSwatch level={l.level} />
              {l.min === l.max ? f.int(l.min) : `${f.int(l.min)}–${f.int(l.max)}`}
            </li>
          ))}
          <li>
            <svg viewBox="0 0 12 12" className="swatch" aria-hidden="true">
              <rect x="1" y="1" width="10" height="10" rx="2" className="heat-today" />
            </svg>
            {t('stats.heatmap.legendToday')}
          </li>
        </ul>
      </div>
      <details className="chart-data">
        <summary>{t('stats.showNumbers')}</summary>
        {active.length === 0 ? (
          <p>{t('stats.heatmap.noAnswers')}</p>
        ) : (
          <>
            <p className="hint">{t('stats.heatmap.tableNote')}</p>
            <table>
              <caption className="visually-hidden">{t('stats.heatmap.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.heatmap.colDay')}</th>
                  <th scope="col">{t('stats.heatmap.colAnswers')}</th>
                </tr>
              </thead>
              <tbody>
                {active.map((c) => (
                  <tr key={c.dayKey}>
                    <th scope="row">{f.longDay(c.dayKey)}</th>
                    <td>{f.int(c.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </details>
    </figure>
  );
}

/**
 * Mastery per lesson as a table whose bar column is decoration: the printed percentage and counts are the data,
 * so the chart needs no separate text alternative.
 */
export function MasteryChart({
  lessons,
  caption,
  t,
  f,
}: ChartProps & { lessons: readonly LessonStats[]; caption: string }) {
  const multiCourse = new Set(lessons.map((l) => l.courseId)).size > 1;
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      <table className="mastery-table">
        <thead>
          <tr>
            <th scope="col">{t('stats.mastery.colLesson')}</th>
            <th scope="col">{t('stats.mastery.colMastery')}</th>
            <th scope="col">{t('stats.mastery.colStudied')}</th>
          </tr>
        </thead>
        <tbody>
          {lessons.map((l) => (
            <tr key={l.lessonId}>
              <th scope="row">
                {l.lessonTitle}
                {multiCourse && <span className="hint"> · {l.courseTitle}</span>}
              </th>
              <td>
                <div className="mastery-cell">
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="mastery-bar" aria-hidden="true">
                    <rect x="0" y="0" width="100" height="10" className="mastery-track" />
                    {l.mastery !== null && (
                      <rect x="0" y="0" width={l.mastery * 100} height="10" className="mastery-fill" />
                    )}
                  </svg>
                  <span>
                    {l.mastery === null ? (
                      t('stats.mastery.notStarted')
                    ) : (
                      <>
                        {f.pct(l.mastery)}{' '}
                        <span className="hint">
                          ({t('stats.mastery.masteredOf', { mastered: f.int(l.mastered), total: f.int(l.total) })})
                        </span>
                      </>
                    )}
                  </span>
                </div>
              </td>
              <td>{t('stats.mastery.studiedOf', { studied: f.int(l.studied), total: f.int(l.total) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Swatch({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 12 12" className="swatch" aria-hidden="true">
      <rect x="0" y="0" width="12" height="12" className={className} />
    </svg>
  );
}

function HeatSwatch({ level }: { level: 0 | 1 | 2 | 3 | 4 }) {
  const s = HEAT_SIZE[level];
  return (
    <svg viewBox="0 0 12 12" className="swatch" aria-hidden="true">
      <rect x="1" y="1" width="10" height="10" rx="1.5" className="heat-empty" />
      {level > 0 && <rect x={6 - s / 2} y={6 - s / 2} width={s} height={s} rx="1" className={`heat-l${level}`} />}
    </svg>
  );
}
