import { DateField } from '@/app/_components/date-field';
import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { setExamDateAction } from '@/app/_actions/exam';
import { MockExamForm } from './mock-exam-form';
import { requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { catalogs } from '@/lib/content/catalog';
import { listMockExams } from '@/lib/data/exam/mock-exams';
import { getExamPlan } from '@/lib/data/exam/plan';
import { getReadiness } from '@/lib/data/exam/readiness';
import { getT } from '@/lib/i18n/server';
import { AttemptsCard, ReadinessCard } from './exam-cards';
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

        <ReadinessCard
          readiness={readiness}
          courseId={courseId}
          t={t}
          pct={pct}
          num={num}
          lessonTitle={lessonTitle}
          conceptName={conceptName}
        />

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

        <AttemptsCard history={history} t={t} pct={pct} date={shortDate} />
      </>
    </ClientMessages>
  );
}
