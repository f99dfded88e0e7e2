import { DateField } from '@/app/_components/date-field';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/app/_components/action-form';
import { setExamDateAction } from '@/app/_actions/exam';
import { MockExamForm } from './mock-exam-form';
import { requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { catalogs } from '@/lib/content/catalog';
import { listMockExams } from '@/lib/data/exam/mock-exams';
import { getExamPlan } from '@/lib/data/exam/plan';
import { getReadiness } from '@/lib/data/exam/readiness';
import { MIN_STUDIED_TO_RANK } from '@/lib/domain/exam/readiness';
import { getT } from '@/lib/i18n/server';
import { CalibrationChart } from './calibration-chart';
import { intlLocale } from '@/lib/i18n/locales';
import { ClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('exam.title') };
}

export default async function ExamPage({ searchParams }: { searchParams: Promise<{ course?: string }> }) {
  const actor = await requirePageActor();
  const [{ t, locale }, now, all, { course }] = await Promise.all([getT(), requestNow(), catalogs(), searchParams]);
  const catalog = (course && all.get(course)) || [...all.values()][0]!;
  const courseId = catalog.course.course.id;
  const [readiness, plan, history] = await Promise.all([
    getReadiness(actor, courseId, now),
    getExamPlan(actor, courseId, now),
    listMockExams(actor, courseId),
  ]);
  const intl = intlLocale(locale);
  const pct = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const num = new Intl.NumberFormat(intl, { maximumFractionDigits: 1 });
  const longDate = (iso: string) =>
    new Intl.DateTimeFormat(intl, { dateStyle: 'full', timeZone: actor.timeZone }).format(new Date(iso));
  const shortDate = (iso: string) =>
    new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone: actor.timeZone }).format(
      new Date(iso),
    );
  const dayLabel = (key: string) =>
    new Intl.DateTimeFormat(intl, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${key}T12:00:00Z`),
    );
  const lessonTitle = (id: string) => catalog.lessonById.get(id)?.title ?? id;
  const conceptName = (id: string) => catalog.course.course.concepts[id] ?? id;
  const exam = readiness.exam;
  const dateValue = exam
    ? new Intl.DateTimeFormat('en-CA', { timeZone: actor.timeZone }).format(new Date(exam.examAt))
    : '';

  return (
    <ClientMessages namespaces={['exam']}>
      <>
        <h1>{t('exam.title')}</h1>
        <p className="lead">{t('exam.lead')}</p>

        <section className="card" aria-labelledby="date-title">
          <h2 id="date-title">{t('exam.examDateTitle')}</h2>
          {exam?.source === 'class' ? (
            <p>{t('exam.fromClass', { name: exam.className ?? '', date: longDate(exam.examAt) })}</p>
          ) : (
            <>
              <p>{exam ? t('exam.ownDate', { date: longDate(exam.examAt) }) : t('exam.noDate')}</p>
              <ActionForm action={setExamDateAction} submitLabel={t('exam.saveDate')} className="row-form">
                <input type="hidden" name="courseId" value={courseId} />
                <DateField
                  id="f-exam-date"
                  name="examDate"
                  label={t('exam.examDate')}
                  t={t}
                  isoDefault={dateValue || null}
                  required
                />
              </ActionForm>
              {exam && (
                <ActionForm action={setExamDateAction} submitLabel={t('exam.clearDate')} secondary>
                  <input type="hidden" name="courseId" value={courseId} />
                  <input type="hidden" name="op" value="clear" />
                </ActionForm>
              )}
            </>
          )}
        </section>

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
            {t(readiness.forToday ? 'exam.basisToday' : 'exam.basis', {
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

        <section className="card" aria-labelledby="plan-title">
          <h2 id="plan-title">{t('exam.planTitle')}</h2>
          {plan ? (
            <>
              <p>{t('exam.planLead', { max: plan.maxPerDay })}</p>
              {plan.unplaced > 0 && (
                <p className="notice notice-note">{t('exam.planUnplaced', { n: plan.unplaced })}</p>
              )}
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t('exam.planTitle')}>
                <table className="roster" data-testid="exam-plan">
                  <thead>
                    <tr>
                      <th scope="col">{t('exam.planCols.day')}</th>
                      <th scope="col">{t('exam.planCols.natural')}</th>
                      <th scope="col">{t('exam.planCols.pulled')}</th>
                      <th scope="col">{t('exam.planCols.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.days.map((d) => (
                      <tr key={d.key}>
                        <th scope="row">{dayLabel(d.key)}</th>
                        <td>{d.natural}</td>
                        <td>{d.pulled}</td>
                        <td>{d.natural + d.pulled}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p>{t('exam.planNone')}</p>
          )}
        </section>

        <section className="card" aria-labelledby="mock-title">
          <h2 id="mock-title">{t('exam.mockTitle')}</h2>
          <p>{t('exam.mockLead')}</p>
          <MockExamForm courseId={courseId} />
        </section>

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
                  date={shortDate}
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
                        <th scope="row">{shortDate(a.startedAt)}</th>
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
      </>
    </ClientMessages>
  );
}
