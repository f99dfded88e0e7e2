/**
 * A learner's statistics page: four queries, whose sizes do not grow with the length of the history beyond one row
 * per active day. Review-log rows are counted per learner day in SQL; only the last 30 days' review answers and
 * the studied cards' memory columns come back as rows. The maths is in lib/domain/review/stats.ts. Internal (by raw
 * user id): stats.ts checks the learner, classes/progress.ts the instructor.
 */
import { db } from '@/lib/db/client';
import { catalogs } from '@/lib/content/catalog';
import {
  STATS_WINDOW_DAYS,
  currentStreak,
  dueForecast,
  itemsKnown,
  learnerDaysFrom,
  lessonMastery,
  reviewHeatmap,
  trueRetention,
  type DueForecast,
  type Heatmap,
  type ItemsKnown,
  type Streak,
  type TrueRetention,
} from '@/lib/domain/review/stats';
import type { UserId } from '../actor';
import { MEMORY_SELECT, memoryOfRow, PHASE_FROM_DB, RATING_FROM_DB, readStoredState } from './memory.internal';
import { settingsOf } from './settings.internal';

export interface LessonStats {
  courseId: string;
  courseTitle: string;
  lessonId: string;
  lessonTitle: string;
  /** Cards of this lesson in the deck, how many have been answered, and how many are mastered. */
  total: number;
  studied: number;
  mastered: number;
  /** mastered / total (lib/domain/review/mastery.ts), null while none is studied. */
  mastery: number | null;
}

/** Everything on the statistics page, as plain serialisable data (day keys and numbers, no Date objects). */
export interface LearnerStats {
  todayKey: string;
  timeZone: string;
  rolloverHour: number;
  desiredRetention: number;
  /** The daily cap of reviews: cards due today beyond it wait for tomorrow. */
  maxReviewsPerDay: number;
  forecast: DueForecast;
  heatmap: Heatmap;
  streak: Streak;
  retention: TrueRetention;
  known: ItemsKnown & { total: number };
  lessons: LessonStats[];
}

/**
 * The statistics of any learner, with days in `timeZone`. No access check: a caller showing another person's
 * statistics (e.g. an instructor view) must authorise that first, and pass `courseId` to keep to the course that
 * gives them the right (an instructor sees a student's work in their class's course, not in others).
 */
export async function statsForUser(
  userId: UserId,
  timeZone: string,
  now: Date,
  { courseId }: { courseId?: string } = {},
): Promise<LearnerStats> {
  const inCourse = courseId ? { courseId } : {};
  const settings = await settingsOf(userId);
  const { rolloverHour } = settings;
  const windowStart = learnerDaysFrom(now, timeZone, rolloverHour, -(STATS_WINDOW_DAYS - 1), 1)[0]!.start;

  const [studiedRows, lessonCounts, dayCounts, reviewAnswers] = await Promise.all([
    db().card.findMany({
      where: { userId, phase: { not: 'NEW' }, ...inCourse },
      select: {
        lessonId: true,
        ...MEMORY_SELECT,
      },
    }),
    db().card.groupBy({ by: ['courseId', 'lessonId'], where: { userId, ...inCourse }, _count: { _all: true } }),
    answersPerLearnerDay(userId, timeZone, rolloverHour, courseId),
    db().reviewLog.findMany({
      where: {
        userId,
        answeredAt: { gte: windowStart, lte: now },
        revocation: null,
        stateBefore: { path: ['phase'], equals: 'review' },
        ...(courseId ? { card: { courseId } } : {}),
      },
      select: { answeredAt: true, rating: true, stateBefore: true },
    }),
  ]);

  const todayKey = learnerDaysFrom(now, timeZone, rolloverHour, 0, 1)[0]!.key;
  const studied = studiedRows.map((c) => ({ lessonId: c.lessonId, memory: memoryOfRow(c) }));
  const lessons = await orderedLessons(lessonCounts.map((l) => ({ ...l, total: l._count._all })));
  const params = { weights: settings.weights ?? undefined };
  const mastery = new Map(lessonMastery(studied, lessons, now).map((m) => [m.lessonId, m]));

  return {
    todayKey,
    timeZone,
    rolloverHour,
    desiredRetention: settings.desiredRetention,
    maxReviewsPerDay: settings.maxReviewsPerDay,
    forecast: dueForecast(
      studiedRows.map((c) => ({ phase: PHASE_FROM_DB[c.phase], due: c.due })),
      now,
      timeZone,
      rolloverHour,
    ),
    heatmap: reviewHeatmap(dayCounts, todayKey),
    streak: currentStreak(
      dayCounts.filter((d) => d.count > 0).map((d) => d.dayKey),
      todayKey,
    ),
    retention: trueRetention(
      reviewAnswers.map((r) => {
        const before = readStoredState(r.stateBefore);
        return {
          answeredAt: r.answeredAt,
          rating: RATING_FROM_DB[r.rating],
          phaseBefore: before.phase,
          lastReviewBefore: before.lastReview,
        };
      }),
      now,
      timeZone,
      rolloverHour,
    ),
    known: { ...itemsKnown(studied, now, params), total: lessons.reduce((s, l) => s + l.total, 0) },
    lessons: lessons.map((l) => ({
      ...l,
      studied: mastery.get(l.lessonId)?.studied ?? 0,
      mastered: mastery.get(l.lessonId)?.mastered ?? 0,
      mastery: mastery.get(l.lessonId)?.share ?? null,
    })),
  };
}

/**
 * Answers that still count (not undone, not replaced by a re-rating), of every source, per learner day. The day
 * is computed as in lib/domain/review/day.ts: the local calendar date of (instant − rollover hours) in the
 * learner's zone. Timestamps are stored as UTC without a zone, hence the first AT TIME ZONE 'UTC'.
 */
async function answersPerLearnerDay(
  userId: UserId,
  timeZone: string,
  rolloverHour: number,
  courseId: string | undefined,
): Promise<{ dayKey: string; count: number }[]> {
  // Grouping by the date first and formatting only the ~365 groups per year is a third faster than formatting each row.
  const rows = await db().$queryRaw<{ dayKey: string; count: number }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS "dayKey", n AS "count"
    FROM (
      SELECT (((l."answeredAt" - make_interval(hours => ${rolloverHour}::int)) AT TIME ZONE 'UTC')
               AT TIME ZONE ${timeZone}::text)::date AS d,
             count(*)::int AS n
      FROM "ReviewLog" l
      WHERE l."userId" = ${userId}::uuid
        AND (${courseId ?? null}::text IS NULL
             OR EXISTS (SELECT 1 FROM "Card" c WHERE c."id" = l."cardId" AND c."courseId" = ${courseId ?? null}::text))
        AND NOT EXISTS (SELECT 1 FROM "ReviewRevocation" r WHERE r."reviewLogId" = l."id")
      GROUP BY 1
    ) AS days`;
  return rows.map((r) => ({ dayKey: r.dayKey, count: Number(r.count) }));
}

/** The deck's lessons in course order (courses as loaded, lessons by their order), with titles from the catalogue. */
async function orderedLessons(
  counts: readonly { courseId: string; lessonId: string; total: number }[],
): Promise<Omit<LessonStats, 'studied' | 'mastered' | 'mastery'>[]> {
  const all = await catalogs();
  const courseRank = new Map([...all.keys()].map((id, i) => [id, i]));
  return counts
    .map((c) => {
      const catalog = all.get(c.courseId);
      const lesson = catalog?.lessonById.get(c.lessonId);
      return {
        courseId: c.courseId,
        courseTitle: catalog?.course.course.title ?? c.courseId,
        lessonId: c.lessonId,
        lessonTitle: lesson?.title ?? c.lessonId,
        total: c.total,
        rank: [courseRank.get(c.courseId) ?? Number.MAX_SAFE_INTEGER, lesson?.order ?? Number.MAX_SAFE_INTEGER],
      };
    })
    .sort((x, y) => x.rank[0]! - y.rank[0]! || x.rank[1]! - y.rank[1]! || x.lessonId.localeCompare(y.lessonId))
    .map(({ rank: _rank, ...rest }) => rest);
}
