/**
 * The exam page's two figure-heavy cards: readiness (the forecast, what it rests on, by lesson and by concept, and
 * where studying gains most) and the mock-exam attempts (forecast against score, as a chart once there are enough).
 */
import Link from 'next/link';
import type { Calibration } from '@/lib/data/exam/mock-exams';
import type { ReadinessView } from '@/lib/data/exam/readiness';
import { MIN_STUDIED_TO_RANK } from '@/lib/domain/exam/readiness';
import type { Translate } from '@/lib/i18n/catalogue';
import { CalibrationChart } from './calibration-chart';

export function ReadinessCard({
  readiness,
  courseId,
  t,
  pct,
  num,
  lessonTitle,
  conceptName,
}: {
  readiness: ReadinessView;
  courseId: string;
  t: Translate;
  pct: Intl.NumberFormat;
  num: Intl.NumberFormat;
  lessonTitle: (id: string) => string;
  conceptName: (id: string) => string;
}) {
  return (
    <section className="card" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('exam.readinessTitle')}</h2>
      <p className="stat-value" data-testid="readiness">
        {t('exam.readinessValue', {
          p: pct.format(readiness.overall.p),
          low: pct.format(readiness.overall.low),
          high: pct.format(readiness.overall.high),
          k: readiness.overall.examSize,
        })}
      </p>
      <p data-testid="readiness-basis">
        {t(readiness.forecastFor === 'week' ? 'exam.basisWeek' : 'exam.basis', {
          studied: readiness.basis.studied,
          items: readiness.basis.items,
          attempts: readiness.basis.firstAttempts,
        })}
      </p>
      <details className="stats-definitions">
        <summary>{t('stats.definitionsTitle')}</summary>
        <p>{t('exam.readinessHow')}</p>
      </details>
      <div className="grid-2">
        <div>
          <h3>{t('exam.byLesson')}</h3>
          <ul data-testid="readiness-lessons">
            {readiness.byLesson.map((l) => (
              <li key={l.id}>
                {lessonTitle(l.id)}: <strong>{pct.format(l.p)}</strong>{' '}
                <span className="muted">
                  ({t('exam.rangeOf', { low: pct.format(l.low), high: pct.format(l.high) })};{' '}
                  {t('exam.studiedOf', { studied: l.studied, items: l.items })})
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{t('exam.improveTitle')}</h3>
          <ol>
            {readiness.improve.map((i) => (
              <li key={i.lessonId}>
                <Link href={`/courses/${courseId}/lessons/${i.lessonId}`}>
                  {t('exam.improveItem', {
                    lesson: lessonTitle(i.lessonId),
                    n: num.format(i.expectedMissed),
                    k: readiness.overall.examSize,
                  })}
                </Link>{' '}
                <span className="muted">({t('exam.studiedOf', { studied: i.studied, items: i.items })})</span>
              </li>
            ))}
          </ol>
          <h3>{t('exam.byConcept')}</h3>
          {readiness.weakest.length === 0 ? (
            <p data-testid="weakest-none">{t('exam.weakestNone', { min: MIN_STUDIED_TO_RANK })}</p>
          ) : (
            <ul data-testid="weakest">
              {readiness.weakest.map((c) => (
                <li key={c.id}>
                  {conceptName(c.id)}: <strong>{pct.format(c.studiedP ?? 0)}</strong>{' '}
                  <span className="muted">({t('exam.weakestBasis', { studied: c.studied, items: c.items })})</span>
                </li>
              ))}
            </ul>
          )}
          {readiness.weakest.length > 0 && readiness.unrankedConcepts > 0 && (
            <p className="muted">
              {t('exam.weakestUnranked', { n: readiness.unrankedConcepts, min: MIN_STUDIED_TO_RANK })}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

export function AttemptsCard({
  history,
  t,
  pct,
  date,
}: {
  history: Calibration;
  t: Translate;
  pct: Intl.NumberFormat;
  date: (iso: string) => string;
}) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('exam.attemptsTitle')}</h2>
      {history.attempts.length === 0 ? (
        <p>{t('exam.noAttempts')}</p>
      ) : (
        <>
          {history.n > 0 && (
            <p data-testid="calibration">
              {t('exam.calibration', {
                n: history.n,
                forecast: pct.format(history.meanForecast ?? 0),
                score: pct.format(history.meanScore ?? 0),
                mae: pct.format(history.meanAbsoluteError ?? 0),
                within: history.withinRange,
              })}
            </p>
          )}
          {history.enough ? (
            <CalibrationChart
              attempts={history.attempts.filter((a) => a.score !== null)}
              t={t}
              pct={(x) => pct.format(x)}
              date={date}
              summary={t('exam.calibrationSummary', {
                n: history.n,
                within: history.withinRange,
                diff: pct.format(Math.abs(history.meanDifference ?? 0)),
                direction: t((history.meanDifference ?? 0) < 0 ? 'exam.forecastHigh' : 'exam.forecastLow'),
              })}
            />
          ) : (
            <p className="muted" data-testid="calibration-wait">
              {t('exam.calibrationWait', { min: history.minAttempts, n: history.n })}
            </p>
          )}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('exam.attemptsTitle')}>
            <table className="roster">
              <thead>
                <tr>
                  <th scope="col">{t('exam.attemptCols.started')}</th>
                  <th scope="col">{t('exam.attemptCols.questions')}</th>
                  <th scope="col">{t('exam.attemptCols.forecast')}</th>
                  <th scope="col">{t('exam.attemptCols.score')}</th>
                  <th scope="col">{t('exam.attemptCols.open')}</th>
                </tr>
              </thead>
              <tbody>
                {history.attempts.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{date(a.startedAt)}</th>
                    <td>{a.questionCount}</td>
                    <td>
                      {pct.format(a.forecast.p)} ({pct.format(a.forecast.low)}–{pct.format(a.forecast.high)})
                    </td>
                    <td>{a.score === null ? t('exam.inProgress') : pct.format(a.score)}</td>
                    <td>
                      <Link href={a.score === null ? `/exam/${a.id}` : `/exam/${a.id}/result`}>
                        {a.score === null ? t('exam.continue') : t('exam.seeResult')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
