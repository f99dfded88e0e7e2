/**
 * A learner's statistics (numbers, forecast, calendar, mastery), shown to the learner on /stats and to an
 * instructor on a student's page in a class. Without `student` it speaks to the learner ("your target") and adds
 * the links that only make sense for them; with it, it speaks about the student by name to the instructor.
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
  student,
}: {
  stats: LearnerStats;
  t: Translate;
  locale: Locale;
  /** The student an instructor is looking at; absent on the learner's own page. */
  student?: { name: string };
}) {
  const own = !student;
  const name = student?.name ?? '';
  const f = formatters(locale);
  const { forecast, retention, streak, known } = stats;
  const dueToday = forecast.days[0]?.count ?? 0;
  const hour = `${String(stats.rolloverHour).padStart(2, '0')}${locale === 'en' ? ':' : '.'}00`;
  return (
    <>
      <p className="lead">{t(own ? 'stats.lead' : 'stats.other.lead', { hour, timeZone: stats.timeZone, name })}</p>

      {known.total === 0 && stats.heatmap.total === 0 ? (
        <section className="card">
          <p>{own ? t('stats.empty') : t('stats.other.empty', { name })}</p>
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
                    ` ${t(own ? 'stats.dueCapped' : 'stats.other.dueCapped', { max: f.int(stats.maxReviewsPerDay), name })}`}
                </dd>
                {own && dueToday > 0 && (
                  <dd>
                    <Link href="/review">{t('stats.toReview')}</Link>
                  </dd>
                )}
              </div>

              <div className="stat-tile">
                <dt>{t('stats.known')}</dt>
                <dd className="stat-value" data-testid="mastered-count">
                  {t('stats.knownValue', { mastered: f.int(known.mastered), total: f.int(known.total) })}
                </dd>
                <dd className="hint">
                  {t(own ? 'stats.knownHint' : 'stats.other.knownHint', { studied: f.int(known.studied), name })}
                </dd>
              </div>

              <div className="stat-tile">
                <dt>{t('stats.streak')}</dt>
                <dd className="stat-value">
                  {t(streak.days === 1 ? 'stats.streakValueOne' : 'stats.streakValue', { n: f.int(streak.days) })}
                </dd>
                <dd className="hint">
                  {streak.days === 0
                    ? t(own ? 'stats.streakNone' : 'stats.other.streakNone')
                    : streak.includesToday
                      ? t(own ? 'stats.streakToday' : 'stats.other.streakToday')
                      : t(own ? 'stats.streakContinue' : 'stats.other.streakContinue', { name })}
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
                  <strong>
                    {t(own ? 'stats.retentionTarget' : 'stats.other.retentionTarget', {
                      target: f.pct(stats.desiredRetention),
                      name,
                    })}
                  </strong>{' '}
                  {own && <Link href="/settings">{t('stats.toSettings')}</Link>}
                </dd>
              </div>
            </dl>
            <details className="stats-definitions">
              <summary>{t('stats.definitionsTitle')}</summary>
              <dl>
                <dt>{t('stats.retention', { days: f.int(retention.windowDays) })}</dt>
                <dd>
                  {t(own ? 'stats.retentionDefinition' : 'stats.other.retentionDefinition', {
                    min: f.int(retention.minSample),
                    name,
                  })}
                </dd>
                <dt>{t('stats.known')}</dt>
                <dd>{t(own ? 'stats.knownDefinition' : 'stats.other.knownDefinition', { name })}</dd>
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
              <p>{own ? t('stats.mastery.none') : t('stats.other.masteryNone', { name })}</p>
            ) : (
              <MasteryChart
                lessons={stats.lessons}
                caption={own ? t('stats.mastery.caption') : t('stats.other.masteryCaption', { name })}
                t={t}
                f={f}
              />
            )}
          </section>
        </>
      )}
    </>
  );
}
