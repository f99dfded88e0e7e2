import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { nextCard } from '@/lib/data/review/next-card';
import { getT } from '@/lib/i18n/server';
import { ReviewCard, UndoLastButton } from './review-card';
import { intlLocale } from '@/lib/i18n/locales';
import { ClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('review.title') };
}

export default async function ReviewPage() {
  const actor = await requirePageActor();
  const [{ t, locale }, now] = await Promise.all([getT(), requestNow()]);
  const state = await nextCard(actor, now);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: actor.timeZone,
      dateStyle: 'full',
      timeStyle: 'short',
    }).format(new Date(iso));
  return (
    <ClientMessages namespaces={['question', 'review']}>
      <div className="review">
        <h1>{t('review.title')}</h1>
        <p className="review-counts" aria-label={t('review.countsLabel')}>
          <span>
            {t('review.countLearning')}: <strong>{state.counts.learning}</strong>
          </span>
          <span>
            {t('review.countReview')}: <strong>{state.counts.review}</strong>
          </span>
          <span>
            {t('review.countNew')}: <strong>{state.counts.new}</strong>
          </span>
          <span>
            {t('review.answeredToday')}: <strong>{state.answeredToday}</strong>
          </span>
        </p>
        {state.next ? (
          <>
            <p className="muted">
              <span data-testid="card-phase">{t(`review.phase.${state.next.phase}`)}</span> ·{' '}
              <Link href={`/courses/${state.next.courseId}/lessons/${state.next.lessonId}`}>
                {state.next.lessonTitle}
              </Link>
            </p>
            <ReviewCard
              key={`${state.next.cardId}:${state.next.cardVersion}`}
              cardId={state.next.cardId}
              cardVersion={state.next.cardVersion}
              view={state.next.view}
              locale={locale}
              timeZone={actor.timeZone}
            />
          </>
        ) : (
          <section className="card" aria-labelledby="done-title">
            <h2 id="done-title">{state.answeredToday > 0 ? t('review.doneTitle') : t('review.nothingDueTitle')}</h2>
            {state.nextDueAt ? (
              <p>{t('review.nextDue', { when: when(state.nextDueAt) })}</p>
            ) : (
              <p>{t('review.noScheduled')}</p>
            )}
            {state.unstartedNew > 0 ? (
              <p>{t('review.newWaiting', { n: state.unstartedNew })}</p>
            ) : (
              <p>{t('review.addLessons')}</p>
            )}
            <p className="row">
              <Link href="/courses">{t('review.toCourses')}</Link>
              <Link href="/settings">{t('review.toSettings')}</Link>
              <Link href="/stats">{t('review.toStats')}</Link>
            </p>
          </section>
        )}
        {state.answeredToday > 0 && <UndoLastButton />}
      </div>
    </ClientMessages>
  );
}
