/**
 * Reading the review log and a card's memory: a learner's own answers (newest first, paged by cursor), one card with
 * its FSRS state and recall probability now, and, for an instructor, a class member's answers limited to the class's
 * course (an instructor has no business with the student's other courses).
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { retrievability } from '@/lib/domain/review/fsrs';
import type { Prisma } from '@/lib/generated/prisma/client';
import { NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, type Actor } from '../actor';
import { classForInstructor, requireActiveMember } from '../classes/access.internal';
import { decodeCursor, DEFAULT_PAGE, pageInputSchema, pageOf, pageQuerySchema, type Page } from '../paging';
import { memoryOfRow, PHASE_FROM_DB, RATING_FROM_DB, readStoredState } from './memory.internal';
import { settingsOf } from './settings.internal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, 'validation.idInvalid');

const courseFilter = { courseId: slug.optional().describe('Only answers to this course’s questions.') };
/** listReviews' input; reviewQuerySchema is the same as a query string (for the API). */
const reviewInputSchema = pageInputSchema.extend(courseFilter);
export const reviewQuerySchema = pageQuerySchema.extend(courseFilter);

/** The order of the log, newest first: answer time, then recording order (a re-rating shares its answer's time). */
const cursorKey = z.object({ at: z.iso.datetime(), seq: z.string().regex(/^\d{1,20}$/) });

export interface ReviewView {
  id: string;
  cardId: string;
  itemId: string;
  courseId: string;
  lessonId: string;
  source: 'review' | 'lesson' | 'exam';
  correct: boolean;
  score: number;
  rating: 'again' | 'hard' | 'good' | 'easy';
  durationMs: number;
  answeredAt: string;
  /** The card's due date after this answer. */
  dueAfter: string;
  /** null: counts. 'undone': taken back by the learner. 'rerated': replaced by a later row with another rating. */
  revoked: 'undone' | 'rerated' | null;
  /** For a re-rating: the answer whose rating it replaced. */
  revisesId: string | null;
}

const include = { revocation: true, card: { select: { courseId: true, lessonId: true } } } as const;
type Row = Prisma.ReviewLogGetPayload<{ include: typeof include }>;

function viewOf(row: Row): ReviewView {
  return {
    id: row.id,
    cardId: row.cardId,
    itemId: row.itemId,
    courseId: row.card.courseId,
    lessonId: row.card.lessonId,
    source: row.source === 'REVIEW' ? 'review' : row.source === 'LESSON' ? 'lesson' : 'exam',
    correct: row.correct,
    score: row.score,
    rating: RATING_FROM_DB[row.rating],
    durationMs: row.durationMs,
    answeredAt: row.answeredAt.toISOString(),
    dueAfter: readStoredState(row.stateAfter).due.toISOString(),
    revoked: row.revocation ? (row.revocation.reason === 'UNDONE' ? 'undone' : 'rerated') : null,
    revisesId: row.revisesId,
  };
}

async function reviewsOf(userId: string, courseId: string | undefined, query: unknown): Promise<Page<ReviewView>> {
  const { cursor, limit = DEFAULT_PAGE } = parseOrThrow(pageInputSchema, query);
  const after = cursor ? decodeCursor(cursorKey, cursor) : null;
  const at = after ? new Date(after.at) : null;
  const rows = await db().reviewLog.findMany({
    where: {
      userId,
      ...(courseId ? { card: { courseId } } : {}),
      ...(after && at ? { OR: [{ answeredAt: { lt: at } }, { answeredAt: at, seq: { lt: BigInt(after.seq) } }] } : {}),
    },
    orderBy: [{ answeredAt: 'desc' }, { seq: 'desc' }],
    take: limit + 1,
    include,
  });
  return pageOf(rows, limit, (r) => ({ at: r.answeredAt.toISOString(), seq: String(r.seq) }), viewOf);
}

/** The actor's own answers, newest first, every one (undone and re-rated rows too, marked). */
export async function listReviews(actor: Actor | null, query: unknown): Promise<Page<ReviewView>> {
  const a = requireActor(actor);
  const { courseId } = parseOrThrow(reviewInputSchema, query);
  return reviewsOf(a.id, courseId, query);
}

/** A class member's answers to the class's course, for an instructor of the class (or an admin). */
export async function listStudentReviews(
  actor: Actor | null,
  classId: string,
  studentId: string,
  query: unknown,
): Promise<Page<ReviewView>> {
  const row = await classForInstructor(actor, classId);
  await requireActiveMember(classId, studentId);
  return reviewsOf(studentId, row.courseId, query);
}

export interface CardDetail {
  cardId: string;
  itemId: string;
  courseId: string;
  lessonId: string;
  version: number;
  phase: 'new' | 'learning' | 'review' | 'relearning';
  due: string;
  /** FSRS stability in days: the interval after which recall falls to 90%. 0 for a card never answered. */
  stabilityDays: number;
  /** FSRS difficulty, 1 (easy) to 10 (hard). 0 for a card never answered. */
  difficulty: number;
  /** Probability of recall at the time asked, from the learner's own weights; null for a card never answered. */
  retrievability: number | null;
  scheduledDays: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
}

/** One of the actor's cards with its memory state; another learner's card is not found. */
export async function getCard(actor: Actor | null, cardId: string, now: Date): Promise<CardDetail> {
  const a = requireActor(actor);
  if (!UUID.test(cardId)) throw new NotFound('errors.cardNotFound');
  const card = await db().card.findFirst({ where: { id: cardId, userId: a.id } });
  if (!card) throw new NotFound('errors.cardNotFound');
  const memory = memoryOfRow(card);
  const { weights } = await settingsOf(a.id);
  return {
    cardId: card.id,
    itemId: card.itemId,
    courseId: card.courseId,
    lessonId: card.lessonId,
    version: card.version,
    phase: PHASE_FROM_DB[card.phase],
    due: card.due.toISOString(),
    stabilityDays: card.stability,
    difficulty: card.difficulty,
    retrievability: retrievability(memory, now, { weights: weights ?? undefined }),
    scheduledDays: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.lastReview?.toISOString() ?? null,
  };
}
