import Link from 'next/link';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { instructorHome } from '@/lib/data/classes/instructor-home';
import { nextCard } from '@/lib/data/review/next-card';
import { getT } from '@/lib/i18n/server';
import { InstructorHomeView } from './_components/home/instructor-home';

export default async function HomePage() {
  const [{ t, locale }, actor, now] = await Promise.all([getT(), currentActor(), requestNow()]);
  // Instructors (and admins) get a home of their own: what needs attention in the classes they teach.
  if (actor && (actor.role === 'INSTRUCTOR' || actor.role === 'ADMIN'))
    return (
      <InstructorHomeView
        home={await instructorHome(actor, now)}
        t={t}
        locale={locale}
        timeZone={actor.timeZone}
        name={actor.displayName}
      />
    );
  const queue = actor ? await nextCard(actor, now) : null;
  const left = queue ? queue.counts.learning + queue.counts.review + queue.counts.new : 0;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      {actor ? (
        <div className="card">
          <p>{t('home.greeting', { name: actor.displayName })}</p>
          <p>{t('home.roleLine', { role: t(`roles.${actor.role}`) })}</p>
          <p>{t('home.dueToday', { n: left })}</p>
          <p className="row">
            <Link className="button" href="/review">
              {t('home.reviewNow')}
            </Link>
            <Link className="button secondary" href="/courses">
              {t('home.startCourse')}
            </Link>
          </p>
        </div>
      ) : (
        <div className="row">
          <Link className="button" href="/signup">
            {t('home.createAccount')}
          </Link>
          <Link href="/signin">{t('home.haveAccount')}</Link>
        </div>
      )}
    </>
  );
}
