import { DateField } from '@/app/_components/date-field';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/app/_components/action-form';
import {
  addInstructorAction,
  assignLessonAction,
  rotateJoinCodeAction,
  setExamDateAction,
} from '@/app/_actions/classes';
import { pageData, requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { classDetail } from '@/lib/data/classes/classes';
import { getClassProgress } from '@/lib/data/classes/progress';
import { AT_RISK } from '@/lib/domain/analytics/at-risk';
import { getT } from '@/lib/i18n/server';
import { riskInWords } from '../risk-words';
import { RosterTable } from './roster-table';
import { siteOrigin } from '@/lib/auth/request-client';
import { JoinLink } from './join-link';
import { ConceptMap } from './concept-map';
import type { ReactNode } from 'react';
import type { ClassDetail } from '@/lib/data/classes/classes';
import type { Translate } from '@/lib/i18n/catalogue';
import { intlLocale } from '@/lib/i18n/locales';

type Params = { params: Promise<{ classId: string }>; searchParams: Promise<{ joined?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('classes.title') };
}

export default async function ClassPage({ params, searchParams }: Params) {
  const actor = await requirePageActor();
  const { classId } = await params;
  const [{ t, locale }, now, detail, { joined }] = await Promise.all([
    getT(),
    requestNow(),
    pageData(classDetail(actor, classId)),
    searchParams,
  ]);
  const intl = intlLocale(locale);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: actor.timeZone }).format(new Date(iso));
  const dayInput = (iso: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: actor.timeZone }).format(new Date(iso));

  const header = (
    <>
      <p className="muted">
        <Link href="/classes">{t('classes.title')}</Link> · {detail.courseTitle}
      </p>
      <h1>{detail.name}</h1>
      {detail.examDate && <p>{t('classes.examOn', { date: date(detail.examDate) })}</p>}
    </>
  );

  if (detail.as === 'member')
    return <MemberClassView detail={detail} joined={Boolean(joined)} header={header} t={t} date={date} />;

  const progress = await pageData(getClassProgress(actor, classId, now));
  const pct = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const riskText = Object.fromEntries(
    progress.students.map((s) => [s.id, s.atRisk.map((r) => riskInWords(r, t, pct))]),
  );
  const assignedLessons = progress.lessons.filter((l) => l.assigned);

  return (
    <>
      {header}
      <div className="grid-2">
        <section className="card" aria-labelledby="code-title">
          <h2 id="code-title">{t('classes.joinCode')}</h2>
          {detail.joinCode && <JoinLink code={detail.joinCode} origin={await siteOrigin()} t={t} />}
          <ActionForm action={rotateJoinCodeAction} submitLabel={t('classes.rotateCode')} secondary>
            <input type="hidden" name="classId" value={classId} />
          </ActionForm>
        </section>
        <section className="card" aria-labelledby="exam-title">
          <h2 id="exam-title">{t('classes.examTitle')}</h2>
          <ActionForm action={setExamDateAction} submitLabel={t('classes.saveExamDate')}>
            <input type="hidden" name="classId" value={classId} />
            <DateField
              id="f-exam"
              name="examDate"
              label={t('classes.examDate')}
              t={t}
              isoDefault={detail.examDate ? dayInput(detail.examDate) : null}
            />
          </ActionForm>
        </section>
      </div>

      <section className="card" aria-labelledby="assign-title">
        <h2 id="assign-title">{t('classes.assignmentsTitle')}</h2>
        {detail.assignments.length > 0 && (
          <ul>
            {detail.assignments.map((a) => (
              <li key={a.lessonId}>
                {a.lessonTitle} — {t('classes.dueOn', { date: date(a.dueAt) })}
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={assignLessonAction} submitLabel={t('classes.assign')} className="row-form">
          <input type="hidden" name="classId" value={classId} />
          <div className="field">
            <label htmlFor="f-lesson">{t('classes.lesson')}</label>
            <select id="f-lesson" name="lessonId">
              {detail.lessons.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </select>
          </div>
          <DateField id="f-due" name="dueDate" label={t('classes.dueDate')} t={t} required />
        </ActionForm>
      </section>

      <section aria-labelledby="roster-title">
        <h2 id="roster-title">{t('classes.rosterTitle', { n: progress.students.length })}</h2>
        <p className="muted">
          {t('classes.rosterLead', {
            days: AT_RISK.inactiveDays,
            overdue: AT_RISK.overdueCards,
            gap: Math.round(AT_RISK.retentionGap * 100),
          })}
        </p>
        <p className="row">
          <a href={`/api/v1/classes/${classId}/progress.csv?lang=${locale}`} download>
            {t('classes.exportProgress')}
          </a>
          <Link href={`/classes/${classId}/items`}>{t('classes.itemAnalysis')}</Link>
        </p>
        {progress.students.length === 0 ? (
          <p>{t('classes.noStudents')}</p>
        ) : (
          <RosterTable
            classId={classId}
            students={progress.students}
            assignedLessons={assignedLessons.map((l) => ({ id: l.id, title: l.title }))}
            riskText={riskText}
            locale={intl}
            timeZone={actor.timeZone}
            labels={rosterLabels(t, progress.students.length)}
          />
        )}
      </section>

      <ConceptMap progress={progress} t={t} pct={pct} />

      <section className="card" aria-labelledby="teachers-title">
        <h2 id="teachers-title">{t('classes.instructorsTitle')}</h2>
        <ul>
          {detail.instructors.map((i) => (
            <li key={i.id}>{i.displayName}</li>
          ))}
        </ul>
        <ActionForm action={addInstructorAction} submitLabel={t('classes.addInstructor')} className="row-form">
          <input type="hidden" name="classId" value={classId} />
          <div className="field">
            <label htmlFor="f-teacher">{t('classes.instructorEmail')}</label>
            <input id="f-teacher" name="email" type="email" autoComplete="off" />
          </div>
        </ActionForm>
      </section>
    </>
  );
}

/** The roster table's words, in the interface's language (the table is a client component). */
function rosterLabels(t: Translate, n: number) {
  return {
    tableLabel: t('classes.rosterTitle', { n }),
    filterName: t('classes.filterName'),
    atRiskOnly: t('classes.atRiskOnly'),
    columns: {
      name: t('classes.col.name'),
      lastActive: t('classes.col.lastActive'),
      reviews7d: t('classes.col.reviews7d'),
      retention: t('classes.col.retention'),
      known: t('classes.col.known'),
      overdue: t('classes.col.overdue'),
      risk: t('classes.col.risk'),
    },
    never: t('classes.never'),
    notEnough: t('classes.notEnough'),
    remove: t('classes.remove'),
    removeLabel: t('classes.removeLabel', { name: '{name}' }),
    shown: t('classes.shown', { n: '{n}', total: '{total}' }),
    riskNone: t('classes.riskNone'),
    lessonProgress: t('classes.col.assigned'),
    mockExams: t('classes.col.mockExams'),
    masteredOf: t('classes.masteredOf', { mastered: '{mastered}', total: '{total}', studied: '{studied}' }),
  };
}

/** A student's view of their class: what is assigned and by when. */
function MemberClassView({
  detail,
  joined,
  header,
  t,
  date,
}: {
  detail: ClassDetail;
  joined: boolean;
  header: ReactNode;
  t: Translate;
  date: (iso: string) => string;
}) {
  return (
    <>
      {header}
      {joined && (
        <p className="notice notice-ok" role="status">
          {t('classes.joined')}
        </p>
      )}
      <section className="card" aria-labelledby="assigned-title">
        <h2 id="assigned-title">{t('classes.assignmentsTitle')}</h2>
        {detail.assignments.length === 0 ? (
          <p>{t('classes.noAssignments')}</p>
        ) : (
          <ul>
            {detail.assignments.map((a) => (
              <li key={a.lessonId}>
                <Link href={`/courses/${detail.courseId}/lessons/${a.lessonId}`}>{a.lessonTitle}</Link> —{' '}
                {t('classes.dueOn', { date: date(a.dueAt) })}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">{t('classes.assignedInDeck')}</p>
        <Link className="button" href="/review">
          {t('home.reviewNow')}
        </Link>
      </section>
    </>
  );
}
