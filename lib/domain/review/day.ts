/**
 * A learner's day. Days roll over at a fixed local hour (default 04:00) in the learner's own time zone, so a
 * review at 01:00 still belongs to the evening before. Pure: the instant is always passed in.
 */
import { TZDate } from '@date-fns/tz';

export interface LearnerDay {
  /** The local calendar date this learner day belongs to, `YYYY-MM-DD`. */
  key: string;
  start: Date;
  end: Date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dayStart(year: number, month: number, day: number, rolloverHour: number, timeZone: string): Date {
  return new Date(new TZDate(year, month, day, rolloverHour, 0, 0, timeZone).getTime());
}

/** The local calendar date (year, month 0–11, day) that the learner day containing `at` belongs to. */
function localDate(at: Date, timeZone: string, rolloverHour: number): [number, number, number] {
  const local = new TZDate(at.getTime() - rolloverHour * 3_600_000, timeZone);
  return [local.getFullYear(), local.getMonth(), local.getDate()];
}

function keyOf(y: number, m: number, d: number): string {
  return `${y}-${pad(m + 1)}-${pad(d)}`;
}

export function learnerDay(at: Date, timeZone: string, rolloverHour: number): LearnerDay {
  const [y, m, d] = localDate(at, timeZone, rolloverHour);
  return {
    key: keyOf(y, m, d),
    start: dayStart(y, m, d, rolloverHour, timeZone),
    end: dayStart(y, m, d + 1, rolloverHour, timeZone),
  };
}

/** The learner-day key of an instant (e.g. for grouping review-log rows by day); cheaper than `learnerDay`. */
export function learnerDayKey(at: Date, timeZone: string, rolloverHour: number): string {
  return keyOf(...localDate(at, timeZone, rolloverHour));
}

/** The key `offset` calendar days after `key` (negative goes back). */
export function shiftDayKey(key: string, offset: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + offset));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
