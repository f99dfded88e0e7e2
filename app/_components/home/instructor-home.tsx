/**
 * The instructor's home: students who need attention and why, questions flagged by the item analysis, assignments
 * due this week and each class's activity, every line one click from the page to act on it. Server-rendered; the
 * data and its ordering come from lib/data/classes/instructor-home.ts.
 */
import Link from 'next/link';
import { riskInWords } from '@/app/classes/risk-words';
import type { InstructorHome } from '@/lib/data/classes/instructor-home';
import { AT_RISK } from '@/lib/domain/analytics/at-risk';
import { DEFAULT_ITEM_ANALYSIS_THRESHOLDS, type ItemFlag } from '@/lib/domain/analytics/item-analysis';
import type { Translate } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';

function flagShort(f: ItemFlag, t: Translate): string {
  switch (f.code) {
    case 'too_few_attempts':
      return t('items.filter.tooFew');
    case 'too_easy':
      return t('items.filter.tooEasy');
    case 'too_hard':
      return t('items.filter.tooHard');
    case 'negative_discrimination':
      return t('items.filter.negative');
    case 'weak_discrimination':
      return t('items.filter.weak');
    case 'unused_distractor':
      return t('items.filter.unused');
  }
}

export function InstructorHomeView({
  home,
  t,
  locale,
  timeZone,
  name,
}: {
  home: InstructorHome;
  t: Translate;
  locale: Locale;
  timeZone: string;
  name: string;
}) {
  const intl = locale === 'en' ? 'en-GB' : 'id-ID';
  const pct = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const date = (iso: string) =>
    new Intl.DateTimeFormat(intl, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(new Date(iso));
  const shortDate = (iso: string) =>
    new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeZone }).format(new Date(iso));
  const flaggedByClass = new Map<string, InstructorHome['flaggedItems']>();
  for (const i of home.flaggedItems) flaggedByClass.set(i.classId, [...(flaggedByClass.get(i.classId) ?? []), i]);

  return (
    <div className="teach-home">
      <h1>{t('teach.title')}</h1>
      <p className="lead">
        {t('home.greeting', { name })} {t('teach.lead')}
      </p>

      {home.classes.length === 0 ? (
        <section className="card">
          <p>{t('teach.noClasses')}</p>
          <Link className="button" href="/classes">
            {t('teach.toClasses')}
          </Link>
        </section>
      ) : (
        <>
          <section aria-labelledby="risk-title" className="card" data-testid="home-at-risk">
            <h2 id="risk-title">{t('teach.atRiskTitle', { n: home.atRisk.length })}</h2>
            {home.atRisk.length === 0 ? (
              <p>
                {t('teach.atRiskNone', {
                  days: AT_RISK.inactiveDays,
                  overdue: AT_RISK.overdueCards,
                  gap: Math.round(AT_RISK.retentionGap * 100),
                })}
              </p>
            ) : (
              <ul className="attention-list">
                {home.atRisk.map((r) => (
                  <li key={`${r.classId}-${r.studentId}`}>
                    <Link href={`/classes/${r.classId}/students/${r.studentId}`}>{r.name}</Link>{' '}
                    <span className="muted">{t('teach.inClass', { class: r.className })}</span>
                    <ul className="risk-reasons">
                      {r.reasons.map((reason) => (
                        <li key={reason.kind}>{riskInWords(reason, t, pct)}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="items-title" className="card" data-testid="home-items">
            <h2 id="items-title">
              {t('teach.itemsTitle', { n: home.classes.reduce((s, c) => s + c.flaggedItems, 0) })}
            </h2>
            {home.flaggedItems.length === 0 ? (
              <p>{t('teach.itemsNone', { min: DEFAULT_ITEM_ANALYSIS_THRESHOLDS.minAttempts })}</p>
            ) : (
              [...flaggedByClass.entries()].map(([classId, items]) => (
                <div key={classId}>
                  <ul className="attention-list">
                    {items.map((i) => (
                      <li key={i.itemId}>
                        <span className="muted">{i.itemId}</span> {i.prompt}
                        <br />
                        <strong>
                          {i.flags
                            .filter((f) => f.code !== 'too_few_attempts')
                            .map((f) => flagShort(f, t))
                            .join(' · ')}
                        </strong>
                      </li>
                    ))}
                  </ul>
                  <p>
                    <Link href={`/classes/${classId}/items?flag=flagged`}>
                      {t('teach.openItems', { class: items[0]!.className })}
                    </Link>
                  </p>
                </div>
              ))
            )}
          </section>

          <section aria-labelledby="due-title" className="card" data-testid="home-due">
            <h2 id="due-title">{t('teach.dueTitle', { n: home.dueThisWeek.length })}</h2>
            {home.dueThisWeek.length === 0 ? (
              <p>{t('teach.dueNone')}</p>
            ) : (
              <ul className="attention-list">
                {home.dueThisWeek.map((d) => (
                  <li key={`${d.classId}-${d.lessonId}`}>
                    <Link href={`/classes/${d.classId}#assign-title`}>{d.lessonTitle}</Link>{' '}
                    <span className="muted">
                      {t('teach.inClass', { class: d.className })} · {t('teach.dueLine', { date: date(d.dueAt) })}
                    </span>
                    <br />
                    {t('teach.finished', { finished: d.finished, students: d.students })}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="classes-title">
            <h2 id="classes-title">{t('teach.classesTitle')}</h2>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('teach.classesTitle')}>
              <table className="roster" data-testid="home-classes">
                <thead>
                  <tr>
                    <th scope="col">{t('teach.col.class')}</th>
                    <th scope="col">{t('teach.col.students')}</th>
                    <th scope="col">{t('teach.col.active')}</th>
                    <th scope="col">{t('teach.col.reviews')}</th>
                    <th scope="col">{t('teach.col.atRisk')}</th>
                    <th scope="col">{t('teach.col.flagged')}</th>
                    <th scope="col">{t('teach.col.exam')}</th>
                  </tr>
                </thead>
                <tbody>
                  {home.classes.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link href={`/classes/${c.id}`}>{c.name}</Link>
                        <br />
                        <span className="muted">{c.courseTitle}</span>
                      </th>
                      <td>{c.students}</td>
                      <td>{c.active7d}</td>
                      <td>{c.reviews7d}</td>
                      <td>{c.atRisk}</td>
                      <td>
                        {c.flaggedItems > 0 ? (
                          <Link href={`/classes/${c.id}/items?flag=flagged`}>{c.flaggedItems}</Link>
                        ) : (
                          0
                        )}
                      </td>
                      <td>{c.examDate ? shortDate(c.examDate) : t('teach.noExam')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      <p>
        <Link href="/review">{t('teach.ownReview')}</Link>
      </p>
    </div>
  );
}
