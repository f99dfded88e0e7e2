/**
 * The instructor's CSV exports (class progress, item analysis): their columns, with header names in the interface
 * language the download was asked in (the dashboard's link passes its own language; an API client gets the
 * account's language unless it asks with ?lang=). Cells stay machine-friendly whatever the language: plain decimals
 * with a dot, ISO 8601 instants, and the API's own codes for at-risk reasons and flags, so a script reads them
 * alike. A script that needs fixed header names asks with ?lang=en.
 */
import type { ClassItemAnalysis } from '@/lib/data/classes/item-analysis';
import type { ClassProgress } from '@/lib/data/classes/progress';
import { translator } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { toCsv } from './index';

/** "0.87"; an empty cell for null. */
const fixed = (value: number | null, digits: number) => (value === null ? null : value.toFixed(digits));

/** One row per student of the class dashboard. */
export function progressCsv(progress: ClassProgress, locale: Locale): string {
  const t = translator(locale);
  const assigned = progress.lessons.filter((l) => l.assigned);
  const header = [
    t('csv.progress.name'),
    t('csv.progress.email'),
    t('csv.progress.lastActive'),
    t('csv.progress.reviews7d'),
    t('csv.progress.retention30d'),
    t('csv.progress.retentionAnswers30d'),
    t('csv.progress.studied'),
    t('csv.progress.mastered'),
    t('csv.progress.items'),
    t('csv.progress.overdue'),
    t('csv.progress.atRisk'),
    ...assigned.map((l) => t('csv.progress.assigned', { lesson: l.id })),
  ];
  const of = t('csv.progress.of');
  const rows = progress.students.map((s) => [
    s.displayName,
    s.email,
    s.lastActive,
    s.reviews7d,
    fixed(s.retention30d.rate, 2),
    s.retention30d.eligible,
    s.studied,
    s.mastered,
    s.items,
    s.overdue,
    s.atRisk.map((r) => r.kind).join('; '),
    // "3 of 12", not "3/12": Excel and LibreOffice silently turn "3/12" into a date (12 March, or 3 December).
    ...assigned.map((l) => {
      const cell = s.assigned[l.id];
      return `${cell?.studied ?? 0} ${of} ${cell?.total ?? 0}`;
    }),
  ]);
  return toCsv(header, rows);
}

/** One row per item of the class's course. */
export function itemAnalysisCsv(analysis: ClassItemAnalysis, locale: Locale): string {
  const t = translator(locale);
  const header = [
    t('csv.items.item'),
    t('csv.items.lesson'),
    t('csv.items.kind'),
    t('csv.items.attempts'),
    t('csv.items.facility'),
    t('csv.items.discrimination'),
    t('csv.items.upperFacility'),
    t('csv.items.lowerFacility'),
    t('csv.items.flags'),
    t('csv.items.optionShares'),
  ];
  const rows = analysis.items.map((i) => [
    i.itemId,
    i.lessonId,
    i.kind,
    i.attempts,
    fixed(i.facility, 2),
    fixed(i.discrimination, 2),
    fixed(i.upperFacility, 2),
    fixed(i.lowerFacility, 2),
    i.flags.map((f) => f.code).join('; '),
    // Shares are null below the minimum number of attempts, like facility: then the cell is empty too.
    i.options?.every((o) => o.share !== null)
      ? i.options.map((o) => `${o.optionId}:${fixed(o.share, 2)}`).join(' ')
      : null,
  ]);
  return toCsv(header, rows);
}
