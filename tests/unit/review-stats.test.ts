import { describe, expect, it } from 'vitest';
import { learnerDayKey } from '@/lib/domain/review/day';
import { forgettingCurve, type CardPhase, type MemoryState, type ReviewRating } from '@/lib/domain/review/fsrs';
import {
  currentStreak,
  dueForecast,
  itemsKnown,
  lessonMastery,
  reviewHeatmap,
  trueRetention,
  weekdayOfKey,
  wilsonInterval,
  type RetentionAnswer,
} from '@/lib/domain/review/stats';

const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(iso);

/** A card in review, last answered `daysAgo` days before `now`, with stability `stability` days. */
function reviewed(now: Date, daysAgo: number, stability: number): MemoryState {
  return {
    phase: 'review',
    due: new Date(now.getTime() + DAY_MS),
    stability,
    difficulty: 5,
    scheduledDays: Math.round(stability),
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    lastReview: new Date(now.getTime() - daysAgo * DAY_MS),
  };
}

function fresh(now: Date): MemoryState {
  return { ...reviewed(now, 0, 0), phase: 'new', reps: 0, lastReview: null, stability: 0 };
}

describe('currentStreak', () => {
  it('counts consecutive days ending today', () => {
    expect(currentStreak(['2026-03-01', '2026-03-02', '2026-03-03'], '2026-03-03')).toEqual({
      days: 3,
      includesToday: true,
    });
  });

  it('keeps a streak not yet continued today, counting up to yesterday', () => {
    expect(currentStreak(['2026-02-27', '2026-03-01', '2026-03-02'], '2026-03-03')).toEqual({
      days: 2,
      includesToday: false,
    });
  });

  it('is zero when neither today nor yesterday has an answer', () => {
    expect(currentStreak(['2026-02-28', '2026-03-01'], '2026-03-03')).toEqual({ days: 0, includesToday: false });
    expect(currentStreak([], '2026-03-03')).toEqual({ days: 0, includesToday: false });
  });

  it('runs across a month end', () => {
    expect(currentStreak(['2026-02-27', '2026-02-28', '2026-03-01'], '2026-03-01').days).toBe(3);
  });

  it('puts an answer given after midnight but before the rollover hour on the evening before', () => {
    // Jakarta is UTC+7 all year; the learner's day turns at 04:00.
    const tz = 'Asia/Jakarta';
    const answers = [
      at('2026-03-01T13:00:00Z'), // 1 March, 20:00 local
      at('2026-03-02T18:30:00Z'), // 3 March, 01:30 local: still the learner day of 2 March
    ].map((a) => learnerDayKey(a, tz, 4));
    expect(answers).toEqual(['2026-03-01', '2026-03-02']);

    // 3 March 03:00 local: today is still 2 March, which has an answer.
    const before = learnerDayKey(at('2026-03-02T20:00:00Z'), tz, 4);
    expect(currentStreak(answers, before)).toEqual({ days: 2, includesToday: true });

    // 3 March 05:00 local: a new learner day with no answer yet; the streak still stands at 2.
    const after = learnerDayKey(at('2026-03-02T22:00:00Z'), tz, 4);
    expect(currentStreak(answers, after)).toEqual({ days: 2, includesToday: false });

    // With a midnight rollover, the 01:30 answer belongs to 3 March and 2 March has none: the streak is broken.
    const midnightKeys = [at('2026-03-01T13:00:00Z'), at('2026-03-02T18:30:00Z')].map((a) => learnerDayKey(a, tz, 0));
    expect(currentStreak(midnightKeys, '2026-03-03')).toEqual({ days: 1, includesToday: true });
  });
});

describe('dueForecast', () => {
  const card = (phase: CardPhase, due: string) => ({ phase, due: at(due) });

  it('buckets cards by learner day in the learner’s time zone, overdue cards on today', () => {
    // 2 March 19:00 in Jakarta. Today runs from 1 March 21:00Z to 2 March 21:00Z (04:00 to 04:00 local).
    const now = at('2026-03-02T12:00:00Z');
    const cards = [
      card('review', '2026-02-25T00:00:00Z'), // overdue since 25 February
      card('review', '2026-03-01T20:00:00Z'), // 2 March 03:00 local: learner day 1 March, so overdue
      card('review', '2026-03-01T22:00:00Z'), // 2 March 05:00 local: today, not overdue
      card('learning', '2026-03-02T12:10:00Z'), // a learning step in ten minutes
      card('relearning', '2026-03-02T20:59:00Z'), // the last minute of today
      card('review', '2026-03-02T21:00:00Z'), // 3 March 04:00 local: tomorrow
      card('review', '2026-03-04T20:00:00Z'), // 5 March 03:00 local: learner day 4 March
      card('review', '2026-03-31T20:00:00Z'), // learner day 31 March: the 30th and last day shown
      card('review', '2026-03-31T21:00:00Z'), // 1 April 04:00 local: after the forecast
      card('new', '2026-03-02T00:00:00Z'), // new cards are never counted
    ];
    const f = dueForecast(cards, now, 'Asia/Jakarta', 4);
    expect(f.days).toHaveLength(30);
    expect(f.days[0]).toEqual({ dayKey: '2026-03-02', count: 5 });
    expect(f.days[1]).toEqual({ dayKey: '2026-03-03', count: 1 });
    expect(f.days[2]).toEqual({ dayKey: '2026-03-04', count: 1 });
    expect(f.days[29]).toEqual({ dayKey: '2026-03-31', count: 1 });
    expect(f.days.reduce((s, d) => s + d.count, 0)).toBe(8);
    expect(f.overdue).toBe(2);
    expect(f.later).toBe(1);
  });

  it('follows a daylight-saving change: the same instant lands on different days in different zones', () => {
    // New York springs forward on 8 March 2026 at 02:00, so 7 March (04:00 EST to 04:00 EDT) lasts 23 hours.
    const now = at('2026-03-07T17:00:00Z'); // 12:00 EST
    const cards = [
      card('review', '2026-03-08T07:30:00Z'), // 03:30 EDT on 8 March: still the learner day of 7 March
      card('review', '2026-03-08T08:30:00Z'), // 04:30 EDT on 8 March: learner day 8 March
    ];
    const ny = dueForecast(cards, now, 'America/New_York', 4, 3);
    expect(ny.days).toEqual([
      { dayKey: '2026-03-07', count: 1 },
      { dayKey: '2026-03-08', count: 1 },
      { dayKey: '2026-03-09', count: 0 },
    ]);
    // In Jakarta both instants are on 8 March afternoon, and "now" is 8 March 00:00, before the 04:00 rollover.
    const jkt = dueForecast(cards, now, 'Asia/Jakarta', 4, 3);
    expect(jkt.days).toEqual([
      { dayKey: '2026-03-07', count: 0 },
      { dayKey: '2026-03-08', count: 2 },
      { dayKey: '2026-03-09', count: 0 },
    ]);
  });
});

describe('reviewHeatmap', () => {
  it('lays out the days as weeks × weekdays, today last, and levels counts relative to the busiest day', () => {
    // 4 March 2026 is a Wednesday; ten days back starts on Monday 23 February.
    const map = reviewHeatmap(
      [
        { dayKey: '2026-02-20', count: 100 }, // before the window: ignored, also for the maximum
        { dayKey: '2026-02-24', count: 2 },
        { dayKey: '2026-03-01', count: 8 },
        { dayKey: '2026-03-04', count: 3 },
        { dayKey: '2026-03-04', count: 2 }, // the same day twice is added up
      ],
      '2026-03-04',
      10,
    );
    expect(map.cells).toHaveLength(10);
    expect(map.cells[0]).toEqual({ dayKey: '2026-02-23', count: 0, level: 0, week: 0, weekday: 0 });
    expect(map.cells[1]).toEqual({ dayKey: '2026-02-24', count: 2, level: 1, week: 0, weekday: 1 });
    expect(map.cells[6]).toEqual({ dayKey: '2026-03-01', count: 8, level: 4, week: 0, weekday: 6 });
    expect(map.cells[9]).toEqual({ dayKey: '2026-03-04', count: 5, level: 3, week: 1, weekday: 2 });
    expect(map.weeks).toBe(2);
    expect(map.max).toBe(8);
    expect(map.total).toBe(15);
    expect(map.activeDays).toBe(3);
    expect(map.levels).toEqual([
      { level: 1, min: 1, max: 2 },
      { level: 2, min: 3, max: 4 },
      { level: 3, min: 5, max: 6 },
      { level: 4, min: 7, max: 8 },
    ]);
  });

  it('starts the first column mid-week when the window does', () => {
    // Ten days ending Sunday 1 March start on Friday 20 February.
    const map = reviewHeatmap([], '2026-03-01', 10);
    expect(map.cells[0]).toMatchObject({ dayKey: '2026-02-20', weekday: 4, week: 0 });
    expect(map.cells[9]).toMatchObject({ dayKey: '2026-03-01', weekday: 6, week: 1 });
    expect(map.max).toBe(0);
    expect(map.levels).toEqual([]);
  });

  it('leaves out levels that no whole count can reach', () => {
    const map = reviewHeatmap(
      [
        { dayKey: '2026-03-03', count: 1 },
        { dayKey: '2026-03-04', count: 2 },
      ],
      '2026-03-04',
      7,
    );
    expect(map.cells.slice(-2).map((c) => c.level)).toEqual([2, 4]);
    expect(map.levels).toEqual([
      { level: 2, min: 1, max: 1 },
      { level: 4, min: 2, max: 2 },
    ]);
  });

  it('knows the weekday of a date', () => {
    expect(weekdayOfKey('2026-03-02')).toBe(0); // Monday
    expect(weekdayOfKey('2026-03-01')).toBe(6); // Sunday
    expect(weekdayOfKey('2024-02-29')).toBe(3); // Thursday
  });
});

describe('trueRetention', () => {
  // 31 March 19:00 in Jakarta; the 30-day window starts on 2 March 04:00 local = 1 March 21:00Z.
  const now = at('2026-03-31T12:00:00Z');
  const answer = (
    answeredAt: string,
    rating: ReviewRating,
    phaseBefore: CardPhase = 'review',
    lastReviewBefore: string | null = '2026-02-01T00:00:00Z',
  ): RetentionAnswer => ({
    answeredAt: at(answeredAt),
    rating,
    phaseBefore,
    lastReviewBefore: lastReviewBefore ? at(lastReviewBefore) : null,
  });
  const tenDays = Array.from({ length: 10 }, (_, i) =>
    answer(`2026-03-${String(10 + i).padStart(2, '0')}T05:00:00Z`, i === 0 ? 'again' : 'good'),
  );

  it('is the share recalled among review answers, with a Wilson interval', () => {
    const r = trueRetention(tenDays, now, 'Asia/Jakarta', 4);
    expect(r).toMatchObject({ windowDays: 30, eligible: 10, recalled: 9, minSample: 10 });
    expect(r.rate).toBeCloseTo(0.9, 10);
    // p = 0.9, n = 10, z = 1.96: centre 1.09208 / 1.38416 = 0.78898, half 0.26734 / 1.38416 = 0.19314.
    expect(r.interval!.low).toBeCloseTo(0.59584, 4);
    expect(r.interval!.high).toBeCloseTo(0.98212, 4);
  });

  it('ignores answers to new, learning and relearning cards', () => {
    const r = trueRetention(
      [
        ...tenDays,
        answer('2026-03-20T05:00:00Z', 'again', 'new', null),
        answer('2026-03-20T05:01:00Z', 'again', 'learning'),
        answer('2026-03-20T05:02:00Z', 'good', 'learning'),
        answer('2026-03-20T05:03:00Z', 'again', 'relearning'),
      ],
      now,
      'Asia/Jakarta',
      4,
    );
    expect(r).toMatchObject({ eligible: 10, recalled: 9 });
  });

  it('counts a right answer marked "I guessed" (rated Again) as forgotten and Hard as recalled', () => {
    const r = trueRetention(
      [...tenDays.slice(1), answer('2026-03-25T05:00:00Z', 'again'), answer('2026-03-26T05:00:00Z', 'hard')],
      now,
      'Asia/Jakarta',
      4,
    );
    expect(r).toMatchObject({ eligible: 11, recalled: 10 });
  });

  it('ignores a second answer to a review card on the same learner day', () => {
    const r = trueRetention(
      [
        ...tenDays,
        // Reviewed on 20 March 12:00 local, practised again at 23:30 and at 02:00 (still the learner day of 20 March).
        answer('2026-03-20T16:30:00Z', 'good', 'review', '2026-03-20T05:00:00Z'),
        answer('2026-03-20T19:00:00Z', 'again', 'review', '2026-03-20T16:30:00Z'),
        // 21 March 05:00 local, the next learner day: counts.
        answer('2026-03-20T22:00:00Z', 'again', 'review', '2026-03-20T19:00:00Z'),
      ],
      now,
      'Asia/Jakarta',
      4,
    );
    expect(r).toMatchObject({ eligible: 11, recalled: 9 });
  });

  it('keeps to the last 30 learner days, today included', () => {
    const r = trueRetention(
      [
        ...tenDays,
        answer('2026-03-01T20:59:00Z', 'again'), // 2 March 03:59 local: learner day 1 March, outside
        answer('2026-03-01T21:00:00Z', 'good'), // 2 March 04:00 local: the first moment inside
        answer('2026-03-31T11:00:00Z', 'good'), // an hour ago
        answer('2026-03-31T13:00:00Z', 'again'), // in the future: not yet answered
      ],
      now,
      'Asia/Jakarta',
      4,
    );
    expect(r).toMatchObject({ eligible: 12, recalled: 11 });
  });

  it('gives no percentage below ten eligible answers, but still says how many there were', () => {
    const r = trueRetention(tenDays.slice(0, 9), now, 'Asia/Jakarta', 4);
    expect(r).toEqual({ windowDays: 30, eligible: 9, recalled: 8, rate: null, interval: null, minSample: 10 });
    expect(trueRetention([], now, 'Asia/Jakarta', 4)).toMatchObject({ eligible: 0, rate: null });
  });

  it('keeps the Wilson interval inside 0–100% at the extremes', () => {
    // p = 1, n = 10: low = 10 / (10 + 3.8416) = 0.72246, high = 1.
    const all = wilsonInterval(10, 10);
    expect(all.low).toBeCloseTo(0.72246, 4);
    expect(all.high).toBeCloseTo(1, 10);
    expect(wilsonInterval(0, 10).low).toBeCloseTo(0, 10);
  });
});

describe('lessonMastery and itemsKnown', () => {
  const now = at('2026-03-10T00:00:00Z');
  // FSRS defines stability as the time at which recall falls to 90%. Mastered: S ≥ days since the answer + 7.
  const cards = [
    { lessonId: 'a', memory: reviewed(now, 0, 30) }, // mastered
    { lessonId: 'a', memory: reviewed(now, 0, 3) }, // answered just now, but a week ahead recall is below 90%
    { lessonId: 'a', memory: fresh(now) },
    { lessonId: 'b', memory: fresh(now) },
    { lessonId: 'c', memory: reviewed(now, 4, 10) }, // 10 < 4 + 7: not mastered
  ];

  it("gives each lesson's share of questions mastered over all its questions, in the given lesson order", () => {
    const m = lessonMastery(
      cards,
      [
        { lessonId: 'b', total: 1 },
        { lessonId: 'a', total: 3 },
      ],
      now,
    );
    expect(m).toEqual([
      // Nothing answered: no share at all (the page says "not started"), rather than a 0% that looks measured.
      { lessonId: 'b', total: 1, studied: 0, mastered: 0, share: null },
      // The unanswered third card counts as not mastered: 1 of 3, not 1 of the 2 answered.
      { lessonId: 'a', total: 3, studied: 2, mastered: 1, share: 1 / 3 },
    ]);
  });

  it('counts studied and mastered cards and the expected number recalled a week from now, new cards adding nothing', () => {
    const k = itemsKnown(cards, now);
    expect(k).toMatchObject({ studied: 3, mastered: 1, horizonDays: 7 });
    // R(t) = (1 + factor · t / S)^decay with R(S) = 0.9; t counted to a week from now.
    const { decay, factor } = forgettingCurve();
    const r = (t: number, s: number) => (1 + (factor * t) / s) ** decay;
    expect(k.expected).toBeCloseTo(r(7, 30) + r(7, 3) + r(11, 10), 6);
    expect(k.expected).toBeLessThan(3);
  });
});
