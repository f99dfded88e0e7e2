import Link from 'next/link';
import { currentActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';

export default async function HomePage() {
  const [{ t }, actor] = await Promise.all([getT(), currentActor()]);
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      {actor ? (
        <div className="card">
          <p>{t('home.greeting', { name: actor.displayName })}</p>
          <p>{t('home.roleLine', { role: t(`roles.${actor.role}`) })}</p>
          <Link className="button" href="/courses">
            {t('home.startCourse')}
          </Link>
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
