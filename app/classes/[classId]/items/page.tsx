import type { Metadata } from 'next';
import Link from 'next/link';
import { pageData, requirePageActor } from '@/lib/auth/session';
import { classDetail } from '@/lib/data/classes/classes';
import { getItemAnalysis } from '@/lib/data/classes/item-analysis';
import type { ItemFlag } from '@/lib/domain/analytics/item-analysis';
import {
  ITEM_FLAG_FILTERS,
  itemTable,
  needsLook,
  type ItemFlagFilter,
  type ItemSort,
  type ItemTableQuery,
} from '@/lib/domain/analytics/item-table';
import { itemTableSearch, parseItemTableQuery } from '@/lib/validation/item-table';
import type { MessageKey, Translate } from '@/lib/i18n/catalogue';
import { getT } from '@/lib/i18n/server';
import { intlLocale } from '@/lib/i18n/locales';

type Params = {
  params: Promise<{ classId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

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

const FLAG_LABEL: Record<ItemFlagFilter, MessageKey> = {
  flagged: 'items.filter.flagged',
  none: 'items.filter.none',
  negative_discrimination: 'items.filter.negative',
  too_hard: 'items.filter.tooHard',
  too_easy: 'items.filter.tooEasy',
  weak_discrimination: 'items.filter.weak',
  unused_distractor: 'items.filter.unused',
  too_few_attempts: 'items.filter.tooFew',
};

const KINDS = ['single', 'scenario', 'multiple', 'truefalse', 'cloze', 'short', 'matching', 'ordering'] as const;

/**
 * Item analysis of a class: filtered, sorted and paged on the server from the URL (?flag=&lesson=&kind=&min=&sort=
 * &dir=&page=), flagged items first by default. Server-side rather than a client table library: the analysis is
 * already computed on the server, 25 rows a page is small HTML, and every view is a plain link that works without
 * JavaScript and can be bookmarked or sent to a colleague.
 */
export default async function ItemAnalysisPage({ params, searchParams }: Params) {
  const actor = await requirePageActor();
  const { classId } = await params;
  const { t, locale } = await getT();
  const [detail, analysis, raw] = await Promise.all([
    pageData(classDetail(actor, classId)),
    pageData(getItemAnalysis(actor, classId)),
    searchParams,
  ]);
  const { query, ignored } = parseItemTableQuery(raw);
  const table = itemTable(analysis.items, query);
  const intl = intlLocale(locale);
  const pctF = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const numF = new Intl.NumberFormat(intl, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const pct = (x: number) => pctF.format(x);
  const num = (x: number) => numF.format(x);
  const flagged = analysis.items.filter(needsLook);
  const attempted = analysis.items.filter((i) => i.attempts > 0);
  const base = `/classes/${classId}/items`;
  const href = (patch: Partial<ItemTableQuery>) => `${base}${itemTableSearch({ ...query, page: 1, ...patch })}`;
  const lessons = [...new Map(analysis.items.map((i) => [i.lessonId, i.lessonTitle])).entries()];
  const kinds = KINDS.filter((k) => analysis.items.some((i) => i.kind === k));
  const sortHeader = (sort: ItemSort, label: string) => {
    const active = query.sort === sort;
    const natural = sort === 'flags' || sort === 'attempts' ? 'desc' : 'asc';
    const next = active ? (query.dir === 'asc' ? 'desc' : 'asc') : natural;
    return (
      <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <Link href={href({ sort, dir: next })} className="sort-link">
          {label}
          <span aria-hidden="true">{active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
          <span className="visually-hidden"> ({t(next === 'asc' ? 'items.sortAsc' : 'items.sortDesc')})</span>
        </Link>
      </th>
    );
  };
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
        <a href={`/api/v1/classes/${classId}/item-analysis.csv?lang=${locale}`} download>
          {t('items.export')}
        </a>
      </p>
      <p>
        {t('items.summary', { attempted: attempted.length, total: analysis.items.length, flagged: flagged.length })}
      </p>

      <form method="get" action={base} className="card item-filters" aria-labelledby="filters-title">
        <h2 id="filters-title">{t('items.filtersTitle')}</h2>
        {ignored.length > 0 && (
          <p className="notice notice-note" role="status">
            {t('items.ignored', { fields: ignored.join(', ') })}
          </p>
        )}
        <div className="row-form">
          <div className="field">
            <label htmlFor="f-flag">{t('items.filterFlag')}</label>
            <select id="f-flag" name="flag" defaultValue={query.flag ?? ''}>
              <option value="">{t('items.filter.all')}</option>
              {ITEM_FLAG_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t(FLAG_LABEL[f])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-lesson">{t('items.filterLesson')}</label>
            <select id="f-lesson" name="lesson" defaultValue={query.lesson ?? ''}>
              <option value="">{t('items.filter.allLessons')}</option>
              {lessons.map(([id, title]) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-kind">{t('items.filterKind')}</label>
            <select id="f-kind" name="kind" defaultValue={query.kind ?? ''}>
              <option value="">{t('items.filter.allKinds')}</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`items.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-min">{t('items.filterMin')}</label>
            <input
              id="f-min"
              name="min"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              defaultValue={query.minAttempts || ''}
            />
          </div>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <button type="submit">{t('items.apply')}</button>
          <Link href={base}>{t('items.reset')}</Link>
        </div>
      </form>

      <p role="status" data-testid="items-matching">
        {t('items.matching', {
          n: table.matching,
          total: analysis.items.length,
          page: table.page,
          pages: table.pages,
        })}{' '}
        {query.sort === 'flags' && <span className="muted">{t('items.defaultOrder')}</span>}
      </p>
      {table.rows.length === 0 ? (
        <p>{t('items.noMatch')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('items.title')}>
          <table className="item-analysis sticky-first">
            <thead>
              <tr>
                {sortHeader('id', t('items.col.item'))}
                {sortHeader('attempts', t('items.col.attempts'))}
                {sortHeader('facility', t('items.col.facility'))}
                {sortHeader('discrimination', t('items.col.discrimination'))}
                <th scope="col">{t('items.col.groups')}</th>
                <th scope="col">{t('items.col.options')}</th>
                {sortHeader('flags', t('items.col.flags'))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((i) => (
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
      )}
      {table.pages > 1 && (
        <nav className="pager row" aria-label={t('items.pages')}>
          {table.page > 1 ? (
            <Link href={href({ page: table.page - 1 })} rel="prev">
              ← {t('items.prev')}
            </Link>
          ) : (
            <span className="muted">← {t('items.prev')}</span>
          )}
          <span aria-current="page">{t('items.pageOf', { page: table.page, pages: table.pages })}</span>
          {table.page < table.pages ? (
            <Link href={href({ page: table.page + 1 })} rel="next">
              {t('items.next')} →
            </Link>
          ) : (
            <span className="muted">{t('items.next')} →</span>
          )}
        </nav>
      )}
    </>
  );
}
