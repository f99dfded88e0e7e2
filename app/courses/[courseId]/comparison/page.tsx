import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { courseCatalog, sourceView } from '@/lib/content/catalog';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Perbandingan' };

export default async function ComparisonPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const catalog = await courseCatalog(courseId);
  const comparison = catalog?.course.comparison;
  if (!catalog || !comparison) notFound();
  const { t } = await getT();
  return (
    <>
      <p className="muted">
        <Link href={`/courses/${courseId}`}>{catalog.course.course.title}</Link>
      </p>
      <h1>{t('course.comparison')}</h1>
      <p className="lead">{t('course.comparisonLead')}</p>
      <div className="table-wrap comparison" tabIndex={0} role="region" aria-label={t('course.comparison')}>
        <table>
          <caption className="visually-hidden">{t('course.comparison')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('course.structure')}</th>
              {comparison.dimensions.map((d) => (
                <th scope="col" key={d.id}>
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.structures.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link href={`/courses/${courseId}/lessons/${s.lesson}`}>{s.name}</Link>
                  <br />
                  <span className="muted" lang="en">
                    {s.english}
                  </span>
                </th>
                {comparison.dimensions.map((d) => {
                  const cell = s.cells[d.id];
                  return (
                    <td key={d.id}>
                      {cell?.text}
                      {cell?.sources.map((src) => {
                        const v = sourceView(catalog, src);
                        return (
                          <details key={src.paragraph + src.quote} className="cell-source">
                            <summary>{t('course.quoteFrom', { paragraph: src.paragraph })}</summary>
                            <p>
                              “{v.quote}” <Link href={v.href}>{t('question.openInLesson')}</Link>
                            </p>
                          </details>
                        );
                      })}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
