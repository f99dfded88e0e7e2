import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Reading } from '@/app/_components/reading';
import { QuestionCard } from '@/app/_components/question/question-card';
import { answerInLessonAction } from '@/app/_actions/lesson';
import { AddToDeck } from '@/app/_components/deck/add-to-deck';
import { deckCoverage } from '@/lib/data/review/deck';
import { currentActor } from '@/lib/auth/session';
import { courseCatalog, paragraphReading } from '@/lib/content/catalog';
import { questionsForPart } from '@/lib/content/lesson-questions';
import { lessonSeed } from '@/lib/data/review/answers';
import { viewItem } from '@/lib/domain/item-view';
import { getT } from '@/lib/i18n/server';
import { ClientMessages } from '@/lib/i18n/client-messages';

type Params = { params: Promise<{ courseId: string; lessonId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { courseId, lessonId } = await params;
  const catalog = await courseCatalog(courseId);
  return { title: catalog?.lessonById.get(lessonId)?.title ?? '404' };
}

export default async function LessonPage({ params }: Params) {
  const { courseId, lessonId } = await params;
  const catalog = await courseCatalog(courseId);
  const lesson = catalog?.lessonById.get(lessonId);
  if (!catalog || !lesson) notFound();
  const [{ t }, actor] = await Promise.all([getT(), currentActor()]);
  const coverage = actor ? (await deckCoverage(actor, courseId)).get(lessonId) : undefined;
  const lessons = catalog.course.lessons;
  const index = lessons.findIndex((l) => l.id === lesson.id);
  const prev = lessons[index - 1];
  const next = lessons[index + 1];
  const lessonItems = catalog.course.items.filter((i) => i.lesson === lesson.id);
  let questionNumber = 0;
  return (
    <ClientMessages namespaces={['question']}>
      <article className="lesson">
        <p className="muted">
          <Link href={`/courses/${courseId}`}>{catalog.course.course.title}</Link> ·{' '}
          {t('course.lessonN', { n: lesson.order })}
        </p>
        <h1>{lesson.title}</h1>
        <section aria-labelledby="summary-title" className="card">
          <h2 id="summary-title">{t('course.summary')}</h2>
          <p>{lesson.summary}</p>
          <h3>{t('course.objectives')}</h3>
          <ul>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
          {actor && (
            <>
              <p className="muted">
                {t('deck.inDeck', { inDeck: coverage?.inDeck ?? 0, total: coverage?.total ?? 0 })}{' '}
                {t('deck.answeringAdds')}
              </p>
              <AddToDeck courseId={courseId} lessonId={lessonId} label={t('deck.addLesson')} />
            </>
          )}
        </section>
        {lesson.parts.map((part, pi) => {
          const questions = questionsForPart(lessonItems, part.paragraphs);
          return (
            <section key={part.title} aria-labelledby={`part-${pi}`}>
              <h2 id={`part-${pi}`}>{part.title}</h2>
              {part.paragraphs.map((pid) => (
                <Reading key={pid} id={pid} segments={paragraphReading(catalog, pid)} t={t} />
              ))}
              {questions.length > 0 && (
                <section aria-labelledby={`check-${pi}`} className="check">
                  <h3 id={`check-${pi}`}>
                    {t('course.checkUnderstanding')}: {part.title}
                  </h3>
                  {!actor && (
                    <p className="notice notice-note">
                      <Link href={`/signin?next=${encodeURIComponent(`/courses/${courseId}/lessons/${lessonId}`)}`}>
                        {t('question.signInToAnswer')}
                      </Link>
                    </p>
                  )}
                  {actor &&
                    questions.map((item) => (
                      <QuestionCard
                        key={item.id}
                        number={++questionNumber}
                        view={viewItem(item, lessonSeed(actor.id, item.id))}
                        headingLevel={3}
                        submit={answerInLessonAction.bind(null, item.id)}
                      />
                    ))}
                </section>
              )}
            </section>
          );
        })}
        <section aria-labelledby="glossary-title">
          <h2 id="glossary-title">{t('course.glossary')}</h2>
          <dl className="glossary">
            {lesson.glossary.map((g) => (
              <div key={g.term}>
                <dt>
                  {g.term}
                  {g.english && <span lang="en"> ({g.english})</span>}
                </dt>
                <dd>
                  {g.definition} <a href={`#${g.paragraph}`}>{g.paragraph}</a>
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <nav className="row lesson-nav" aria-label={t('course.lessons')}>
          {prev && (
            <Link href={`/courses/${courseId}/lessons/${prev.id}`}>
              ← {t('course.previous', { title: prev.title })}
            </Link>
          )}
          {next && (
            <Link href={`/courses/${courseId}/lessons/${next.id}`}>{t('course.next', { title: next.title })} →</Link>
          )}
        </nav>
      </article>
    </ClientMessages>
  );
}
