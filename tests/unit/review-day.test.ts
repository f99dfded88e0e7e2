import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { learnerDay, learnerDayKey, shiftDayKey } from '@/lib/domain/review/day';
import {
  allowedAdjustments,
  estimatedAnswerMs,
  isSlow,
  ratingForAnswer,
  typicalAnswerMs,
} from '@/lib/domain/review/rating';

describe("a learner's day", () => {
  it('rolls over at the chosen local hour, in the learner own time zone', () => {
    // 03:30 in Jakarta (UTC+7) still belongs to the previous day with a 04:00 rollover.
    expect(learnerDay(new Date('2026-11-25T20:30:00Z'), 'Asia/Jakarta', 4).key).toBe('2026-11-25');
    expect(learnerDay(new Date('2026-11-25T21:30:00Z'), 'Asia/Jakarta', 4).key).toBe('2026-11-26');
    const day = learnerDay(new Date('2026-11-26T05:00:00Z'), 'Asia/Jakarta', 4);
    expect(day.start.toISOString()).toBe('2026-11-25T21:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-11-26T21:00:00.000Z');
  });

  it('has 23 hours across the night daylight saving time starts', () => {
    // New York springs forward at 02:00 on 8 March 2026: the learner day from 7 March 04:00 EST to 8 March
    // 04:00 EDT is one hour short.
    const day = learnerDay(new Date('2026-03-07T15:00:00Z'), 'America/New_York', 4);
    expect(day.key).toBe('2026-03-07');
    expect(day.start.toISOString()).toBe('2026-03-07T09:00:00.000Z');
    expect(day.end.getTime() - day.start.getTime()).toBe(23 * 3_600_000);
  });

  it('gives every instant the key the calendar of its zone gives, also across daylight-saving changes', () => {
    // Compared with the zone's own calendar (TZDate) every 7 minutes around changes of a whole hour (New York,
    // 01:00 rollover so the change falls inside the learner day) and of half an hour (Lord Howe Island, which
    // goes from UTC+10:30 to +11 on 4 October 2026 at 02:00 local time), and in a zone of +05:45 (Kathmandu).
    const cases: [string, string, number][] = [
      ['America/New_York', '2026-03-08T00:00:00Z', 1],
      ['America/New_York', '2026-11-01T00:00:00Z', 1],
      ['Australia/Lord_Howe', '2026-10-03T10:00:00Z', 2],
      ['Australia/Lord_Howe', '2026-04-04T10:00:00Z', 2],
      ['Asia/Kathmandu', '2026-12-31T12:00:00Z', 0],
    ];
    for (const [zone, from, rollover] of cases) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 7) {
        const at = new Date(new Date(from).getTime() + minutes * 60_000);
        const local = new TZDate(at.getTime() - rollover * 3_600_000, zone);
        const expected = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
        expect(learnerDayKey(at, zone, rollover), `${zone} ${at.toISOString()}`).toBe(expected);
      }
    }
  });

  it('moves day keys across month and year ends', () => {
    expect(shiftDayKey('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDayKey('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('ratings from graded answers', () => {
  it('rates wrong as Again and right as Good, and offers qualifications only after a right answer', () => {
    expect(ratingForAnswer(false)).toBe('again');
    expect(ratingForAnswer(true)).toBe('good');
    expect(allowedAdjustments(false)).toEqual([]);
    expect(allowedAdjustments(true)).toEqual(['guessed', 'hard', 'easy']);
  });

  it('calls an answer slow only beyond twice the typical time', () => {
    expect(isSlow(20_000, 10_000)).toBe(false);
    expect(isSlow(20_001, 10_000)).toBe(true);
  });

  it("takes the item's typical time from learners' right answers once there are 30, else from its length", () => {
    // A true/false statement of 20 words: 6 s to answer plus a quarter second a word.
    expect(estimatedAnswerMs('truefalse', 20)).toBe(11_000);
    expect(typicalAnswerMs(null, 11_000)).toBe(11_000);
    expect(typicalAnswerMs({ medianMs: 40_000, answers: 29 }, 11_000)).toBe(11_000);
    expect(typicalAnswerMs({ medianMs: 40_000, answers: 30 }, 11_000)).toBe(40_000);
  });
});
