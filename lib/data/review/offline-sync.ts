/**
 * Answers given without a connection, arriving later in one batch (a phone back online, or any API client that
 * queued answers). Each answer keeps the time it was given and the card version it was shown at.
 *
 * The rule, answer by answer, oldest first:
 * - **duplicate**: its idempotency key was already recorded (a sync sent twice): the first recording stands;
 * - **rejected**: the card is not the learner's, the time is more than 5 minutes ahead of the server's clock or
 *   more than 30 days old, or the key was used with another body;
 * - **accepted**: the card is still at the version the learner saw, so the answer is recorded as if it had arrived
 *   at its own time (graded and scheduled exactly as on the review screen);
 * - **merged**: the card moved on since it was shown (the learner answered it on another device, or online in
 *   between). Both answers count: the new one joins the review log at its own time, and the card becomes the
 *   replay of its log in time order, as Anki merges review logs. Syncing two devices in either order therefore
 *   ends in the same card.
 * The review log stays append-only; only the card (a cache of the log) is recomputed.
 */
import { z } from 'zod';
import { findItem } from '@/lib/content/catalog';
import { db } from '@/lib/db/client';
import { feedbackFor } from '@/lib/domain/feedback';
import { schedule, type ReviewRating } from '@/lib/domain/review/fsrs';
import { ratingForAnswer } from '@/lib/domain/review/rating';
import type { Card, ReviewLog } from '@/lib/generated/prisma/client';
import { Conflict } from '@/lib/errors';
import type { Item } from '@/lib/content/schema';
import { msg } from '@/lib/i18n/catalogue';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, type Actor } from '../actor';
import { appendAnswer } from './answer-store.internal';
import { canonical, reviewSeed, submitAnswerSchema } from './answers';
import { memoryOfRow, RATING_FROM_DB, RATING_TO_DB, readStoredState, rowOfMemory, storeState } from './memory.internal';
import { replay, type ReplayedAnswer } from './rebuild.internal';
import { settingsOf, type ReviewSettingsView } from './settings.internal';

export const OFFLINE_SYNC = { maxAnswers: 500, maxAgeDays: 30, clockSkewMinutes: 5 } as const;

export const offlineAnswerSchema = submitAnswerSchema.extend({
  answeredAt: z.iso
    .datetime({ offset: true, error: msg('validation.answeredAt') })
    .describe('When the learner answered, by the device clock, with its offset (ISO 8601).'),
});

export const syncAnswersSchema = z.object({
  answers: z
    .array(offlineAnswerSchema)
    .min(1, msg('validation.offlineBatch'))
    .max(OFFLINE_SYNC.maxAnswers, msg('validation.offlineBatch')),
});

export type RejectionReason = 'card_not_found' | 'answered_in_future' | 'too_old' | 'idempotency_mismatch';

export interface SyncedAnswer {
  idempotencyKey: string;
  cardId: string;
  status: 'accepted' | 'merged' | 'duplicate' | 'rejected';
  reason?: RejectionReason;
  reviewLogId?: string;
  correct?: boolean;
  rating?: ReviewRating;
  /** The card's version and next due time after this answer (after the replay, for a merged one). */
  cardVersion?: number;
  nextDue?: string;
}

type OfflineAnswer = z.infer<typeof offlineAnswerSchema>;

/** Records a batch of offline answers, oldest first; the results come back in the order sent. */
export async function syncOfflineAnswers(
  actor: Actor | null,
  input: unknown,
  now: Date,
): Promise<{ results: SyncedAnswer[] }> {
  const a = requireActor(actor);
  const { answers } = parseOrThrow(syncAnswersSchema, input);
  const order = answers
    .map((answer, index) => ({ answer, index, at: Date.parse(answer.answeredAt) }))
    .sort((x, y) => x.at - y.at || x.index - y.index);
  // What the batch needs from the database, read once: earlier recordings of its keys, its cards, the settings.
  const [recorded, cards, settings] = await Promise.all([
    db().reviewLog.findMany({
      where: { userId: a.id, idempotencyKey: { in: answers.map((x) => x.idempotencyKey) } },
    }),
    db().card.findMany({ where: { userId: a.id, id: { in: [...new Set(answers.map((x) => x.cardId))] } } }),
    settingsOf(a.id),
  ]);
  const batch: Batch = {
    actor: a,
    now,
    settings,
    recorded: new Map(recorded.map((l) => [l.idempotencyKey, l])),
    cards: new Map(cards.map((c) => [c.id, c])),
  };
  const results: SyncedAnswer[] = new Array(answers.length);
  for (const { answer, index } of order) results[index] = await syncOne(batch, answer);
  return { results };
}

/** What a recorded answer must show to be recognised when its key comes back. */
type RecordedRow = Pick<
  ReviewLog,
  'id' | 'cardId' | 'durationMs' | 'answeredAt' | 'response' | 'correct' | 'rating' | 'cardVersionAfter' | 'stateAfter'
>;

interface Batch {
  actor: Actor;
  now: Date;
  settings: ReviewSettingsView;
  /** Log rows by idempotency key: recorded before this sync, or earlier in it. */
  recorded: Map<string, RecordedRow>;
  /** The batch's cards as they are now (kept up to date as its answers are recorded). */
  cards: Map<string, Card>;
}

async function syncOne(batch: Batch, answer: OfflineAnswer): Promise<SyncedAnswer> {
  const base = { idempotencyKey: answer.idempotencyKey, cardId: answer.cardId };
  const at = new Date(answer.answeredAt);
  if (at.getTime() > batch.now.getTime() + OFFLINE_SYNC.clockSkewMinutes * 60_000)
    return { ...base, status: 'rejected', reason: 'answered_in_future' };
  if (at.getTime() < batch.now.getTime() - OFFLINE_SYNC.maxAgeDays * 86_400_000)
    return { ...base, status: 'rejected', reason: 'too_old' };

  const earlier = batch.recorded.get(answer.idempotencyKey);
  if (earlier) return { ...base, ...recordedAs(earlier, answer) };
  const card = batch.cards.get(answer.cardId);
  if (!card) return { ...base, status: 'rejected', reason: 'card_not_found' };
  const found = await findItem(card.itemId);
  if (!found) return { ...base, status: 'rejected', reason: 'card_not_found' };

  try {
    const unchanged = card.version === answer.cardVersion && (!card.lastReview || card.lastReview <= at);
    const outcome = unchanged ? await appendAtItsTime(batch, card, found.item, answer, at) : null;
    const done = outcome ?? (await mergeIntoLog(batch, card, found.item, answer, at));
    batch.recorded.set(answer.idempotencyKey, done.log);
    batch.cards.set(card.id, done.card);
    return { ...base, ...done.result };
  } catch (error) {
    // The same key recorded by a concurrent sync (or the review screen) between our read and our write: the unique
    // index refused the whole statement, and the other recording is the answer.
    const log = await db().reviewLog.findUnique({
      where: { userId_idempotencyKey: { userId: batch.actor.id, idempotencyKey: answer.idempotencyKey } },
    });
    if (log) return { ...base, ...recordedAs(log, answer) };
    throw error;
  }
}

/** How an answer with this key was recorded before; the same key with a different body is refused. */
function recordedAs(log: RecordedRow, answer: OfflineAnswer): Omit<SyncedAnswer, 'idempotencyKey' | 'cardId'> {
  const same =
    log.cardId === answer.cardId &&
    log.durationMs === answer.durationMs &&
    log.answeredAt.getTime() === new Date(answer.answeredAt).getTime() &&
    canonical(log.response) === canonical(answer.response);
  if (!same) return { status: 'rejected', reason: 'idempotency_mismatch' };
  return {
    status: 'duplicate',
    reviewLogId: log.id,
    correct: log.correct,
    rating: RATING_FROM_DB[log.rating],
    cardVersion: log.cardVersionAfter,
    nextDue: readStoredState(log.stateAfter).due.toISOString(),
  };
}

interface Recorded {
  log: RecordedRow;
  card: Card;
  result: Omit<SyncedAnswer, 'idempotencyKey' | 'cardId'>;
}

function paramsOf(settings: ReviewSettingsView) {
  return { desiredRetention: settings.desiredRetention, weights: settings.weights ?? undefined };
}

/**
 * The card is still at the version the learner saw: graded and scheduled as the review screen would have been at
 * that moment, in the one statement that moves the card and appends the log row (null if the card moved meanwhile).
 */
async function appendAtItsTime(
  batch: Batch,
  card: Card,
  item: Item,
  answer: OfflineAnswer,
  at: Date,
): Promise<Recorded | null> {
  const seed = reviewSeed(card.id, card.reps);
  const feedback = feedbackFor(item, answer.response, seed);
  const rating = ratingForAnswer(feedback.correct);
  const before = memoryOfRow(card);
  const after = schedule(before, rating, at, paramsOf(batch.settings));
  const appended = {
    userId: batch.actor.id,
    card,
    source: 'REVIEW' as const,
    idempotencyKey: answer.idempotencyKey,
    seed,
    response: answer.response,
    correct: feedback.correct,
    score: feedback.score,
    rating: RATING_TO_DB[rating],
    durationMs: answer.durationMs,
    answeredAt: at,
    timeZone: batch.actor.timeZone,
    desiredRetention: batch.settings.desiredRetention,
    rolloverHour: batch.settings.rolloverHour,
    before,
    after,
  };
  const id = await appendAnswer(appended);
  if (id === null) {
    // Answered online at the same moment: read the card again and merge instead.
    batch.cards.set(card.id, await db().card.findUniqueOrThrow({ where: { id: card.id } }));
    return null;
  }
  const log: RecordedRow = {
    id,
    cardId: card.id,
    durationMs: answer.durationMs,
    answeredAt: at,
    response: answer.response,
    correct: feedback.correct,
    rating: RATING_TO_DB[rating],
    cardVersionAfter: card.version + 1,
    stateAfter: storeState(after),
  };
  return {
    log,
    card: { ...card, ...rowOfMemory(after), version: card.version + 1 },
    result: {
      status: 'accepted',
      reviewLogId: id,
      correct: feedback.correct,
      rating,
      cardVersion: card.version + 1,
      nextDue: after.due.toISOString(),
    },
  };
}

/**
 * Appends the answer at its own time and moves the card to the replay of its whole log in time order. Optimistic:
 * the log is read, and the one statement that appends and moves the card applies only if the card is still at the
 * version read (every answer, undo or re-rating moves it), otherwise it reads again.
 */
async function mergeIntoLog(batch: Batch, known: Card, item: Item, answer: OfflineAnswer, at: Date): Promise<Recorded> {
  const { settings, actor } = batch;
  const params = paramsOf(settings);
  for (let attempt = 0; attempt < 5; attempt++) {
    // The card's version and every answer to it, with whether it still counts (undone or re-rated ones do not).
    const rows = await db().$queryRaw<
      {
        version: number;
        reps: number;
        createdAt: Date;
        rating: ReplayedAnswer['rating'] | null;
        answeredAt: Date | null;
        desiredRetention: number | null;
        cardVersionAfter: number | null;
        stateAfter: unknown;
        revoked: boolean;
      }[]
    >`
      SELECT c."version", c."reps", c."createdAt", l."rating"::text AS "rating", l."answeredAt", l."desiredRetention",
             l."cardVersionAfter", l."stateAfter", r."reviewLogId" IS NOT NULL AS "revoked"
      FROM "Card" c
      LEFT JOIN "ReviewLog" l ON l."cardId" = c."id"
      LEFT JOIN "ReviewRevocation" r ON r."reviewLogId" = l."id"
      WHERE c."id" = ${known.id}::uuid
      ORDER BY l."answeredAt", l."seq"`;
    const card = rows[0]!;
    const answers = rows.filter((r) => r.answeredAt !== null);
    // The screen was drawn with the card's repetitions at the version shown (options, steps and pairs are ordered
    // by it, so grading a matching or an ordering needs it): the answer that produced that version says how many.
    const shownAfter = answers.find((r) => r.cardVersionAfter === answer.cardVersion);
    const reps = answer.cardVersion <= 1 ? 0 : shownAfter ? readStoredState(shownAfter.stateAfter).reps : card.reps;
    const seed = reviewSeed(known.id, reps);
    const feedback = feedbackFor(item, answer.response, seed);
    const rating = ratingForAnswer(feedback.correct);
    const counting = answers.filter((r) => !r.revoked) as ReplayedAnswer[];
    const earlier = counting.filter((l) => l.answeredAt <= at);
    const before = replay(card.createdAt, earlier, settings.desiredRetention, params.weights);
    const after = schedule(before, rating, at, params);
    const inTimeOrder = [
      ...earlier,
      { rating: RATING_TO_DB[rating], answeredAt: at, desiredRetention: settings.desiredRetention },
      ...counting.filter((l) => l.answeredAt > at),
    ];
    const state = replay(card.createdAt, inTimeOrder, settings.desiredRetention, params.weights);
    const id = await appendAnswer({
      userId: actor.id,
      card: { ...known, version: card.version },
      source: 'REVIEW',
      idempotencyKey: answer.idempotencyKey,
      seed,
      response: answer.response,
      correct: feedback.correct,
      score: feedback.score,
      rating: RATING_TO_DB[rating],
      durationMs: answer.durationMs,
      answeredAt: at,
      timeZone: actor.timeZone,
      desiredRetention: settings.desiredRetention,
      rolloverHour: settings.rolloverHour,
      before,
      after,
      cardState: state,
    });
    if (id === null) continue; // the card moved between the read and the write: read again
    const version = card.version + 1;
    return {
      log: {
        id,
        cardId: known.id,
        durationMs: answer.durationMs,
        answeredAt: at,
        response: answer.response,
        correct: feedback.correct,
        rating: RATING_TO_DB[rating],
        cardVersionAfter: version,
        stateAfter: storeState(after),
      },
      card: { ...known, ...rowOfMemory(state), version },
      result: {
        status: 'merged',
        reviewLogId: id,
        correct: feedback.correct,
        rating,
        cardVersion: version,
        nextDue: state.due.toISOString(),
      },
    };
  }
  throw new Conflict('errors.cardChanged');
}
