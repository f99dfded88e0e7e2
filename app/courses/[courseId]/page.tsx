import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddToDeck } from '@/app/_components/deck/add-to-deck';
import { currentActor } from '@/lib/auth/session';
import { courseCatalog } from '@/lib/content/catalog';
import { deckCoverage } from '@/lib/data/review/deck';
import { getT } from '@/lib/i18n/server';

type Params = { params: Promise<{ courseId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const catalog = await courseCatalog((await params).courseId);
  return { title: catalog?.course.course.title ?? '404' };
}

export default async function CoursePage({ params }: Params) {
  const { courseId } = await params;
  const catalog = await courseCatalog(courseId);
  if (!catalog) notFound();
  const [{ t }, actor] = await Promise.all([getT(), currentActor()]);
  const coverage = actor ? await deckCoverage(actor, courseId) : null;
  const c = catalog.course;
  return (
    <>
      <h1>{c.course.title}</h1>
      <p className="lead">{c.course.description}</p>
      <nav aria-label={c.course.title} className="row">
        <Link className="button secondary" href={`/courses/${courseId}/comparison`}>
          {t('course.comparison')}
        </Link>
        <Link className="button secondary" href={`/courses/${courseId}/glossary`}>
          {t('course.glossary')}
        </Link>
        <Link className="button secondary" href={`/courses/${courseId}/editor-notes`}>
          {t('course.editorNotes')}
        </Link>
      </nav>
      {actor && <AddToDeck courseId={courseId} label={t('deck.addCourse')} />}
      <h2>{t('course.lessons')}</h2>
      <ol className="lesson-list">
        {c.lessons.map((l) => (
          <li key={l.id} className="card">
            <h3>
              <Link href={`/courses/${courseId}/lessons/${l.id}`}>{l.title}</Link>
            </h3>
            <p>{l.summary}</p>
            <p className="muted">{t('course.items', { n: c.items.filter((i) => i.lesson === l.id).length })}</p>
            {coverage && (
              <p className="muted">
                {t('deck.inDeck', {
                  inDeck: coverage.get(l.id)?.inDeck ?? 0,
                  total: coverage.get(l.id)?.total ?? 0,
                })}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
