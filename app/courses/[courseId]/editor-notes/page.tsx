import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { courseCatalog } from '@/lib/content/catalog';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Catatan editor' };

export default async function EditorNotesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const catalog = await courseCatalog(courseId);
  if (!catalog) notFound();
  const { t } = await getT();
  const notes = catalog.course.corrections.filter((c) => c.kind !== 'typo');
  const typos = catalog.course.corrections.length - notes.length;
  return (
    <>
      <p className="muted">
        <Link href={`/courses/${courseId}`}>{catalog.course.course.title}</Link>
      </p>
      <h1>{t('course.editorNotes')}</h1>
      <p className="lead">{t('course.editorNotesLead')}</p>
      <p>{t('course.typoCount', { n: typos })}</p>
      <ol className="notes-list">
        {notes.map((n) => {
          const lesson = catalog.paragraphById.get(n.paragraph)?.lesson;
          return (
            <li key={n.id} id={n.id} className="card">
              <p>
                <strong>{t(`course.noteKind.${n.kind}`)}</strong> ·{' '}
                <Link href={`/courses/${courseId}/lessons/${lesson}#${n.paragraph}`}>
                  {catalog.lessonById.get(lesson ?? '')?.title} ({n.paragraph})
                </Link>
              </p>
              <p>
                {t('question.originalWording')}: «{n.original}»
              </p>
              {n.kind === 'meaning' && (
                <p>
                  {t('question.correctedWording')}: «{n.corrected}»
                </p>
              )}
              <p>
                {t('question.reason')}: {n.reason}
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
