import { describe, expect, it } from 'vitest';
import { formatDayInput, parseDayInput } from '@/lib/domain/calendar-day';

describe('a day typed in a form', () => {
  it('reads day-first dates with any of the usual separators', () => {
    expect(parseDayInput('20/12/2026')).toBe('2026-12-20');
    expect(parseDayInput('9-1-2027')).toBe('2027-01-09');
    expect(parseDayInput(' 01.02.2027 ')).toBe('2027-02-01');
  });

  it('reads an ISO day as it is (what a browser or a script may send)', () => {
    expect(parseDayInput('2026-12-20')).toBe('2026-12-20');
  });

  it('refuses days that do not exist and text that is not a day', () => {
    expect(parseDayInput('31/02/2027')).toBeNull();
    expect(parseDayInput('12/31/2026')).toBeNull(); // month-first, as a US browser writes it
    expect(parseDayInput('2026-2-3')).toBeNull();
    expect(parseDayInput('besok')).toBeNull();
    expect(parseDayInput('')).toBeNull();
  });

  it('writes a stored day back day-first, so the field shows what the learner typed', () => {
    expect(formatDayInput('2027-01-09')).toBe('09/01/2027');
    expect(parseDayInput(formatDayInput('2027-01-09'))).toBe('2027-01-09');
  });
});
