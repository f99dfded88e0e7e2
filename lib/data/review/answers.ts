/**
 * Recording answers. Every answer, from the review screen, a lesson page or (later) a mock exam, goes through
 * `recordAnswer`: graded on the server, scheduled by FSRS, and written as one transaction that appends the review
 * log row and moves the card to its next version. Idempotent by the client's key; refused when the card changed
 * since it was shown. Undo and re-rating append a revocation and a new row; nothing is ever rewritten.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findItem, sourceView, type CourseCatalog, type SourceView } from '@/lib/content/catalog';
import type { Correction, Item } from '@/lib/content/schema';
import { feedbackFor, type Feedback } from '@/lib/domain/feedback';
import { schedule, type MemoryState, type ReviewRating } from '@/lib/domain/review/fsrs';
import {
  ADJUSTMENT_RATING,
  allowedAdjustments,
  estimatedAnswerMs,
  isSlow,
  ratingForAnswer,
  typicalAnswerMs,
  type Adjustment,
  type ObservedTiming,
} from '@/lib/domain/review/rating';
import type { Response } from '@/lib/domain/item-view';
import { Conflict, IdempotencyMismatch, NotFound } from '@/lib/errors';
import type { AnswerSource } from '@/lib/generated/prisma/enums';
import { Prisma } from '@/lib/generated/prisma/client';
import { parseOrThrow } from '@/lib/validation/parse';
import { responseSchema } from '@/lib/validation/response';
import { requireActor, type Actor } from '../actor';
import { ensureCard } from './deck.internal';
import { memoryOfRow, RATING_FROM_DB, RATING_TO_DB, readStoredState, rowOfMemory, storeState } from './memory.internal';
import { appendAnswer, loadForAnswer } from './answer-store.internal';
import { itemTiming } from './item-timings.internal';
import { settingsOf } from './settings.internal';
import { msg } from '@/lib/i18n/catalogue';

export interface AnswerResult extends Feedback {
  itemId: string;
  sources: SourceView[];
  editorNote: Pick<Correction, 'id' | 'original' | 'corrected' | 'reason' | 'kind'> | null;
  reviewLogId: string;
  cardId: string;
  /** The card's version after this answer: what the next answer or an undo must name. */
  cardVersion: number;
  rating: ReviewRating;
  /** Qualifications the learner may still make to this answer ("I guessed", "too easy", "hard"). */
  adjustments: Adjustment[];
  /** The answer was right but slow for this item: the screen proposes "Hard". */
  proposeHard: boolean;
  nextDue: string;
  /** When the answer was recorded (the server's time of the answer) and how long the learner took. */
  answeredAt: string;
  durationMs: number;
}

/** The seed that fixes option order for a card shown in review: it changes with every answer. */
export function reviewSeed(cardId: string, reps: number): string {
  return `card:${cardId}:${reps}`;
}

/** The seed for an item inside a lesson page: fixed per learner and item. */
export function lessonSeed(userId: string | null, itemId: string): string {
  return `lesson:${userId ?? 'guest'}:${itemId}`;
}

export const idempotencyKeySchema = z
  .string({ error: msg('validation.idempotencyKey') })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, msg('validation.idempotencyKey'))
  .describe(
    'A new random key for each new answer (a UUID will do): 8–64 characters, letters, digits, "-" or "_". Sending ' +
      'the same request again with the same key returns the first result and records nothing twice; the same key ' +
      'with a different body is refused with 422 (idempotency_mismatch).',
  );

export const submitAnswerSchema = z.object({
  cardId: z.uuid({ error: msg('validation.cardInvalid') }),
  cardVersion: z
    .number({ error: msg('validation.cardVersion') })
    .int()
    .min(1),
  idempotencyKey: idempotencyKeySchema,
  response: responseSchema,
  durationMs: z
    .number({ error: msg('validation.duration') })
    .int()
    .min(0)
    .max(3_600_000),
});

function wordsIn(item: Item): number {
  const parts: string[] = [item.prompt];
  if ('options' in item) parts.push(...item.options.map((o) => o.text));
  if ('text' in item && typeof item.text === 'string') parts.push(item.text);
  if ('statement' in item && typeof item.statement === 'string') parts.push(item.statement);
  return parts.join(' ').split(/\s+/).length;
}

function present(
  catalog: CourseCatalog,
  item: Item,
  feedback: Feedback,
  log: {
    id: string;
    cardId: string;
    cardVersionAfter: number;
    rating: ReviewRating;
    durationMs: number;
    answeredAt: Date;
    stateAfter: MemoryState;
    revisable: boolean;
  },
  timing: ObservedTiming | null,
): AnswerResult {
  const note = item.editorNote ? catalog.course.corrections.find((c) => c.id === item.editorNote) : undefined;
  const adjustments = log.revisable && log.rating === 'good' ? allowedAdjustments(feedback.correct) : [];
  return {
    ...feedback,
    itemId: item.id,
    sources: item.sources.map((s) => sourceView(catalog, s)),
    editorNote: note
      ? { id: note.id, original: note.original, corrected: note.corrected, reason: note.reason, kind: note.kind }
      : null,
    reviewLogId: log.id,
    cardId: log.cardId,
    cardVersion: log.cardVersionAfter,
    rating: log.rating,
    adjustments,
    proposeHard:
      adjustments.includes('hard') &&
      isSlow(log.durationMs, typicalAnswerMs(timing, estimatedAnswerMs(item.kind, wordsIn(item)))),
    nextDue: log.stateAfter.due.toISOString(),
    answeredAt: log.answeredAt.toISOString(),
    durationMs: log.durationMs,
  };
}

type LogRow = Prisma.ReviewLogGetPayload<{ include: { revocation: true } }>;

/** The result of an answer already recorded, rebuilt from its log row (the same result the first request got). */
async function resultOfLog(log: LogRow): Promise<AnswerResult> {
  const found = await findItem(log.itemId);
  if (!found) throw new NotFound();
  const feedback = feedbackFor(found.item, log.response as Response, log.seed);
  return present(
    found.catalog,
    found.item,
    feedback,
    {
      id: log.id,
      cardId: log.cardId,
      cardVersionAfter: log.cardVersionAfter,
      rating: RATING_FROM_DB[log.rating],
      durationMs: log.durationMs,
      answeredAt: log.answeredAt,
      stateAfter: readStoredState(log.stateAfter),
      revisable: log.revocation === null,
    },
    await itemTiming(log.itemId),
  );
}

/** What an answer request asked for: a repeat under the same idempotency key must ask for exactly this again. */
interface AnswerRequest {
  cardId: string;
  expectedVersion: number | null;
  response: Response;
  durationMs: number;
}

/** JSON with object keys sorted: the stored response comes back from jsonb with its keys in jsonb's order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The result of an answer already recorded under this key, when the request is the same one again; 422 when the key
 * comes back with a different request. The log row holds every field of the request it recorded (card, version
 * shown, response, time), and it is never updated, so comparing with it is as good as a stored hash of the body,
 * and as safe after the failed insert as inside it.
 */
async function existingAnswer(
  userId: string,
  idempotencyKey: string,
  request: AnswerRequest,
): Promise<AnswerResult | null> {
  const log = await db().reviewLog.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    include: { revocation: true },
  });
  if (!log) return null;
  const same =
    log.cardId === request.cardId &&
    (request.expectedVersion === null || log.cardVersionBefore === request.expectedVersion) &&
    log.durationMs === request.durationMs &&
    canonical(log.response) === canonical(request.response);
  if (!same) throw new IdempotencyMismatch();
  return resultOfLog(log);
}

interface RecordInput {
  userId: string;
  timeZone: string;
  cardId: string;
  /** The version the learner was shown; null accepts the current one (answers inside a lesson page). */
  expectedVersion: number | null;
  idempotencyKey: string;
  response: Response;
  durationMs: number;
  source: AnswerSource;
  seedOf: (card: { id: string; reps: number }) => string;
  now: Date;
}

async function recordAnswer(input: RecordInput): Promise<AnswerResult> {
  const context = await loadForAnswer(input.userId, input.cardId, input.idempotencyKey);
  if (context.alreadyRecorded) return (await existingAnswer(input.userId, input.idempotencyKey, input))!;
  const card = context.card;
  if (!card) throw new NotFound('errors.cardNotFound');
  const found = await findItem(card.itemId);
  if (!found) throw new NotFound();
  if (input.expectedVersion !== null && card.version !== input.expectedVersion) {
    throw new Conflict('errors.cardChanged');
  }

  const seed = input.seedOf(card);
  const feedback = feedbackFor(found.item, input.response, seed);
  const rating = ratingForAnswer(feedback.correct);
  const before = memoryOfRow(card);
  const after = schedule(before, rating, input.now, {
    desiredRetention: context.desiredRetention,
    weights: context.weights,
  });

  let logId: string | null;
  try {
    logId = await appendAnswer({
      userId: input.userId,
      card,
      source: input.source,
      idempotencyKey: input.idempotencyKey,
      seed,
      response: input.response,
      correct: feedback.correct,
      score: feedback.score,
      rating: RATING_TO_DB[rating],
      durationMs: input.durationMs,
      answeredAt: input.now,
      timeZone: input.timeZone,
      desiredRetention: context.desiredRetention,
      rolloverHour: context.rolloverHour,
      before,
      after,
    });
  } catch (error) {
    // The key was taken between our read and our write (the same answer sent twice at once): nothing of this
    // statement was applied; the other request's result is the answer.
    const again = await existingAnswer(input.userId, input.idempotencyKey, input);
    if (again) return again;
    throw error;
  }
  if (logId === null) {
    // Another request moved the card first: the same answer sent twice, or a genuinely stale screen.
    const again = await existingAnswer(input.userId, input.idempotencyKey, input);
    if (again) return again;
    throw new Conflict('errors.cardChanged');
  }
  return present(
    found.catalog,
    found.item,
    feedback,
    {
      id: logId,
      cardId: card.id,
      cardVersionAfter: card.version + 1,
      rating,
      durationMs: input.durationMs,
      answeredAt: input.now,
      stateAfter: after,
      revisable: true,
    },
    context.timing,
  );
}

/**
 * A mock-exam answer as evidence of memory: recorded in the review log with source EXAM and applied to the card like
 * a review (the card is created if the item was not in the deck). Idempotent by the exam and question.
 */
export async function recordExamAnswer(input: {
  userId: string;
  timeZone: string;
  examId: string;
  position: number;
  itemId: string;
  seed: string;
  response: Response;
  answeredAt: Date;
}): Promise<AnswerResult> {
  const found = await findItem(input.itemId);
  if (!found) throw new NotFound();
  const card = await ensureCard(input.userId, found.catalog, input.itemId, input.answeredAt);
  return recordAnswer({
    userId: input.userId,
    timeZone: input.timeZone,
    cardId: card.id,
    expectedVersion: null,
    idempotencyKey: `exam-${input.examId}-${input.position}`,
    response: input.response,
    durationMs: 0,
    source: 'EXAM',
    seedOf: () => input.seed,
    now: input.answeredAt,
  });
}

/** An answer on the review screen (or through the API) for a card the learner was shown. */
export async function submitAnswer(actor: Actor | null, input: unknown, now: Date): Promise<AnswerResult> {
  const a = requireActor(actor);
  const parsed = parseOrThrow(submitAnswerSchema, input);
  return recordAnswer({
    userId: a.id,
    timeZone: a.timeZone,
    cardId: parsed.cardId,
    expectedVersion: parsed.cardVersion,
    idempotencyKey: parsed.idempotencyKey,
    response: parsed.response,
    durationMs: parsed.durationMs,
    source: 'REVIEW',
    seedOf: (card) => reviewSeed(card.id, card.reps),
    now,
  });
}

const lessonAnswerSchema = z.object({
  itemId: z.string().regex(/^[a-z]{2}-\d{3}$/, msg('validation.itemInvalid')),
  idempotencyKey: idempotencyKeySchema,
  response: responseSchema,
  durationMs: z.number().int().min(0).max(3_600_000).default(0),
});

/** An answer given inside a lesson page: the item joins the learner's deck and the answer counts as a review. */
export async function answerInLesson(actor: Actor | null, input: unknown, now: Date): Promise<AnswerResult> {
  const a = requireActor(actor);
  const parsed = parseOrThrow(lessonAnswerSchema, input);
  const found = await findItem(parsed.itemId);
  const row = await db().item.findUnique({ where: { id: parsed.itemId }, select: { retiredAt: true } });
  if (!found || !row || row.retiredAt) throw new NotFound();
  const card = await ensureCard(a.id, found.catalog, parsed.itemId, now);
  return recordAnswer({
    userId: a.id,
    timeZone: a.timeZone,
    cardId: card.id,
    expectedVersion: null,
    idempotencyKey: parsed.idempotencyKey,
    response: parsed.response,
    durationMs: parsed.durationMs,
    source: 'LESSON',
    seedOf: () => lessonSeed(a.id, parsed.itemId),
    now,
  });
}

const adjustSchema = z.object({
  reviewLogId: z.uuid({ error: msg('errors.answerNotFound') }),
  adjustment: z.enum(['guessed', 'easy', 'hard'], { error: msg('validation.adjustmentInvalid') }),
});

/**
 * "I guessed" / "too easy" / "hard" after a right answer: the answer is re-rated. The original row is revoked
 * (reason RERATED) and a new row with the new rating is appended, scheduled from the same state and time.
 */
export async function adjustAnswer(actor: Actor | null, input: unknown): Promise<AnswerResult> {
  const a = requireActor(actor);
  const { reviewLogId, adjustment } = parseOrThrow(adjustSchema, input);
  const log = await db().reviewLog.findFirst({
    where: { id: reviewLogId, userId: a.id },
    include: { revocation: true },
  });
  if (!log) throw new NotFound('errors.answerNotFound');
  const idempotencyKey = `${log.id}-${adjustment}`;
  const replay = await db().reviewLog.findUnique({
    where: { userId_idempotencyKey: { userId: a.id, idempotencyKey } },
    include: { revocation: true },
  });
  if (replay) return resultOfLog(replay);
  if (log.revocation || !log.correct || log.rating !== 'GOOD' || (await answeredLaterOnCard(log)))
    throw new Conflict('errors.cannotAdjust');

  const rating = ADJUSTMENT_RATING[adjustment];
  const before = readStoredState(log.stateBefore);
  const { weights } = await settingsOf(a.id);
  const after = schedule(before, rating, log.answeredAt, {
    desiredRetention: log.desiredRetention,
    weights: weights ?? undefined,
  });
  const created = await db().$transaction(async (tx) => {
    const moved = await tx.card.updateMany({
      where: { id: log.cardId, version: log.cardVersionAfter },
      data: { ...rowOfMemory(after), version: log.cardVersionAfter + 1 },
    });
    if (moved.count !== 1) throw new Conflict('errors.cardChanged');
    await tx.reviewRevocation.create({ data: { reviewLogId: log.id, reason: 'RERATED', at: log.answeredAt } });
    return tx.reviewLog.create({
      data: {
        userId: a.id,
        cardId: log.cardId,
        itemId: log.itemId,
        source: log.source,
        idempotencyKey,
        seed: log.seed,
        response: log.response as Prisma.InputJsonValue,
        correct: log.correct,
        score: log.score,
        rating: RATING_TO_DB[rating],
        durationMs: log.durationMs,
        answeredAt: log.answeredAt,
        timeZone: log.timeZone,
        desiredRetention: log.desiredRetention,
        cardVersionBefore: log.cardVersionAfter,
        cardVersionAfter: log.cardVersionAfter + 1,
        firstAttempt: log.firstAttempt,
        recallEligible: log.recallEligible,
        choice: log.choice,
        stateBefore: log.stateBefore as Prisma.InputJsonValue,
        stateAfter: storeState(after),
        revisesId: log.id,
      },
      include: { revocation: true },
    });
  });
  return resultOfLog(created);
}

/** Whether a later answer (in time) still counts on the same card, as after a sync merged answers from two devices. */
async function answeredLaterOnCard(log: { id: string; cardId: string; answeredAt: Date }): Promise<boolean> {
  const later = await db().reviewLog.count({
    where: { cardId: log.cardId, id: { not: log.id }, revocation: null, answeredAt: { gt: log.answeredAt } },
  });
  return later > 0;
}

export const undoAnswerSchema = z.object({ reviewLogId: z.uuid({ error: msg('errors.answerNotFound') }).optional() });

export interface UndoResult {
  undoneReviewLogId: string;
  cardId: string;
  cardVersion: number;
}

/**
 * Undoes the learner's last answer (or the named one, if it is still the last on its card): the card returns to
 * exactly the state it had before, and the answer is marked UNDONE in the log, not erased.
 */
export async function undoAnswer(actor: Actor | null, input: unknown, now: Date): Promise<UndoResult> {
  const a = requireActor(actor);
  const { reviewLogId } = parseOrThrow(undoAnswerSchema, input ?? {});
  const log = await db().reviewLog.findFirst({
    where: { userId: a.id, revocation: null, ...(reviewLogId ? { id: reviewLogId } : {}) },
    orderBy: { seq: 'desc' },
  });
  if (!log) throw new NotFound('errors.nothingToUndo');
  // An answer merged from another device may sit before later ones in time: going back to its state before would
  // drop theirs, so only the card's latest answer in time can be undone.
  if (await answeredLaterOnCard(log)) throw new Conflict('errors.cannotUndo');
  const before = readStoredState(log.stateBefore);
  await db().$transaction(async (tx) => {
    const moved = await tx.card.updateMany({
      where: { id: log.cardId, version: log.cardVersionAfter },
      data: { ...rowOfMemory(before), version: log.cardVersionAfter + 1 },
    });
    if (moved.count !== 1) throw new Conflict('errors.cannotUndo');
    await tx.reviewRevocation.create({ data: { reviewLogId: log.id, reason: 'UNDONE', at: now } });
  });
  return { undoneReviewLogId: log.id, cardId: log.cardId, cardVersion: log.cardVersionAfter + 1 };
}
