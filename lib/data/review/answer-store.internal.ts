/**
 * The two statements on the hot path of an answer, in plain SQL (named prepared statements, lib/db/sql.ts), because
 * they carry the platform's main guarantee and its main load:
 * - `loadForAnswer` reads, in one round trip, the learner's card, their desired retention and memory parameters,
 *   how long learners take on the card's item, and whether this idempotency key was already recorded;
 * - `appendAnswer` moves the card to its next version *and* appends the review-log row in one statement (a
 *   data-modifying CTE), so both happen or neither does: if the card's version is no longer the one the learner
 *   saw, nothing is written; if the key is already taken, the unique index fails the whole statement.
 */
import { sql } from '@/lib/db/sql';
import type { MemoryState } from '@/lib/domain/review/fsrs';
import type { ObservedTiming } from '@/lib/domain/review/rating';
import type { AnswerSource, ReviewRating } from '@/lib/generated/prisma/enums';
import { DEFAULT_SETTINGS } from './settings.internal';
import { MEMORY_SQL_COLUMNS, rowOfMemory, storeState, type CardMemoryColumns } from './memory.internal';
import { learnerDayKey } from '@/lib/domain/review/day';

export type CardForAnswer = CardMemoryColumns & { id: string; itemId: string; version: number };

export interface AnswerContext {
  card: CardForAnswer | null;
  desiredRetention: number;
  rolloverHour: number;
  /** The learner's FSRS weights, or undefined for the defaults. */
  weights: number[] | undefined;
  /** How long learners take to answer the card's item right, once enough of them have. */
  timing: ObservedTiming | null;
  alreadyRecorded: boolean;
}

export async function loadForAnswer(userId: string, cardId: string, idempotencyKey: string): Promise<AnswerContext> {
  const rows = await sql<
    Partial<CardForAnswer> & {
      desiredRetention: number | null;
      rolloverHour: number | null;
      weights: number[] | null;
      medianMs: number | null;
      timedAnswers: number | null;
      logId: string | null;
    }
  >(
    'answer-load',
    `SELECT c."id", c."itemId", c."version", ${MEMORY_SQL_COLUMNS},
            s."desiredRetention", s."rolloverHour", p."weights", t."medianMs", t."answers" AS "timedAnswers",
            l."id"::text AS "logId"
     FROM (SELECT 1) AS one
     LEFT JOIN "Card" c ON c."id" = $2::uuid AND c."userId" = $1::uuid
     LEFT JOIN "ReviewSettings" s ON s."userId" = $1::uuid
     LEFT JOIN "ParameterSet" p ON p."id" = s."parameterSetId"
     LEFT JOIN "ItemTiming" t ON t."itemId" = c."itemId"
     LEFT JOIN "ReviewLog" l ON l."userId" = $1::uuid AND l."idempotencyKey" = $3`,
    [userId, cardId, idempotencyKey],
  );
  const row = rows[0]!;
  return {
    card: row.id ? (row as CardForAnswer) : null,
    desiredRetention: row.desiredRetention ?? DEFAULT_SETTINGS.desiredRetention,
    rolloverHour: row.rolloverHour ?? DEFAULT_SETTINGS.rolloverHour,
    weights: row.weights ?? undefined,
    timing: row.medianMs !== null ? { medianMs: row.medianMs, answers: row.timedAnswers ?? 0 } : null,
    alreadyRecorded: row.logId !== null,
  };
}

export interface AppendedAnswer {
  userId: string;
  card: CardForAnswer;
  source: AnswerSource;
  idempotencyKey: string;
  seed: string;
  response: unknown;
  correct: boolean;
  score: number;
  rating: ReviewRating;
  durationMs: number;
  answeredAt: Date;
  timeZone: string;
  desiredRetention: number;
  rolloverHour: number;
  before: MemoryState;
  after: MemoryState;
  /**
   * The state the card moves to, when it is not `after`: an answer merged into the log at an earlier time leaves
   * the card at the replay of the whole log (lib/data/review/offline-sync.ts).
   */
  cardState?: MemoryState;
}

/** The option ids a choice answer picked, as stored for item analysis ("b", "a,c"); null for other kinds. */
export function choiceOf(response: unknown): string | null {
  const r = response as { optionId?: string; optionIds?: string[] };
  return r.optionId ?? (r.optionIds ? r.optionIds.join(',') : null);
}

/** True retention counts an answer to a card in long-term review last answered on an earlier learner day. */
export function recallEligible(before: MemoryState, at: Date, timeZone: string, rolloverHour: number): boolean {
  return (
    before.phase === 'review' &&
    before.lastReview !== null &&
    learnerDayKey(at, timeZone, rolloverHour) > learnerDayKey(before.lastReview, timeZone, rolloverHour)
  );
}

/** The new log row's id, or null when the card moved on since `card.version` (nothing was written). */
export async function appendAnswer(a: AppendedAnswer): Promise<string | null> {
  const next = rowOfMemory(a.cardState ?? a.after);
  const rows = await sql<{ id: string }>(
    'answer-append',
    `WITH moved AS (
       UPDATE "Card" SET
         "phase" = $1::"CardPhase", "due" = $2::timestamp(3), "stability" = $3, "difficulty" = $4,
         "scheduledDays" = $5, "learningSteps" = $6, "reps" = $7, "lapses" = $8, "lastReview" = $9::timestamp(3),
         "version" = "version" + 1
       WHERE "id" = $10::uuid AND "version" = $11
       RETURNING "id"
     )
     INSERT INTO "ReviewLog" ("id", "userId", "cardId", "itemId", "source", "idempotencyKey", "seed", "response",
       "correct", "score", "rating", "durationMs", "answeredAt", "timeZone", "desiredRetention", "cardVersionBefore",
       "cardVersionAfter", "firstAttempt", "recallEligible", "choice", "stateBefore", "stateAfter")
     SELECT gen_random_uuid(), $12::uuid, moved."id", $13, $14::"AnswerSource", $15, $16, $17::jsonb, $18, $19,
       $20::"ReviewRating", $21, $22::timestamp(3), $23, $24, $11, $11 + 1, $25, $26, $27, $28::jsonb, $29::jsonb
     FROM moved
     RETURNING "id"::text AS "id"`,
    [
      next.phase,
      next.due,
      next.stability,
      next.difficulty,
      next.scheduledDays,
      next.learningSteps,
      next.reps,
      next.lapses,
      next.lastReview,
      a.card.id,
      a.card.version,
      a.userId,
      a.card.itemId,
      a.source,
      a.idempotencyKey,
      a.seed,
      JSON.stringify(a.response),
      a.correct,
      a.score,
      a.rating,
      a.durationMs,
      a.answeredAt,
      a.timeZone,
      a.desiredRetention,
      a.before.phase === 'new',
      recallEligible(a.before, a.answeredAt, a.timeZone, a.rolloverHour),
      choiceOf(a.response),
      JSON.stringify(storeState(a.before)),
      JSON.stringify(storeState(a.after)),
    ],
  );
  return rows[0]?.id ?? null;
}
