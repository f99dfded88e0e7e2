import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { catalogs } from '@/lib/content/catalog';
import { getReviewSettings } from '@/lib/data/review/settings';
import { getT } from '@/lib/i18n/server';
import { DailyGoalForm } from './daily-goal-form';
import { ClientMessages } from '@/lib/i18n/client-messages';

export const metadata: Metadata = { title: 'Langkah pertama' };

/** Where a new account lands: three first steps, each one click from where it is done. */
export default async function WelcomePage() {
  const actor = await requirePageActor();
  const [{ t }, settings, all] = await Promise.all([getT(), getReviewSettings(actor), catalogs()]);
  return (
    <ClientMessages namespaces={['welcome']}>
      <>
        <h1>{t('welcome.title', { name: actor.displayName })}</h1>
        <p className="lead">{t('welcome.lead')}</p>
        <ol className="first-steps">
          <li className="card">
            <h2>{t('welcome.goalTitle')}</h2>
            <p>{t('welcome.goalLead')}</p>
            <DailyGoalForm
              current={{
                desiredRetention: String(Math.round(settings.desiredRetention * 100)),
                newPerDay: String(settings.newPerDay),
                maxReviewsPerDay: String(settings.maxReviewsPerDay),
                rolloverHour: String(settings.rolloverHour),
              }}
            />
          </li>
          <li className="card">
            <h2>{t('welcome.courseTitle')}</h2>
            <p>{t('welcome.courseLead')}</p>
            <ul>
              {[...all.values()].map(({ course }) => (
                <li key={course.course.id}>
                  <Link href={`/courses/${course.course.id}`}>{course.course.title}</Link>
                  <span className="muted"> · {t('welcome.lessons', { n: course.lessons.length })}</span>
                </li>
              ))}
            </ul>
          </li>
          <li className="card">
            <h2>{t('welcome.classTitle')}</h2>
            <p>{t('welcome.classLead')}</p>
            <p>
              <Link href="/classes">{t('welcome.toClasses')}</Link>
            </p>
          </li>
        </ol>
        <p>
          <Link className="button" href="/review">
            {t('home.reviewNow')}
          </Link>
        </p>
      </>
    </ClientMessages>
  );
}
