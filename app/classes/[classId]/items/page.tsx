import type { Metadata } from 'next';
import Link from 'next/link';
import { pageData, requirePageActor } from '@/lib/auth/session';
import { classDetail } from '@/lib/data/classes/classes';
import { getItemAnalysis } from '@/lib/data/classes/item-analysis';
import type { ItemFlag } from '@/lib/domain/analytics/item-analysis';
import type { Translate } from '@/lib/i18n/catalogue';
import { getT } from '@/lib/i18n/server';
import { intlLocale } from '@/lib/i18n/locales';

type Params = { params: Promise<{ classId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('items.title') };
}

function flagText(flag: ItemFlag, t: Translate, pct: (x: number) => string, num: (x: number) => string): string {
  switch (flag.code) {
    case 'too_few_attempts':
      return t('items.flag.tooFew', { n: flag.attempts, min: flag.minAttempts });
    case 'too_easy':
      return t('items.flag.tooEasy', { facility: pct(flag.facility) });
    case 'too_hard':
      return t('items.flag.tooHard', { facility: pct(flag.facility) });
    case 'negative_discrimination':
      return t('items.flag.negative', { d: num(flag.discrimination) });
    case 'weak_discrimination':
      return t('items.flag.weak', { d: num(flag.discrimination) });
    case 'unused_distractor':
      return t('items.flag.unused', { options: flag.optionIds.join(', ') });
  }
}

export default async function ItemAnalysisPage({ params }: Params) {
  const actor = await requirePageActor();
  const { classId } = await params;
  const { t, locale } = await getT();
  const [detail, analysis] = await Promise.all([
    pageData(classDetail(actor, classId)),
    pageData(getItemAnalysis(actor, classId)),
  ]);
  const intl = intlLocale(locale);
  const pctF = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const numF = new Intl.NumberFormat(intl, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const pct = (x: number) => pctF.format(x);
  const num = (x: number) => numF.format(x);
  const flagged = analysis.items.filter((i) => i.flags.some((f) => f.code !== 'too_few_attempts'));
  const attempted = analysis.items.filter((i) => i.attempts > 0);
  return (
    <>
      <p className="muted">
        <Link href={`/classes/${classId}`}>{t('classes.backToClass')}</Link>
      </p>
      <h1>
        {t('items.title')}: {detail.name}
      </h1>
      <p className="lead">{t('items.lead', { students: analysis.students })}</p>
      <details className="stats-definitions">
        <summary>{t('items.definitionsTitle')}</summary>
        <dl>
          <dt>{t('items.col.facility')}</dt>
          <dd>{t('items.facilityDefinition')}</dd>
          <dt>{t('items.col.discrimination')}</dt>
          <dd>{t('items.discriminationDefinition')}</dd>
          <dt>{t('items.col.groups')}</dt>
          <dd>{t('items.groupsDefinition')}</dd>
        </dl>
      </details>
      <p className="row">
        <a href={`/api/v1/classes/${classId}/item-analysis.csv`} download>
          {t('items.export')}
        </a>
      </p>
      <p>
        {t('items.summary', { attempted: attempted.length, total: analysis.items.length, flagged: flagged.length })}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('items.title')}>
        <table className="item-analysis">
          <thead>
            <tr>
              <th scope="col">{t('items.col.item')}</th>
              <th scope="col">{t('items.col.attempts')}</th>
              <th scope="col">{t('items.col.facility')}</th>
              <th scope="col">{t('items.col.discrimination')}</th>
              <th scope="col">{t('items.col.groups')}</th>
              <th scope="col">{t('items.col.options')}</th>
              <th scope="col">{t('items.col.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.items.map((i) => (
              <tr key={i.itemId} data-testid="item-row" data-item-id={i.itemId}>
                <th scope="row">
                  <span className="muted">
                    {i.itemId} · {i.lessonTitle}
                  </span>
                  <br />
                  {i.prompt}
                </th>
                <td>{i.attempts}</td>
                <td>{i.facility === null ? '—' : pct(i.facility)}</td>
                <td>{i.discrimination === null ? '—' : num(i.discrimination)}</td>
                <td>
                  {i.upperFacility === null || i.lowerFacility === null
                    ? '—'
                    : `${pct(i.upperFacility)} / ${pct(i.lowerFacility)}`}
                </td>
                <td>
                  {i.options ? (
                    <ul className="option-shares">
                      {i.options.map((o) => (
                        <li key={o.optionId}>
                          {o.correct ? <strong>{o.optionId} ✓</strong> : o.optionId}: {o.count}
                          {o.share !== null && ` (${pct(o.share)})`}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {i.flags.length === 0 ? (
                    t('items.ok')
                  ) : (
                    <ul className="risk-reasons">
                      {i.flags.map((f) => (
                        <li key={f.code}>{flagText(f, t, pct, num)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
