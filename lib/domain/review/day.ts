/**
 * A learner's day. Days roll over at a fixed local hour (default 04:00) in the learner's own time zone, so a
 * review at 01:00 still belongs to the evening before. Pure: the instant is always passed in.
 */
import { TZDate, tzOffset } from '@date-fns/tz';

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

const HOUR_MS = 3_600_000;
/** UTC offsets (ms) by zone and UTC hour; NaN marks an hour in which the zone's offset changes. */
const hourOffsets = new Map<string, number>();

/**
 * The zone's UTC offset at `ms`, in ms. Offsets change a few times a year at most, so one Intl lookup serves a whole
 * hour: the offset is cached for an hour when it is the same at the hour's first and last millisecond, and an hour
 * with a change in it is looked up every time. (Every answer and every row of the statistics asks this.)
 */
function offsetAt(timeZone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const first = tzOffset(timeZone, new Date(hour * HOUR_MS));
    const last = tzOffset(timeZone, new Date((hour + 1) * HOUR_MS - 1));
    offset = first === last ? first * 60_000 : Number.NaN;
    if (hourOffsets.size >= 50_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return Number.isNaN(offset) ? tzOffset(timeZone, new Date(ms)) * 60_000 : offset;
}

/** The local calendar date (year, month 0–11, day) that the learner day containing `at` belongs to. */
function localDate(at: Date, timeZone: string, rolloverHour: number): [number, number, number] {
  const shifted = at.getTime() - rolloverHour * HOUR_MS;
  const local = new Date(shifted + offsetAt(timeZone, shifted));
  return [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
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
