/**
 * A calendar day as people type it in a form. Both interface languages write days day-first (20/12/2026), whatever
 * the browser's own locale; the native date picker followed the browser and showed mm/dd/yyyy to Indonesian users.
 */

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The ISO day (YYYY-MM-DD) for "20/12/2026" (also 20-12-2026, 20.12.2026, 1/2/2027) or an ISO day itself; null for
 * anything else, including days that do not exist (31/02/2027).
 * @example parseDayInput(' 9/12/2026 ') // "2026-12-09"
 */
export function parseDayInput(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = DAY_FIRST.exec(trimmed);
  const iso = dayFirst ? null : ISO_DAY.exec(trimmed);
  const parts = dayFirst
    ? { y: Number(dayFirst[3]), m: Number(dayFirst[2]), d: Number(dayFirst[1]) }
    : iso
      ? { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) }
      : null;
  if (!parts) return null;
  const date = new Date(Date.UTC(parts.y, parts.m - 1, parts.d));
  if (date.getUTCFullYear() !== parts.y || date.getUTCMonth() !== parts.m - 1 || date.getUTCDate() !== parts.d)
    return null;
  return date.toISOString().slice(0, 10);
}

/** @example formatDayInput('2026-12-09') // "09/12/2026" */
export function formatDayInput(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}
