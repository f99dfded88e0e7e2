import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/app/_components/action-form';
import { createClassAction, joinClassAction } from '@/app/_actions/classes';
import { requirePageActor } from '@/lib/auth/session';
import { catalogs } from '@/lib/content/catalog';
import { listClasses } from '@/lib/data/classes/classes';
import { getT } from '@/lib/i18n/server';
import { intlLocale } from '@/lib/i18n/locales';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('classes.title') };
}

export default async function ClassesPage() {
  const actor = await requirePageActor();
  const [{ t, locale }, classes, courses] = await Promise.all([getT(), listClasses(actor), catalogs()]);
  const canTeach = actor.role === 'INSTRUCTOR' || actor.role === 'ADMIN';
  const date = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: 'long',
      timeZone: actor.timeZone,
    }).format(new Date(iso));
  return (
    <>
      <h1>{t('classes.title')}</h1>
      {classes.length === 0 ? (
        <p>{canTeach ? t('classes.noneTeaching') : t('classes.noneJoined')}</p>
      ) : (
        <ul className="class-list">
          {classes.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link href={`/classes/${c.id}`}>{c.name}</Link>
              </h2>
              <p className="muted">
                {c.courseTitle} · {t(c.role === 'instructor' ? 'classes.youTeach' : 'classes.youAreMember')} ·{' '}
                {t('classes.studentCount', { n: c.students })}
                {c.examDate && <> · {t('classes.examOn', { date: date(c.examDate) })}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {actor.role === 'STUDENT' && (
        <section className="card" aria-labelledby="join-title">
          <h2 id="join-title">{t('classes.joinTitle')}</h2>
          <ActionForm action={joinClassAction} submitLabel={t('classes.join')}>
            <div className="field">
              <label htmlFor="f-code">{t('classes.joinCode')}</label>
              <p className="hint" id="f-code-hint">
                {t('classes.joinCodeHint')}
              </p>
              <input id="f-code" name="code" autoComplete="off" aria-describedby="f-code-hint" required />
            </div>
          </ActionForm>
        </section>
      )}
      {canTeach && (
        <section className="card" aria-labelledby="create-title">
          <h2 id="create-title">{t('classes.createTitle')}</h2>
          <ActionForm action={createClassAction} submitLabel={t('classes.create')}>
            <div className="field">
              <label htmlFor="f-name">{t('classes.name')}</label>
              <input id="f-name" name="name" required maxLength={100} />
            </div>
            <div className="field">
              <label htmlFor="f-course">{t('classes.course')}</label>
              <select id="f-course" name="courseId">
                {[...courses.values()].map((c) => (
                  <option key={c.course.course.id} value={c.course.course.id}>
                    {c.course.course.title}
                  </option>
                ))}
              </select>
            </div>
          </ActionForm>
        </section>
      )}
    </>
  );
}
