/**
 * The class dashboard's data: one row per student and a students × lessons map of mastery. Internal (by raw class
 * id): progress.ts checks that the caller teaches the class. Mastery is lib/domain/review/mastery.ts's: a card is mastered when its stability covers the
 * time since its last answer plus a week (predicted recall ≥ 90% a week from now), computed here in SQL. Two SQL statements carry the dashboard (review-log aggregates per student
 * through the (userId, answeredAt) index; card aggregates per student and lesson through the (userId, itemId)
 * index), so it stays fast for classes of hundreds of students (see npm run bench:dashboard).
 */
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { courseCatalog } from '@/lib/content/catalog';
import { atRisk, type RiskReason } from '@/lib/domain/analytics/at-risk';
import { MASTERY_HORIZON_DAYS } from '@/lib/domain/review/mastery';
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
  /** Cards of the course answered at least once. */
  studied: number;
  /** Of those, mastered (lib/domain/review/mastery.ts). */
  mastered: number;
  items: number;
  overdue: number;
  /** Per assigned lesson: cards started and total. */
  assigned: Record<string, { studied: number; total: number }>;
  /** Submitted mock exams of the class's course: how many, and the latest score. */
  mockExams: { count: number; lastScore: number | null; lastAt: string | null };
  atRisk: RiskReason[];
}

export interface ConceptCell {
  /** Share of the lesson's cards (in the student's deck) that are mastered; null while none is studied. */
  mean: number | null;
  studied: number;
  mastered: number;
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
  /** Per lesson, the class mean of the students' shares mastered (students with studied cards only). */
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
  mastered: bigint;
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
  // One index lookup per member (LATERAL): the planner otherwise hash-joins a scan of every card in the database.
  // Mastered: stability (days) ≥ days since the last answer + the horizon. FSRS's stability is where recall falls
  // to 90% under any weights, so no forgetting curve is needed here (lib/domain/review/mastery.ts isMastered).
  // date_part (double precision), not extract (numeric), because this runs for every card of the class.
  return Prisma.sql`
    SELECT m."userId"::text AS "userId", x."lessonId", x.total, x.studied, x.mastered, x.overdue
    FROM "ClassMember" m
    CROSS JOIN LATERAL (
      SELECT c."lessonId", count(*) AS total,
             count(*) FILTER (WHERE c."phase" <> 'NEW') AS studied,
             count(*) FILTER (WHERE c."phase" <> 'NEW' AND c."lastReview" IS NOT NULL AND c."stability" > 0
               AND c."stability" >= greatest(0, date_part('epoch', ${now}::timestamp(3) - c."lastReview")) / 86400.0
                                    + ${MASTERY_HORIZON_DAYS}::float8) AS mastered,
             count(*) FILTER (WHERE c."phase" <> 'NEW' AND c."due" < ${now}::timestamp(3)) AS overdue
      FROM "Card" c
      WHERE c."userId" = m."userId" AND c."courseId" = (SELECT "courseId" FROM "Class" WHERE "id" = ${classId}::uuid)
      GROUP BY c."lessonId"
    ) x
    WHERE m."classId" = ${classId}::uuid AND m."removedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = m."userId" AND u."deletedAt" IS NOT NULL)`;
}

/** The dashboard data of a class, without the access check (the bench and getClassProgress call it). */
export async function classDashboardData(classId: string, now: Date): Promise<ClassProgress> {
  const row = await db().class.findUnique({ where: { id: classId }, include: { assignments: true } });
  if (!row) throw new NotFound();
  const catalog = await courseCatalog(row.courseId);
  if (!catalog) throw new NotFound();
  const [activity, cards, exams] = await Promise.all([
    db().$queryRaw<ActivityRow[]>(activityQuery(classId, now)),
    db().$queryRaw<CardAggregateRow[]>(cardQuery(classId, now)),
    db().$queryRaw<{ userId: string; count: bigint; lastScore: number | null; lastAt: Date | null }[]>`
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
  const conceptMap: ClassProgress['conceptMap'] = {};
  const totals = new Map<string, { studied: number; mastered: number; items: number; overdue: number }>();
  for (const c of cards) {
    const studied = Number(c.studied);
    const mastered = Number(c.mastered);
    const total = Number(c.total);
    (conceptMap[c.userId] ??= {})[c.lessonId] = {
      mean: studied > 0 && total > 0 ? mastered / total : null,
      studied,
      mastered,
      total,
    };
    const t = totals.get(c.userId) ?? { studied: 0, mastered: 0, items: 0, overdue: 0 };
    t.studied += studied;
    t.mastered += mastered;
    t.items += total;
    t.overdue += Number(c.overdue);
    totals.set(c.userId, t);
  }

  const students: StudentRow[] = activity.map((a) => {
    const t = totals.get(a.userId) ?? { studied: 0, mastered: 0, items: 0, overdue: 0 };
    const eligible = Number(a.eligible30d);
    const recalled = Number(a.recalled30d);
    const cells = conceptMap[a.userId] ?? {};
    const assigned: StudentRow['assigned'] = {};
    let assignedMastered = 0;
    let assignedItems = 0;
    for (const l of lessons.filter((x) => x.assigned)) {
      const cell = cells[l.id];
      assigned[l.id] = { studied: cell?.studied ?? 0, total: cell?.total ?? 0 };
      assignedMastered += cell?.mastered ?? 0;
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
      studied: t.studied,
      mastered: t.mastered,
      items: t.items,
      overdue: t.overdue,
      assigned,
      mockExams: {
        count: Number(examsByUser.get(a.userId)?.count ?? 0),
        lastScore: examsByUser.get(a.userId)?.lastScore ?? null,
        lastAt: examsByUser.get(a.userId)?.lastAt?.toISOString() ?? null,
      },
      atRisk: atRisk({
        now,
        joinedAt: a.joinedAt,
        lastActive: a.lastActive,
        overdue: t.overdue,
        retention: { eligible, recalled },
        target: a.target,
        examDate: row.examDate,
        assignedMastered: assignedItems > 0 ? assignedMastered / assignedItems : null,
      }),
    };
  });
  students.sort((x, y) => x.displayName.localeCompare(y.displayName, 'id'));

  const lessonMeans: ClassProgress['lessonMeans'] = {};
  for (const l of lessons) {
    const means = students.map((s) => conceptMap[s.id]?.[l.id]?.mean).filter((m): m is number => m != null);
    lessonMeans[l.id] = means.length ? means.reduce((x, y) => x + y, 0) / means.length : null;
  }
  return {
    classId,
    name: row.name,
    generatedAt: now.toISOString(),
    examDate: row.examDate?.toISOString() ?? null,
    lessons,
    students,
    conceptMap,
    lessonMeans,
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
