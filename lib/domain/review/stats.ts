/**
 * Learner statistics: what falls due, when the learner studied, how well they remember. Pure: every function takes
 * the time (and the learner's time zone and rollover hour where days matter) as arguments, so each number on the
 * statistics page can be checked by hand. Days are learner days (see ./day.ts): a review at 01:00 with the default
 * 04:00 rollover belongs to the evening before.
 */
import { learnerDay, shiftDayKey, type LearnerDay } from './day';
import { retrievability, type CardPhase, type MemoryState, type ReviewRating, type SchedulerParameters } from './fsrs';
import { isMastered, masteryOf, MASTERY_HORIZON_DAYS, type MasteryCount } from './mastery';

const DAY_MS = 86_400_000;
const HALF_DAY_MS = 43_200_000;

/** Below this many eligible answers a retention percentage is mostly noise, so none is given. */
export const MIN_RETENTION_SAMPLE = 10;
/** Length of the forecast and of the true-retention window, in learner days. */
export const STATS_WINDOW_DAYS = 30;
/** Length of the review calendar, in learner days. */
export const HEATMAP_DAYS = 365;

/**
 * The learner days `firstOffset`, `firstOffset + 1`, … (`count` of them) counted from the day of `now`.
 * Each day is found by probing its middle, 12 hours after the start of today plus whole days: a daylight-saving
 * change moves a day's start by an hour or so, never by half a day, so the probe always lands in the intended day.
 *
 * @example learnerDaysFrom(now, 'Asia/Jakarta', 4, -1, 2) // [yesterday, today]
 */
export function learnerDaysFrom(
  now: Date,
  timeZone: string,
  rolloverHour: number,
  firstOffset: number,
  count: number,
): LearnerDay[] {
  const todayStart = learnerDay(now, timeZone, rolloverHour).start.getTime();
  return Array.from({ length: count }, (_, i) =>
    learnerDay(new Date(todayStart + (firstOffset + i) * DAY_MS + HALF_DAY_MS), timeZone, rolloverHour),
  );
}

/** Index of the day in `days` (consecutive, oldest first) that contains `at`, or -1 when outside all of them. */
function dayIndexOf(days: readonly LearnerDay[], at: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid]!;
    if (at < d.start.getTime()) hi = mid - 1;
    else if (at >= d.end.getTime()) lo = mid + 1;
    else return mid;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Forecast

export interface DayCount {
  /** Learner day, `YYYY-MM-DD`. */
  dayKey: string;
  count: number;
}

export interface DueForecast {
  /** One entry per learner day, today first. Today's count includes every card already overdue. */
  days: DayCount[];
  /** Of today's count: cards that fell due on an earlier learner day and are still waiting. */
  overdue: number;
  /** Cards due after the last day of the forecast. */
  later: number;
}

/**
 * How many cards fall due on each of the next `days` learner days. New cards are not counted (they are not due:
 * the daily new-card limit decides when they appear), and neither is the daily review maximum, which may hold
 * some of today's cards back: this is what the schedule asks for, not what the queue will show.
 *
 * A card counts on the learner day that contains its due instant; a card due before today ends (including one
 * overdue from earlier days, or a learning step later today) counts on today.
 *
 * @example dueForecast(cards, now, 'Asia/Jakarta', 4).days[0].count // due today, overdue included
 */
export function dueForecast(
  cards: readonly { phase: CardPhase; due: Date }[],
  now: Date,
  timeZone: string,
  rolloverHour: number,
  days: number = STATS_WINDOW_DAYS,
): DueForecast {
  const window = learnerDaysFrom(now, timeZone, rolloverHour, 0, days);
  const counts = window.map(() => 0);
  const today = window[0]!;
  const last = window[window.length - 1]!;
  let overdue = 0;
  let later = 0;
  for (const card of cards) {
    if (card.phase === 'new') continue;
    const t = card.due.getTime();
    if (t < today.end.getTime()) {
      counts[0]! += 1;
      if (t < today.start.getTime()) overdue += 1;
    } else if (t >= last.end.getTime()) later += 1;
    else counts[dayIndexOf(window, t)]! += 1;
  }
  return { days: window.map((d, i) => ({ dayKey: d.key, count: counts[i]! })), overdue, later };
}

// ---------------------------------------------------------------------------------------------------------------
// Review calendar and streak

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export interface HeatmapCell extends DayCount {
  level: HeatLevel;
  /** Column: weeks since the week (Monday to Sunday) of the first day shown. */
  week: number;
  /** Row: 0 = Monday … 6 = Sunday. */
  weekday: number;
}

export interface Heatmap {
  /** One cell per learner day, oldest first, ending today. */
  cells: HeatmapCell[];
  weeks: number;
  /** Most answers on one day within the window (0 when none). */
  max: number;
  total: number;
  activeDays: number;
  /** The answer counts each non-empty level stands for (inclusive); empty levels are left out. */
  levels: { level: Exclude<HeatLevel, 0>; min: number; max: number }[];
}

/** Monday = 0 … Sunday = 6, for a `YYYY-MM-DD` key (a calendar date: no time zone involved). */
export function weekdayOfKey(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/**
 * The review calendar of the last `days` learner days, today last, laid out as weeks (columns) × weekdays (rows).
 * A day's level is 0 with no answers, otherwise ceil(4 × count / max) where max is the busiest day shown: level k
 * covers the counts in (max·(k−1)/4, max·k/4].
 *
 * @example reviewHeatmap([{ dayKey: '2026-03-02', count: 8 }], '2026-03-02').cells.at(-1) // { count: 8, level: 4, … }
 */
export function reviewHeatmap(dayCounts: readonly DayCount[], todayKey: string, days: number = HEATMAP_DAYS): Heatmap {
  const byDay = new Map<string, number>();
  for (const d of dayCounts) byDay.set(d.dayKey, (byDay.get(d.dayKey) ?? 0) + d.count);
  const firstKey = shiftDayKey(todayKey, -(days - 1));
  const lead = weekdayOfKey(firstKey);
  const raw = Array.from({ length: days }, (_, i) => {
    const dayKey = shiftDayKey(firstKey, i);
    return { dayKey, count: byDay.get(dayKey) ?? 0, week: Math.floor((lead + i) / 7), weekday: (lead + i) % 7 };
  });
  const max = raw.reduce((m, c) => Math.max(m, c.count), 0);
  const levelOf = (count: number): HeatLevel =>
    count <= 0 || max === 0 ? 0 : (Math.min(4, Math.ceil((4 * count) / max)) as HeatLevel);
  const levels: Heatmap['levels'] = [];
  if (max > 0)
    for (const level of [1, 2, 3, 4] as const) {
      const lo = Math.floor((max * (level - 1)) / 4) + 1;
      const hi = Math.floor((max * level) / 4);
      if (lo <= hi) levels.push({ level, min: lo, max: hi });
    }
  const cells = raw.map((c) => ({ ...c, level: levelOf(c.count) }));
  return {
    cells,
    weeks: (cells[cells.length - 1]?.week ?? 0) + 1,
    max,
    total: cells.reduce((s, c) => s + c.count, 0),
    activeDays: cells.filter((c) => c.count > 0).length,
    levels,
  };
}

export interface Streak {
  /** Consecutive learner days with at least one answer, ending today or, if today has none yet, yesterday. */
  days: number;
  /** False when the streak ends yesterday: it is still alive, but today's answers will extend it. */
  includesToday: boolean;
}

/**
 * The current streak. A day counts when the learner gave at least one answer that still counts (any source:
 * review, lesson or exam). A streak not yet continued today is not broken: it counts up to yesterday until the
 * learner day rolls over.
 *
 * @example currentStreak(['2026-03-01', '2026-03-02'], '2026-03-03') // { days: 2, includesToday: false }
 */
export function currentStreak(activeDayKeys: Iterable<string>, todayKey: string): Streak {
  const active = new Set(activeDayKeys);
  const includesToday = active.has(todayKey);
  let cursor = includesToday ? todayKey : shiftDayKey(todayKey, -1);
  let days = 0;
  while (active.has(cursor)) {
    days += 1;
    cursor = shiftDayKey(cursor, -1);
  }
  return { days, includesToday };
}

// ---------------------------------------------------------------------------------------------------------------
// True retention

export interface RetentionAnswer {
  answeredAt: Date;
  rating: ReviewRating;
  /** The card's phase just before this answer. */
  phaseBefore: CardPhase;
  /** The card's previous answer, from the state before this one. */
  lastReviewBefore: Date | null;
}

export interface TrueRetention {
  windowDays: number;
  /** Eligible answers in the window (the n of the percentage). */
  eligible: number;
  recalled: number;
  /** recalled / eligible, or null when fewer than `minSample` answers are eligible. */
  rate: number | null;
  /** 95% Wilson score interval of the rate, null with the rate. */
  interval: { low: number; high: number } | null;
  minSample: number;
}

/**
 * True retention: among answers given in the last `days` learner days (today included) to cards that were in
 * long-term review and last answered on an earlier learner day, the share the learner recalled. Recalled means any
 * rating but Again, so a right answer the learner marked "I guessed" counts as forgotten, as FSRS counts it.
 * Answers to new, learning and relearning cards are left out (they measure short-term steps, not memory over days),
 * and so is a second answer to a review card on the same day (e.g. practising in a lesson after its review).
 * This is the number the desired-retention setting aims for.
 *
 * @example trueRetention(answers, now, 'Asia/Jakarta', 4) // { eligible: 42, recalled: 37, rate: 0.881, … }
 */
export function trueRetention(
  answers: readonly RetentionAnswer[],
  now: Date,
  timeZone: string,
  rolloverHour: number,
  options: { days?: number; minSample?: number } = {},
): TrueRetention {
  const windowDays = options.days ?? STATS_WINDOW_DAYS;
  const minSample = options.minSample ?? MIN_RETENTION_SAMPLE;
  const window = learnerDaysFrom(now, timeZone, rolloverHour, -(windowDays - 1), windowDays);
  let eligible = 0;
  let recalled = 0;
  for (const a of answers) {
    if (a.phaseBefore !== 'review') continue;
    const t = a.answeredAt.getTime();
    if (t > now.getTime()) continue;
    const day = window[dayIndexOf(window, t)];
    if (!day) continue;
    if (a.lastReviewBefore && a.lastReviewBefore.getTime() >= day.start.getTime()) continue;
    eligible += 1;
    if (a.rating !== 'again') recalled += 1;
  }
  const enough = eligible >= minSample && eligible > 0;
  return {
    windowDays,
    eligible,
    recalled,
    rate: enough ? recalled / eligible : null,
    interval: enough ? wilsonInterval(recalled, eligible) : null,
    minSample,
  };
}

/**
 * The 95% Wilson score interval of a proportion `successes / n` (n > 0): honest near 0% and 100%, where the
 * usual ± interval would leave [0, 1].
 *
 * @example wilsonInterval(9, 10) // { low: 0.596, high: 0.982 } (rounded)
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): { low: number; high: number } {
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

// ---------------------------------------------------------------------------------------------------------------
// What the learner knows: mastery (see ./mastery.ts for the definition and why it looks a week ahead)

export interface StudiedCard {
  lessonId: string;
  memory: MemoryState;
}

export interface LessonMastery extends MasteryCount {
  lessonId: string;
}

/**
 * Per-lesson mastery: of each lesson's cards in the deck (`lessonTotals`), how many are studied and how many are
 * mastered (predicted recall ≥ 90% a week from now); `share` = mastered / total, null while none is studied.
 * Lessons come out in the order of `lessonTotals`; a studied card whose lesson is not listed there is ignored.
 *
 * @example lessonMastery([{ lessonId: 'a', memory: justFailed }], [{ lessonId: 'a', total: 4 }], now)
 *          // [{ lessonId: 'a', total: 4, studied: 1, mastered: 0, share: 0 }]
 */
export function lessonMastery(
  cards: readonly StudiedCard[],
  lessonTotals: readonly { lessonId: string; total: number }[],
  now: Date,
): LessonMastery[] {
  const byLesson = new Map<string, MemoryState[]>();
  for (const c of cards) {
    const list = byLesson.get(c.lessonId) ?? [];
    list.push(c.memory);
    byLesson.set(c.lessonId, list);
  }
  return lessonTotals.map(({ lessonId, total }) => ({
    lessonId,
    ...masteryOf(byLesson.get(lessonId) ?? [], total, now),
  }));
}

export interface ItemsKnown {
  /** Cards answered at least once; new cards add nothing. */
  studied: number;
  /** Of those, mastered at `now` (see ./mastery.ts). */
  mastered: number;
  /**
   * The expected number of cards the learner would recall if asked all of them `horizonDays` from now, with no
   * review in between: the sum of the model's recall probabilities then. An expectation, not a count of tests.
   */
  expected: number;
  horizonDays: number;
}

/**
 * What the learner knows across the deck: studied and mastered cards, and the expected number recalled a week
 * from now under the learner's weights (`params`). Never "recall now": just after an answer that is ~1 for a card
 * answered wrong as for one answered right.
 *
 * @example itemsKnown([{ lessonId: 'a', memory: justFailed }], now) // { studied: 1, mastered: 0, expected: 0.58, horizonDays: 7 }
 */
export function itemsKnown(
  cards: readonly StudiedCard[],
  now: Date,
  params: Pick<SchedulerParameters, 'weights'> = {},
): ItemsKnown {
  const horizon = new Date(now.getTime() + MASTERY_HORIZON_DAYS * DAY_MS);
  let expected = 0;
  let studied = 0;
  let mastered = 0;
  for (const c of cards) {
    const r = retrievability(c.memory, horizon, params);
    if (r === null) continue;
    expected += r;
    studied += 1;
    if (isMastered(c.memory, now)) mastered += 1;
  }
  return { studied, mastered, expected, horizonDays: MASTERY_HORIZON_DAYS };
}
