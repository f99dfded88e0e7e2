import type { Metadata } from 'next';
import Link from 'next/link';
import { IssueResetLinkForm } from '@/app/_components/reset-forms';
import { StatsView } from '@/app/stats/stats-view';
import { pageData, requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { getStudentProgress } from '@/lib/data/classes/progress';
import { getT } from '@/lib/i18n/server';
import { ClientMessages } from '@/lib/i18n/client-messages';

type Params = { params: Promise<{ classId: string; studentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('stats.title') };
}

/** A student's statistics for an instructor of their class: the numbers the student sees, told about them by name. */
export default async function StudentPage({ params }: Params) {
  const actor = await requirePageActor();
  const { classId, studentId } = await params;
  const [{ t, locale }, now] = await Promise.all([getT(), requestNow()]);
  const { student, stats } = await pageData(getStudentProgress(actor, classId, studentId, now));
  return (
    <ClientMessages namespaces={['reset', 'settings']}>
      <div className="stats">
        <p className="muted">
          <Link href={`/classes/${classId}`}>{t('classes.backToClass')}</Link>
        </p>
        <h1>{t('classes.studentTitle', { name: student.displayName })}</h1>
        <p className="muted">{student.email}</p>
        <IssueResetLinkForm userId={student.id} name={student.displayName} />
        <StatsView stats={stats} t={t} locale={locale} student={{ name: student.displayName }} />
      </div>
    </ClientMessages>
  );
}
