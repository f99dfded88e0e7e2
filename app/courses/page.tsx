import type { Metadata } from 'next';
import Link from 'next/link';
import { catalogs } from '@/lib/content/catalog';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Mata kuliah' };

export default async function CoursesPage() {
  const { t } = await getT();
  const all = [...(await catalogs()).values()];
  return (
    <>
      <h1>{t('course.listTitle')}</h1>
      {all.map(({ course: c }) => (
        <article className="card" key={c.course.id}>
          <h2>
            <Link href={`/courses/${c.course.id}`}>{c.course.title}</Link>
          </h2>
          <p>{c.course.description}</p>
          <p className="muted">
            {c.lessons.length} {t('course.lessons').toLowerCase()} · {t('course.items', { n: c.items.length })}
          </p>
        </article>
      ))}
    </>
  );
}
