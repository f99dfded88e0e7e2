/**
 * The class dashboard's data, without the access check (internal: progress.ts checks the instructor first): one
 * row per student and a students × lessons map of retrievability today. Two SQL statements carry it (review-log
 * aggregates per student through the (userId, answeredAt) index; card aggregates per student and lesson through the
 * (userId, itemId) index), so it stays fast for classes of hundreds of students (see npm run bench:dashboard).
 */
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { courseCatalog } from '@/lib/content/catalog';
import { atRisk, type RiskReason } from '@/lib/domain/analytics/at-risk';
import { forgettingCurve } from '@/lib/domain/review/fsrs';
import { NotFound } from '@/lib/errors';

export interface StudentRow {
  id: string;
  displayName: string;
  email: string;
  joinedAt: string;
  lastActive: string | null;
  reviews7d: number;
  retention30d: { eligible: number; recalled: number; rate: number | null };
  target: number;
  /** Sum of retrievability over the course's studied cards: the expected number of items the student knows now. */
  itemsKnown: number;
  items: number;
  overdue: number;
  /** Per assigned lesson: cards started and total. */
  assigned: Record<string, { studied: number; total: number }>;
  /** Submitted mock exams of the class's course: how many, and the latest score. */
  mockExams: { count: number; lastScore: number | null; lastAt: string | null };
  atRisk: RiskReason[];
}

export interface ConceptCell {
  /** Mean retrievability today of the student's studied cards of the lesson, null when none is studied. */
  mean: number | null;
  studied: number;
  total: number;
}

export interface ClassProgress {
  classId: string;
  name: string;
  generatedAt: string;
  examDate: string | null;
  lessons: { id: string; title: string; assigned: boolean; dueAt: string | null }[];
  students: StudentRow[];
  /** conceptMap[studentId][lessonId] */
  conceptMap: Record<string, Record<string, ConceptCell>>;
  /** Per lesson, the class mean of the students' means (students with studied cards only). */
  lessonMeans: Record<string, number | null>;
}

const RETENTION_MIN_SAMPLE = 10;

interface ActivityRow {
  userId: string;
  displayName: string;
  email: string;
  joinedAt: Date;
  target: number;
  lastActive: Date | null;
  reviews7d: bigint;
  eligible30d: bigint;
  recalled30d: bigint;
}

interface CardAggregateRow {
  userId: string;
  lessonId: string;
  total: bigint;
  studied: bigint;
  sumR: number;
  overdue: bigint;
}

/**
 * Review-log aggregates per active member, read from a covering index (no heap access for the log). True retention
 * counts answers of the last 30 days flagged recallEligible when recorded (the card was in long-term review and last
 * answered on an earlier learner day) and "recalled" is any rating but Again: the student's own statistics page's
 * definition.
 */
function activityQuery(classId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH m AS (
      SELECT cm."userId", u."displayName", u."email", cm."joinedAt", coalesce(s."desiredRetention", 0.9) AS target
      FROM "ClassMember" cm
      JOIN "User" u ON u."id" = cm."userId"
      LEFT JOIN "ReviewSettings" s ON s."userId" = cm."userId"
      -- A deleted account's answers still count in aggregate statistics (item analysis), never as a row here.
      WHERE cm."classId" = ${classId}::uuid AND cm."removedAt" IS NULL AND u."deletedAt" IS NULL
    )
    SELECT m."userId"::text AS "userId", m."displayName", m."email", m."joinedAt", m.target, la."lastActive",
           coalesce(w.reviews7d, 0) AS "reviews7d", coalesce(w.eligible30d, 0) AS "eligible30d",
           coalesce(w.recalled30d, 0) AS "recalled30d"
    FROM m
    LEFT JOIN LATERAL (
      SELECT l."answeredAt" AS "lastActive" FROM "ReviewLog" l
      WHERE l."userId" = m."userId" AND l."answeredAt" <= ${now}::timestamp(3)
      ORDER BY l."answeredAt" DESC LIMIT 1
    ) la ON true
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE x."answeredAt" >= ${now}::timestamp(3) - interval '7 days') AS reviews7d,
             count(*) FILTER (WHERE x.eligible) AS eligible30d,
             count(*) FILTER (WHERE x.eligible AND x."rating" <> 'AGAIN') AS recalled30d
      FROM (
        SELECT l."answeredAt", l."rating", l."recallEligible" AS eligible
        FROM "ReviewLog" l
        WHERE l."userId" = m."userId"
          AND l."answeredAt" >= ${now}::timestamp(3) - interval '30 days' AND l."answeredAt" <= ${now}::timestamp(3)
          AND NOT EXISTS (SELECT 1 FROM "ReviewRevocation" r WHERE r."reviewLogId" = l."id")
      ) x
    ) w ON true`;
}

function cardQuery(classId: string, now: Date): Prisma.Sql {
  const { decay } = forgettingCurve();
  // One index lookup per member (LATERAL): the planner otherwise hash-joins a scan of every card in the database.
  // Retrievability uses each member's own forgetting curve: the decay (w20) of the parameter set they use, else
  // the default; factor = 0.9^(1/decay) − 1 as in lib/domain/review/fsrs.ts forgettingCurve.
  return Prisma.sql`
    SELECT m."userId"::text AS "userId", x."lessonId", x.total, x.studied, x."sumR", x.overdue
    FROM "ClassMember" m
    LEFT JOIN "ReviewSettings" s ON s."userId" = m."userId"
    LEFT JOIN "ParameterSet" p ON p."id" = s."parameterSetId"
    -- OFFSET 0 keeps the curve's constants computed once per member, not folded into the sum over each card;
    -- date_part (double precision), not extract (numeric), because this runs for every card of the class.
    CROSS JOIN LATERAL (
      SELECT k.decay, power(0.9, 1 / k.decay) - 1 AS factor
      FROM (SELECT coalesce(-p."weights"[21], ${decay}::float8) AS decay) k OFFSET 0
    ) d
    CROSS JOIN LATERAL (
      SELECT c."lessonId", count(*) AS total,
             count(*) FILTER (WHERE c."phase" <> 'NEW') AS studied,
             coalesce(sum(power(1 + d.factor * greatest(0, date_part('epoch', ${now}::timestamp(3) - c."lastReview")) / 86400.0
                                / c."stability", d.decay))
                      FILTER (WHERE c."phase" <> 'NEW' AND c."stability" > 0 AND c."lastReview" IS NOT NULL), 0)::float8 AS "sumR",
             count(*) FILTER (WHERE c."phase" <> 'NEW' AND c."due" < ${now}::timestamp(3)) AS overdue
      FROM "Card" c
      WHERE c."userId" = m."userId" AND c."courseId" = (SELECT "courseId" FROM "Class" WHERE "id" = ${classId}::uuid)
      GROUP BY c."lessonId"
    ) x
    WHERE m."classId" = ${classId}::uuid AND m."removedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = m."userId" AND u."deletedAt" IS NOT NULL)`;
}

/** Per student and lesson, the concept-map cell; and per student, the course totals the rows show. */
function conceptMapOf(cards: readonly CardAggregateRow[]) {
  const conceptMap: ClassProgress['conceptMap'] = {};
  const totals = new Map<string, Totals>();
  for (const c of cards) {
    const studied = Number(c.studied);
    (conceptMap[c.userId] ??= {})[c.lessonId] = {
      mean: studied > 0 ? c.sumR / studied : null,
      studied,
      total: Number(c.total),
    };
    const t = totals.get(c.userId) ?? { known: 0, items: 0, overdue: 0 };
    t.known += c.sumR;
    t.items += Number(c.total);
    t.overdue += Number(c.overdue);
    totals.set(c.userId, t);
  }
  return { conceptMap, totals };
}

interface Totals {
  known: number;
  items: number;
  overdue: number;
}

interface ExamRow {
  userId: string;
  count: bigint;
  lastScore: number | null;
  lastAt: Date | null;
}

/** One student's row: activity, retention, course and assigned-lesson coverage, mock exams, and risk flags. */
function studentRowOf(
  a: ActivityRow,
  ctx: {
    now: Date;
    examDate: Date | null;
    totals: Totals | undefined;
    cells: Record<string, ConceptCell>;
    assignedLessons: readonly { id: string }[];
    exam: ExamRow | undefined;
  },
): StudentRow {
  const t = ctx.totals ?? { known: 0, items: 0, overdue: 0 };
  const eligible = Number(a.eligible30d);
  const recalled = Number(a.recalled30d);
  const assigned: StudentRow['assigned'] = {};
  let assignedKnown = 0;
  let assignedItems = 0;
  for (const l of ctx.assignedLessons) {
    const cell = ctx.cells[l.id];
    assigned[l.id] = { studied: cell?.studied ?? 0, total: cell?.total ?? 0 };
    assignedKnown += cell?.mean !== null && cell?.mean !== undefined ? cell.mean * cell.studied : 0;
    assignedItems += cell?.total ?? 0;
  }
  return {
    id: a.userId,
    displayName: a.displayName,
    email: a.email,
    joinedAt: a.joinedAt.toISOString(),
    lastActive: a.lastActive?.toISOString() ?? null,
    reviews7d: Number(a.reviews7d),
    retention30d: { eligible, recalled, rate: eligible >= RETENTION_MIN_SAMPLE ? recalled / eligible : null },
    target: a.target,
    itemsKnown: t.known,
    items: t.items,
    overdue: t.overdue,
    assigned,
    mockExams: {
      count: Number(ctx.exam?.count ?? 0),
      lastScore: ctx.exam?.lastScore ?? null,
      lastAt: ctx.exam?.lastAt?.toISOString() ?? null,
    },
    atRisk: atRisk({
      now: ctx.now,
      joinedAt: a.joinedAt,
      lastActive: a.lastActive,
      overdue: t.overdue,
      retention: { eligible, recalled },
      target: a.target,
      examDate: ctx.examDate,
      assignedKnown: assignedItems > 0 ? assignedKnown / assignedItems : null,
    }),
  };
}

/** Per lesson, the class mean of the students' means (students with studied cards only). */
function lessonMeansOf(
  lessons: readonly { id: string }[],
  students: readonly StudentRow[],
  conceptMap: ClassProgress['conceptMap'],
): ClassProgress['lessonMeans'] {
  const lessonMeans: ClassProgress['lessonMeans'] = {};
  for (const l of lessons) {
    const means = students.map((s) => conceptMap[s.id]?.[l.id]?.mean).filter((m): m is number => m != null);
    lessonMeans[l.id] = means.length ? means.reduce((x, y) => x + y, 0) / means.length : null;
  }
  return lessonMeans;
}

/** The dashboard data of a class, without the access check (getClassProgress and npm run bench:dashboard call it). */
export async function classDashboardData(classId: string, now: Date): Promise<ClassProgress> {
  const row = await db().class.findUnique({ where: { id: classId }, include: { assignments: true } });
  if (!row) throw new NotFound();
  const catalog = await courseCatalog(row.courseId);
  if (!catalog) throw new NotFound();
  const [activity, cards, exams] = await Promise.all([
    db().$queryRaw<ActivityRow[]>(activityQuery(classId, now)),
    db().$queryRaw<CardAggregateRow[]>(cardQuery(classId, now)),
    db().$queryRaw<ExamRow[]>`
      SELECT e."userId"::text AS "userId", count(*) AS count,
             (array_agg(e."score" ORDER BY e."submittedAt" DESC))[1] AS "lastScore", max(e."submittedAt") AS "lastAt"
      FROM "MockExam" e
      WHERE e."userId" IN (SELECT "userId" FROM "ClassMember" WHERE "classId" = ${classId}::uuid AND "removedAt" IS NULL)
        AND e."courseId" = ${row.courseId} AND e."score" IS NOT NULL
      GROUP BY e."userId"`,
  ]);
  const examsByUser = new Map(exams.map((e) => [e.userId, e]));

  const dueByLesson = new Map(row.assignments.map((a) => [a.lessonId, a.dueAt]));
  const lessons = catalog.course.lessons.map((l) => ({
    id: l.id,
    title: l.title,
    assigned: dueByLesson.has(l.id),
    dueAt: dueByLesson.get(l.id)?.toISOString() ?? null,
  }));
  const assignedLessons = lessons.filter((x) => x.assigned);
  const { conceptMap, totals } = conceptMapOf(cards);
  const students = activity.map((a) =>
    studentRowOf(a, {
      now,
      examDate: row.examDate,
      totals: totals.get(a.userId),
      cells: conceptMap[a.userId] ?? {},
      assignedLessons,
      exam: examsByUser.get(a.userId),
    }),
  );
  students.sort((x, y) => x.displayName.localeCompare(y.displayName, 'id'));
  return {
    classId,
    name: row.name,
    generatedAt: now.toISOString(),
    examDate: row.examDate?.toISOString() ?? null,
    lessons,
    students,
    conceptMap,
    lessonMeans: lessonMeansOf(lessons, students, conceptMap),
  };
}

/** The dashboard's statements as SQL text and parameters, for EXPLAIN in npm run bench:dashboard. */
export const DASHBOARD_SQL_FOR_EXPLAIN = [
  { name: 'activity per student', query: activityQuery },
  { name: 'cards per student and lesson', query: cardQuery },
].map(({ name, query }) => ({
  name,
  sql: query('00000000-0000-0000-0000-000000000000', new Date(0)).text,
  params: (classId: string, now: Date) => query(classId, now).values,
}));
