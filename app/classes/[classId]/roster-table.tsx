'use client';
/**
 * The class roster: one row per student, sortable by any column (click the header, or Enter on it) and filterable
 * by name and by "at risk only". The numbers arrive from the server already computed; this only orders them.
 */
import { useMemo, useState } from 'react';
import Link from 'next/link';
import { ActionForm } from '@/app/_components/action-form';
import { removeStudentAction } from '@/app/_actions/classes';
import type { StudentRow } from '@/lib/data/classes/progress';

export interface RosterLabels {
  tableLabel: string;
  filterName: string;
  atRiskOnly: string;
  columns: Record<SortKey, string>;
  never: string;
  notEnough: string;
  remove: string;
  removeLabel: string;
  shown: string;
  riskNone: string;
  lessonProgress: string;
  mockExams: string;
  /** "{mastered} of {total} ({studied} answered)" */
  masteredOf: string;
}

type SortKey = 'name' | 'lastActive' | 'reviews7d' | 'retention' | 'known' | 'overdue' | 'risk';

export function RosterTable({
  classId,
  students,
  assignedLessons,
  riskText,
  labels,
  locale,
  timeZone,
}: {
  classId: string;
  students: StudentRow[];
  assignedLessons: { id: string; title: string }[];
  /** The at-risk reasons of each student, already in words. */
  riskText: Record<string, string[]>;
  labels: RosterLabels;
  locale: string;
  timeZone: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'risk', dir: -1 });
  const [query, setQuery] = useState('');
  const [riskOnly, setRiskOnly] = useState(false);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });

  const rows = useMemo(() => {
    const value = (s: StudentRow): number | string => {
      switch (sort.key) {
        case 'name':
          return s.displayName.toLocaleLowerCase();
        case 'lastActive':
          return s.lastActive ? Date.parse(s.lastActive) : 0;
        case 'reviews7d':
          return s.reviews7d;
        case 'retention':
          return s.retention30d.rate ?? -1;
        case 'known':
          return s.items > 0 ? s.mastered / s.items : 0;
        case 'overdue':
          return s.overdue;
        case 'risk':
          return s.atRisk.length;
      }
    };
    const q = query.trim().toLocaleLowerCase();
    return students
      .filter((s) => (!riskOnly || s.atRisk.length > 0) && (!q || s.displayName.toLocaleLowerCase().includes(q)))
      .sort((a, b) => {
        const x = value(a);
        const y = value(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sort.dir || a.displayName.localeCompare(b.displayName);
      });
  }, [students, sort, query, riskOnly]);

  const header = (key: SortKey) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : key === 'name' ? 1 : -1 }))}
      >
        {labels.columns[key]}
        <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <div>
      <div className="row roster-filters">
        <div className="field">
          <label htmlFor="roster-q">{labels.filterName}</label>
          <input id="roster-q" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={riskOnly} onChange={(e) => setRiskOnly(e.target.checked)} />{' '}
          {labels.atRiskOnly}
        </label>
      </div>
      <p className="muted" role="status">
        {labels.shown.replace('{n}', String(rows.length)).replace('{total}', String(students.length))}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={labels.tableLabel}>
        <table className="roster">
          <thead>
            <tr>
              {header('name')}
              {header('lastActive')}
              {header('reviews7d')}
              {header('retention')}
              {header('known')}
              {header('overdue')}
              <th scope="col">{labels.lessonProgress}</th>
              <th scope="col">{labels.mockExams}</th>
              {header('risk')}
              <th scope="col">
                <span className="visually-hidden">{labels.remove}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className={s.atRisk.length ? 'at-risk' : undefined} data-testid="roster-row">
                <th scope="row">
                  <Link href={`/classes/${classId}/students/${s.id}`}>{s.displayName}</Link>
                </th>
                <td>{s.lastActive ? date.format(new Date(s.lastActive)) : labels.never}</td>
                <td>{s.reviews7d}</td>
                <td>
                  {s.retention30d.rate === null
                    ? `${labels.notEnough} (n=${s.retention30d.eligible})`
                    : `${pct.format(s.retention30d.rate)} (n=${s.retention30d.eligible})`}
                </td>
                <td>
                  {labels.masteredOf
                    .replace('{mastered}', num.format(s.mastered))
                    .replace('{total}', num.format(s.items))
                    .replace('{studied}', num.format(s.studied))}
                </td>
                <td>{s.overdue}</td>
                <td>
                  {assignedLessons.length === 0
                    ? '—'
                    : assignedLessons.map((l) => (
                        <div key={l.id}>
                          {l.title}: {s.assigned[l.id]?.studied ?? 0}/{s.assigned[l.id]?.total ?? 0}
                        </div>
                      ))}
                </td>
                <td>
                  {s.mockExams.count === 0 ? '—' : `${s.mockExams.count} · ${pct.format(s.mockExams.lastScore ?? 0)}`}
                </td>
                <td>
                  {riskText[s.id]?.length ? (
                    <ul className="risk-reasons">
                      {riskText[s.id]!.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ) : (
                    labels.riskNone
                  )}
                </td>
                <td>
                  <ActionForm
                    action={removeStudentAction}
                    submitLabel={labels.remove}
                    submitAriaLabel={labels.removeLabel.replace('{name}', s.displayName)}
                    secondary
                  >
                    <input type="hidden" name="classId" value={classId} />
                    <input type="hidden" name="studentId" value={s.id} />
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
