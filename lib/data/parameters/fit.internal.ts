/**
 * Fitting FSRS parameters to review logs, and adopting a fit only when it predicts better.
 * - A learner's own fit: trained on their answers except the most recent 20%, which are held out; the fit is
 *   adopted only if it predicts those held-out answers better (lower log loss) than the set in use. Adopting
 *   rebuilds the learner's cards from their log with the new weights.
 * - Pools: the same over the pooled answers of a class's students, or of all the course's learners; learners without
 *   a fit of their own use their class's adopted pool set, else the course's (new learners start from it instead of
 *   the global defaults).
 * Every attempt is stored (ParameterSet) with its metrics and the reason it was or was not adopted.
 * Runs in the background job queue (lib/jobs), never in a web request.
 */
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { fitParameters, validWeights, type CardHistory } from '@/lib/fsrs-optimizer';
import { learnerDayKey } from '@/lib/domain/review/day';
import { decideAdoption, predictHeldOut, type CardAnswers } from '@/lib/domain/review/evaluate';
import { RATING_FROM_DB } from '../review/memory.internal';
import { rebuildCards } from '../review/rebuild.internal';
import { settingsOf } from '../review/settings.internal';

/** A learner's own fit needs this many answers. */
export const MIN_LEARNER_ANSWERS = 300;
/** A course pool needs this many answers before it replaces the defaults. */
export const MIN_POOL_ANSWERS = 2000;
/** Refit after this many new answers since the last attempt. */
export const REFIT_AFTER_ANSWERS = 200;
const HELD_OUT_SHARE = 0.2;
const MIN_HELD_OUT = 30;
const POOL_CAP = 50_000;

export type Fitter = (histories: readonly CardHistory[]) => Promise<number[]>;
const defaultFitter: Fitter = (histories) => fitParameters(histories, { enableShortTerm: true, timeout: 20 });

interface LogRow {
  userId: string;
  cardId: string;
  cardCreatedAt: Date;
  rating: 'AGAIN' | 'HARD' | 'GOOD' | 'EASY';
  answeredAt: Date;
  timeZone: string;
}

async function answersOf(
  where: { userId?: string; classId?: string; courseId: string },
  cap: number,
): Promise<LogRow[]> {
  const rows = await db().$queryRaw<LogRow[]>`
    SELECT * FROM (
      SELECT l."userId"::text AS "userId", l."cardId"::text AS "cardId", c."createdAt" AS "cardCreatedAt",
             l."rating"::text AS "rating", l."answeredAt", l."timeZone"
      FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
      WHERE c."courseId" = ${where.courseId}
        AND (${where.userId ?? null}::uuid IS NULL OR l."userId" = ${where.userId ?? null}::uuid)
        AND (${where.classId ?? null}::uuid IS NULL OR l."userId" IN (
          SELECT m."userId" FROM "ClassMember" m WHERE m."classId" = ${where.classId ?? null}::uuid AND m."removedAt" IS NULL))
        AND NOT EXISTS (SELECT 1 FROM "ReviewRevocation" r WHERE r."reviewLogId" = l."id")
      ORDER BY l."seq" DESC LIMIT ${cap}
    ) recent ORDER BY "answeredAt", "cardId"`;
  return rows;
}

function byCard(rows: readonly LogRow[]): Map<string, LogRow[]> {
  const cards = new Map<string, LogRow[]>();
  for (const r of rows) cards.set(r.cardId, [...(cards.get(r.cardId) ?? []), r]);
  return cards;
}

/** fsrs-rs histories: whole learner days between a card's answers (0 for the first, and within a day). */
function histories(cards: Map<string, LogRow[]>, before: Date, rolloverHour: number): CardHistory[] {
  const out: CardHistory[] = [];
  for (const rows of cards.values()) {
    const train = rows.filter((r) => r.answeredAt.getTime() < before.getTime());
    if (train.length === 0) continue;
    let previous: string | null = null;
    out.push(
      train.map((r) => {
        const day = learnerDayKey(r.answeredAt, r.timeZone, rolloverHour);
        const delta = previous ? Math.max(0, Math.round((Date.parse(day) - Date.parse(previous)) / 86_400_000)) : 0;
        previous = day;
        return { rating: ({ AGAIN: 1, HARD: 2, GOOD: 3, EASY: 4 } as const)[r.rating], deltaDays: delta };
      }),
    );
  }
  return out;
}

function timed(cards: Map<string, LogRow[]>): CardAnswers[] {
  return [...cards.values()].map((rows) => ({
    createdAt: rows[0]!.cardCreatedAt,
    answers: rows.map((r) => ({ rating: RATING_FROM_DB[r.rating], at: r.answeredAt })),
  }));
}

export interface FitOutcome {
  status: 'skipped' | 'adopted' | 'refused';
  reason: string;
  parameterSetId: string | null;
}

type Fit = Awaited<ReturnType<typeof fitAndDecide>>;

/** Keeps every fit attempt, adopted or not, with its metrics and the reason. */
function recordFit(
  fit: Fit,
  owner: { scope: 'LEARNER'; userId: string } | { scope: 'POOL'; poolKey: string },
  courseId: string,
  now: Date,
) {
  return db().parameterSet.create({
    data: {
      ...owner,
      courseId,
      weights: fit.weights,
      trainReviews: fit.trainReviews,
      heldOutReviews: fit.candidate.n,
      logLoss: fit.candidate.logLoss,
      rmseBins: fit.candidate.rmseBins,
      baselineLogLoss: fit.current.logLoss,
      baselineRmseBins: fit.current.rmseBins,
      adopted: fit.decision.adopt,
      reason: fit.decision.reason,
      createdAt: now,
    },
  });
}

async function fitAndDecide(input: {
  rows: LogRow[];
  rolloverHour: number;
  currentWeights: readonly number[] | undefined;
  fitter: Fitter;
}) {
  const sorted = input.rows;
  const cutoff = sorted[Math.floor(sorted.length * (1 - HELD_OUT_SHARE))]!.answeredAt;
  const cards = byCard(sorted);
  const weights = await input.fitter(histories(cards, cutoff, input.rolloverHour));
  const answers = timed(cards);
  const candidate = predictHeldOut(answers, weights, cutoff);
  const current = predictHeldOut(answers, input.currentWeights, cutoff);
  const decision = decideAdoption(candidate, current, {
    minHeldOut: MIN_HELD_OUT,
    weightsValid: validWeights(weights),
  });
  const trainReviews = sorted.filter((r) => r.answeredAt.getTime() < cutoff.getTime()).length;
  return { weights, candidate, current, decision, trainReviews };
}

/**
 * How many of the learner's answers in a course a fit would use, counted up to MIN_LEARNER_ANSWERS (enough to know
 * whether a fit can run).
 */
export async function answersTowardFit(userId: string, courseId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
      WHERE l."userId" = ${userId}::uuid AND c."courseId" = ${courseId}
        AND NOT EXISTS (SELECT 1 FROM "ReviewRevocation" r WHERE r."reviewLogId" = l."id")
      LIMIT ${MIN_LEARNER_ANSWERS}) counted`;
  return row?.n ?? 0;
}

/** Fits one learner's parameters for a course and adopts them if they predict the learner's recent answers better. */
export async function fitLearner(
  userId: string,
  courseId: string,
  now: Date,
  fitter: Fitter = defaultFitter,
): Promise<FitOutcome> {
  const rows = await answersOf({ userId, courseId }, POOL_CAP);
  if (rows.length < MIN_LEARNER_ANSWERS)
    return { status: 'skipped', reason: `fewer than ${MIN_LEARNER_ANSWERS} answers`, parameterSetId: null };
  const settings = await settingsOf(userId);
  const fit = await fitAndDecide({
    rows,
    rolloverHour: settings.rolloverHour,
    currentWeights: settings.weights ?? undefined,
    fitter,
  });
  const set = await recordFit(fit, { scope: 'LEARNER', userId }, courseId, now);
  if (fit.decision.adopt) await useParameterSet(userId, set.id);
  return { status: fit.decision.adopt ? 'adopted' : 'refused', reason: fit.decision.reason, parameterSetId: set.id };
}

/** Points the learner at a parameter set and rebuilds their cards from the log with it. */
export async function useParameterSet(userId: string, parameterSetId: string | null): Promise<void> {
  await db().reviewSettings.upsert({
    where: { userId },
    create: { userId, parameterSetId },
    update: { parameterSetId },
  });
  await rebuildCards({ userId, repair: true });
}

export type Pool = { kind: 'course'; courseId: string } | { kind: 'class'; classId: string; courseId: string };

function poolKeyOf(pool: Pool): string {
  return pool.kind === 'class' ? `class:${pool.classId}` : `course:${pool.courseId}`;
}

/**
 * Fits the pooled answers of a class (or of a whole course); an adopted pool set replaces the defaults (or the
 * course pool) for the pool's learners who have no fit of their own.
 */
export async function fitPool(pool: Pool, now: Date, fitter: Fitter = defaultFitter): Promise<FitOutcome> {
  const rows = await answersOf(
    { courseId: pool.courseId, classId: pool.kind === 'class' ? pool.classId : undefined },
    POOL_CAP,
  );
  if (rows.length < MIN_POOL_ANSWERS)
    return { status: 'skipped', reason: `fewer than ${MIN_POOL_ANSWERS} answers`, parameterSetId: null };
  const poolKey = poolKeyOf(pool);
  const currentPool = await db().parameterSet.findFirst({
    where: { poolKey, adopted: true },
    orderBy: { createdAt: 'desc' },
  });
  const fit = await fitAndDecide({ rows, rolloverHour: 4, currentWeights: currentPool?.weights, fitter });
  const set = await recordFit(fit, { scope: 'POOL', poolKey }, pool.courseId, now);
  if (fit.decision.adopt) {
    const learners =
      pool.kind === 'class'
        ? await db().classMember.findMany({
            // A deleted account's answers count toward the pool; its row gets no settings back.
            where: { classId: pool.classId, removedAt: null, user: { deletedAt: null } },
            select: { userId: true },
          })
        : await db().card.findMany({
            where: { courseId: pool.courseId, user: { deletedAt: null } },
            distinct: ['userId'],
            select: { userId: true },
          });
    for (const { userId } of learners) {
      const s = await db().reviewSettings.findUnique({ where: { userId }, include: { parameterSet: true } });
      if (s?.parameterSet?.scope === 'LEARNER') continue;
      // A class pool is closer to the learner than the course pool: a course pool never replaces a class pool.
      if (pool.kind === 'course' && s?.parameterSet?.poolKey?.startsWith('class:')) continue;
      await useParameterSet(userId, set.id);
    }
  }
  return { status: fit.decision.adopt ? 'adopted' : 'refused', reason: fit.decision.reason, parameterSetId: set.id };
}

/** A learner who has no parameters of their own starts from their class's pool, else the course's, if any. */
export async function startFromPool(userId: string, courseId: string): Promise<void> {
  const s = await db().reviewSettings.findUnique({ where: { userId } });
  if (s?.parameterSetId) return;
  const classes = await db().classMember.findMany({
    where: { userId, removedAt: null, class: { courseId } },
    select: { classId: true },
  });
  const keys = [...classes.map((c) => `class:${c.classId}`), `course:${courseId}`];
  const sets = await db().parameterSet.findMany({
    where: { poolKey: { in: keys }, adopted: true },
    orderBy: { createdAt: 'desc' },
  });
  const pick = sets.find((p) => p.poolKey!.startsWith('class:')) ?? sets[0];
  if (pick) await useParameterSet(userId, pick.id);
}

/**
 * Learners due a fit: at least REFIT_AFTER_ANSWERS answers since their last fit attempt (in any course) and
 * MIN_LEARNER_ANSWERS in all, with each course they study. Both counts stop at their threshold (LIMIT), so each
 * learner costs at most a few hundred entries of the (userId, answeredAt) index however long their history (on the
 * bench:dashboard database, 10,450 learners and 5.2 M answers, none fitted yet: 1.9 s, was 10.7 s counting every
 * answer).
 */
export async function dueLearnerFits(): Promise<{ userId: string; courseId: string }[]> {
  const due = await db().$queryRaw<{ userId: string }[]>`
    SELECT u."id"::text AS "userId" FROM "User" u
    WHERE u."deletedAt" IS NULL -- a deleted account keeps its answers, never a personal fit
      AND (SELECT count(*) FROM (
             SELECT 1 FROM "ReviewLog" l
             WHERE l."userId" = u."id" AND l."answeredAt" > coalesce(
               (SELECT max(p."createdAt") FROM "ParameterSet" p WHERE p."userId" = u."id"), '-infinity'::timestamp)
             LIMIT ${REFIT_AFTER_ANSWERS}) recent) >= ${REFIT_AFTER_ANSWERS}
      AND (SELECT count(*) FROM (
             SELECT 1 FROM "ReviewLog" l WHERE l."userId" = u."id" LIMIT ${MIN_LEARNER_ANSWERS}) total) >= ${MIN_LEARNER_ANSWERS}`;
  if (due.length === 0) return [];
  return db().$queryRaw<{ userId: string; courseId: string }[]>`
    SELECT DISTINCT c."userId"::text AS "userId", c."courseId" FROM "Card" c
    WHERE c."userId" = ANY(${due.map((d) => d.userId)}::uuid[]) AND c."phase" <> 'NEW'
    ORDER BY 1, 2`;
}

/** A pool's last fit attempt (-infinity when there was none), as `last.since`; `poolKey` is an SQL expression. */
function sinceLastFit(poolKey: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CROSS JOIN LATERAL (
      SELECT coalesce(max(p."createdAt"), '-infinity'::timestamp) AS since
      FROM "ParameterSet" p WHERE p."poolKey" = ${poolKey}) last`;
}

/** One learner's answers in a course since `last.since`, stopping at MIN_POOL_ANSWERS (SQL expressions in). */
function answersSinceLastFit(userId: Prisma.Sql, courseId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CROSS JOIN LATERAL (
               SELECT 1 FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
               WHERE l."userId" = ${userId} AND l."answeredAt" > last.since AND c."courseId" = ${courseId}
               LIMIT ${MIN_POOL_ANSWERS}) answered`;
}

/**
 * Class and course pools with at least MIN_POOL_ANSWERS answers in their course since the pool's last fit attempt.
 * As for learners, the counts stop at the threshold and walk each member's (userId, answeredAt) index, so a pool
 * costs at most that many answers however large the log. On the bench:dashboard database (200 classes, 5.2 M
 * answers): 0.6 s when every pool was fitted a day before (summing the whole log instead: 10.1 s), 4.2 s when none
 * ever was (8.0 s). Run hourly: pools change slowly.
 */
export async function duePoolFits(): Promise<Pool[]> {
  const coursePools = await db().$queryRaw<{ courseId: string }[]>`
    SELECT co."id" AS "courseId" FROM "Course" co
    ${sinceLastFit(Prisma.raw(`'course:' || co."id"`))}
    WHERE (SELECT count(*) FROM (
             SELECT 1 FROM "User" u
             ${answersSinceLastFit(Prisma.raw('u."id"'), Prisma.raw('co."id"'))}
             LIMIT ${MIN_POOL_ANSWERS}) counted) >= ${MIN_POOL_ANSWERS}`;
  const classPools = await db().$queryRaw<{ classId: string; courseId: string }[]>`
    SELECT k."id"::text AS "classId", k."courseId" FROM "Class" k
    ${sinceLastFit(Prisma.raw(`'class:' || k."id"`))}
    WHERE (SELECT count(*) FROM (
             SELECT 1 FROM "ClassMember" m
             ${answersSinceLastFit(Prisma.raw('m."userId"'), Prisma.raw('k."courseId"'))}
             WHERE m."classId" = k."id" AND m."removedAt" IS NULL
             LIMIT ${MIN_POOL_ANSWERS}) counted) >= ${MIN_POOL_ANSWERS}`;
  return [
    ...classPools.map((p): Pool => ({ kind: 'class', classId: p.classId, courseId: p.courseId })),
    ...coursePools.map((p): Pool => ({ kind: 'course', courseId: p.courseId })),
  ];
}
