import Link from 'next/link';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { instructorHome } from '@/lib/data/classes/instructor-home';
import { nextCard } from '@/lib/data/review/next-card';
import { intlLocale } from '@/lib/i18n/locales';
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
  if (!actor)
    return (
      <>
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <div className="row">
          <Link className="button" href="/signup">
            {t('home.createAccount')}
          </Link>
          <Link href="/signin">{t('home.haveAccount')}</Link>
        </div>
      </>
    );

  // A student's home: what the memory model has due now (the same queue /review shows), then where else to go.
  const { counts } = await nextCard(actor, now);
  const due = counts.learning + counts.review + counts.new;
  const num = new Intl.NumberFormat(intlLocale(locale));
  const tiles = [
    { href: '/courses', title: t('nav.courses'), text: t('home.tileCourses') },
    { href: '/stats', title: t('nav.stats'), text: t('home.tileStats') },
    { href: '/exam', title: t('nav.exam'), text: t('home.tileExam') },
    { href: '/classes', title: t('nav.classes'), text: t('home.tileClasses') },
  ];
  return (
    <>
      <h1>{t('home.hello', { name: actor.displayName })}</h1>
      <p className="muted">{t('home.roleLine', { role: t(`roles.${actor.role}`) })}</p>
      <section className="card today-card" aria-labelledby="today-title">
        <h2 id="today-title">{t('home.todayTitle')}</h2>
        <p className="big-number" data-testid="due-today">
          {num.format(due)} <small>{due === 1 ? t('home.cardsDueOne') : t('home.cardsDueMany')}</small>
        </p>
        {due > 0 ? (
          <>
            <p className="muted">
              {t('home.breakdown', {
                learning: num.format(counts.learning),
                review: num.format(counts.review),
                new: num.format(counts.new),
              })}
            </p>
            <Link className="button" href="/review">
              {t('home.reviewNow')}
            </Link>
          </>
        ) : (
          <p>{t('home.nothingDue')}</p>
        )}
      </section>
      <h2 className="visually-hidden">{t('home.elsewhere')}</h2>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.href}>
            <Link href={tile.href}>
              <strong>{tile.title}</strong>
              <span>{tile.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
