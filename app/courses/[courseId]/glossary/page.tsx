import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { courseCatalog } from '@/lib/content/catalog';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Glosarium' };

export default async function GlossaryPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const catalog = await courseCatalog(courseId);
  if (!catalog) notFound();
  const { t, locale } = await getT();
  const entries = catalog.course.lessons
    .flatMap((l) => l.glossary.map((g) => ({ ...g, lesson: l })))
    .sort((a, b) => a.term.localeCompare(b.term, locale));
  return (
    <>
      <p className="muted">
        <Link href={`/courses/${courseId}`}>{catalog.course.course.title}</Link>
      </p>
      <h1>{t('course.glossary')}</h1>
      <p className="lead">{t('course.glossaryLead')}</p>
      <dl className="glossary">
        {entries.map((g) => (
          <div key={`${g.lesson.id}-${g.term}`}>
            <dt>
              {g.term}
              {g.english && <span lang="en"> ({g.english})</span>}
            </dt>
            <dd>
              {g.definition}{' '}
              <span className="muted">
                {t('course.inLesson')}:{' '}
                <Link href={`/courses/${courseId}/lessons/${g.lesson.id}#${g.paragraph}`}>{g.lesson.title}</Link>
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
