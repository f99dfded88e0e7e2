/**
 * A learner's statistics (numbers, forecast, calendar, mastery), shown to the learner on /stats and to an
 * instructor on a student's page in a class. `own` adds the links that only make sense for the learner.
 */
import Link from 'next/link';
import type { LearnerStats } from '@/lib/data/review/stats';
import type { Translate } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { ForecastChart, MasteryChart, ReviewCalendar, formatters } from './charts';

export function StatsView({
  stats,
  t,
  locale,
  own,
}: {
  stats: LearnerStats;
  t: Translate;
  locale: Locale;
  own: boolean;
}) {
  const f = formatters(locale);
  const { forecast, retention, streak, known } = stats;
  const dueToday = forecast.days[0]?.count ?? 0;
  const hour = `${String(stats.rolloverHour).padStart(2, '0')}${locale === 'en' ? ':' : '.'}00`;
  return (
    <>
      <p className="lead">{t('stats.lead', { hour, timeZone: stats.timeZone })}</p>

      {known.total === 0 && stats.heatmap.total === 0 ? (
        <section className="card">
          <p>{t('stats.empty')}</p>
          {own && (
            <p>
              <Link href="/courses">{t('stats.toCourses')}</Link>
            </p>
          )}
        </section>
      ) : (
        <>
          <section aria-labelledby="summary-title">
            <h2 id="summary-title" className="visually-hidden">
              {t('stats.summaryTitle')}
            </h2>
            <dl className="stat-tiles">
              <div className="stat-tile">
                <dt>{t('stats.dueToday')}</dt>
                <dd className="stat-value">{f.int(dueToday)}</dd>
                <dd className="hint">
                  {forecast.overdue > 0 && `${t('stats.dueOverdue', { n: f.int(forecast.overdue) })}. `}
                  {t('stats.dueNoNew')}
                  {dueToday > stats.maxReviewsPerDay &&
                    ` ${t('stats.dueCapped', { max: f.int(stats.maxReviewsPerDay) })}`}
                </dd>
                {own && dueToday > 0 && (
                  <dd>
                    <Link href="/review">{t('stats.toReview')}</Link>
                  </dd>
                )}
              </div>

              <div className="stat-tile">
                <dt>{t('stats.known')}</dt>
                <dd className="stat-value">
                  {t('stats.knownValue', { known: f.int(Math.round(known.expected)), total: f.int(known.total) })}
                </dd>
                <dd className="hint">{t('stats.knownHint', { studied: f.int(known.studied) })}</dd>
              </div>

              <div className="stat-tile">
                <dt>{t('stats.streak')}</dt>
                <dd className="stat-value">
                  {t(streak.days === 1 ? 'stats.streakValueOne' : 'stats.streakValue', { n: f.int(streak.days) })}
                </dd>
                <dd className="hint">
                  {streak.days === 0
                    ? t('stats.streakNone')
                    : streak.includesToday
                      ? t('stats.streakToday')
                      : t('stats.streakContinue')}
                </dd>
              </div>

              <div className="stat-tile">
                <dt>{t('stats.retention', { days: f.int(retention.windowDays) })}</dt>
                {retention.rate !== null && retention.interval ? (
                  <>
                    <dd className="stat-value">{f.pct(retention.rate)}</dd>
                    <dd>
                      {t('stats.retentionN', {
                        n: f.int(retention.eligible),
                        recalled: f.int(retention.recalled),
                        low: f.pct(retention.interval.low),
                        high: f.pct(retention.interval.high),
                      })}
                    </dd>
                  </>
                ) : (
                  <>
                    <dd className="stat-value stat-value-small">{t('stats.retentionTooFew')}</dd>
                    <dd>
                      {t('stats.retentionTooFewHint', {
                        n: f.int(retention.eligible),
                        min: f.int(retention.minSample),
                      })}
                    </dd>
                  </>
                )}
                <dd>
                  <strong>{t('stats.retentionTarget', { target: f.pct(stats.desiredRetention) })}</strong>{' '}
                  {own && <Link href="/settings">{t('stats.toSettings')}</Link>}
                </dd>
              </div>
            </dl>
            <details className="stats-definitions">
              <summary>{t('stats.definitionsTitle')}</summary>
              <dl>
                <dt>{t('stats.retention', { days: f.int(retention.windowDays) })}</dt>
                <dd>{t('stats.retentionDefinition', { min: f.int(retention.minSample) })}</dd>
                <dt>{t('stats.known')}</dt>
                <dd>{t('stats.knownDefinition')}</dd>
                <dt>{t('stats.streak')}</dt>
                <dd>{t('stats.streakDefinition', { hour })}</dd>
                <dt>{t('stats.mastery.title')}</dt>
                <dd>{t('stats.mastery.definition')}</dd>
              </dl>
            </details>
          </section>

          <section aria-labelledby="forecast-title">
            <h2 id="forecast-title">{t('stats.forecast.title')}</h2>
            <ForecastChart forecast={forecast} t={t} f={f} />
          </section>

          <section aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">{t('stats.heatmap.title')}</h2>
            <ReviewCalendar heatmap={stats.heatmap} t={t} f={f} />
          </section>

          <section aria-labelledby="mastery-title">
            <h2 id="mastery-title">{t('stats.mastery.title')}</h2>
            {stats.lessons.length === 0 ? (
              <p>{t('stats.mastery.none')}</p>
            ) : (
              <MasteryChart lessons={stats.lessons} t={t} f={f} />
            )}
          </section>
        </>
      )}
    </>
  );
}
