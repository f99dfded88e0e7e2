import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { pageData, requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { getMockExam } from '@/lib/data/exam/mock-exams';
import { getT } from '@/lib/i18n/server';
import { ExamRunner } from './runner';
import { ClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('exam.mockTitle') };
}

export default async function MockExamPage({ params }: { params: Promise<{ examId: string }> }) {
  const actor = await requirePageActor();
  const { examId } = await params;
  const [{ t }, now] = await Promise.all([getT(), requestNow()]);
  const exam = await pageData(getMockExam(actor, examId, now));
  if (exam.status === 'submitted') redirect(`/exam/${examId}/result`);
  return (
    <ClientMessages namespaces={['question', 'exam']}>
      <>
        <h1>{t('exam.mockTitle')}</h1>
        <p className="muted">{t('exam.evidence')}</p>
        <ExamRunner exam={exam} />
      </>
    </ClientMessages>
  );
}
