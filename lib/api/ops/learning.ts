/**
 * Operations of a learner's own study beyond the review queue: the course catalogue, the deck, answering inside a
 * lesson, qualifying a right answer (the browser's G/H/E), the review history and one card's memory. Each calls one
 * lib/data function, which checks the actor.
 */
import { z } from 'zod';
import { getCourseOutline, listCourses } from '@/lib/data/courses';
import { adjustAnswer, answerInLesson, idempotencyKeySchema } from '@/lib/data/review/answers';
import { addToDeck, addToDeckSchema, listDeck } from '@/lib/data/review/deck-api';
import { getCard, listReviews, reviewQuerySchema } from '@/lib/data/review/history';
import { OFFLINE_SYNC, syncAnswersSchema, syncOfflineAnswers } from '@/lib/data/review/offline-sync';
import { responseSchema } from '@/lib/validation/response';
import { defineOperation } from '../operation';
import {
  answerResultSchema,
  cardDetailSchema,
  courseListSchema,
  courseOutlineSchema,
  deckAddResultSchema,
  deckSchema,
  reviewPageSchema,
  syncResultSchema,
} from '../schemas';

const slugParam = z.string().regex(/^[a-z0-9-]{1,80}$/, 'validation.idInvalid');
const uuidParam = z.uuid({ error: 'validation.idInvalid' });

export const listCoursesOp = defineOperation({
  operationId: 'listCourses',
  method: 'GET',
  path: '/courses',
  summary: 'The courses Ingat offers',
  tags: ['courses'],
  auth: 'user',
  response: courseListSchema,
  handler: async ({ actor }) => ({ courses: await listCourses(actor) }),
});

export const getCourseOp = defineOperation({
  operationId: 'getCourse',
  method: 'GET',
  path: '/courses/{courseId}',
  summary: 'A course and its lessons in order, with how much of each is in the caller’s deck',
  tags: ['courses'],
  auth: 'user',
  params: z.object({ courseId: slugParam }),
  response: courseOutlineSchema,
  errors: ['not_found'],
  handler: ({ actor, params }) => getCourseOutline(actor, params.courseId),
});

export const getDeckOp = defineOperation({
  operationId: 'getDeck',
  method: 'GET',
  path: '/deck',
  summary: 'The lessons in the caller’s deck, with their card counts',
  description: 'A new learner’s deck is empty: add a lesson or a course with addToDeck, or join a class.',
  tags: ['deck'],
  auth: 'user',
  response: deckSchema,
  handler: async ({ actor }) => ({ lessons: await listDeck(actor) }),
});

export const addToDeckOp = defineOperation({
  operationId: 'addToDeck',
  method: 'POST',
  path: '/deck',
  summary: 'Add a lesson (or a whole course) to the caller’s deck',
  description:
    'Its active questions become new cards, introduced by the daily new-card limit. Adding again is harmless ' +
    '(added: 0). There is no removal, in the app or here: a card’s history stays part of the learner’s record.',
  tags: ['deck'],
  auth: 'user',
  body: addToDeckSchema,
  response: deckAddResultSchema,
  errors: ['not_found'],
  handler: ({ actor, body, now }) => addToDeck(actor, body, now),
});

export const answerInLessonOp = defineOperation({
  operationId: 'answerInLesson',
  method: 'POST',
  path: '/items/{itemId}/answers',
  summary: 'Answer a question inside a lesson',
  description:
    'As on a lesson page: the item joins the caller’s deck if it was not there, and the answer counts as a review ' +
    'of its card whatever the card’s due date. Options are shown in a fixed order per learner and item. ' +
    'Idempotent by idempotencyKey, like submitAnswer (422 when the key comes back with a different body).',
  tags: ['review'],
  auth: 'user',
  params: z.object({ itemId: z.string().regex(/^[a-z]{2}-\d{3}$/, 'validation.itemInvalid') }),
  body: z.object({
    idempotencyKey: idempotencyKeySchema,
    response: responseSchema,
    durationMs: z.number({ error: 'validation.duration' }).int().min(0).max(3_600_000).optional(),
  }),
  response: answerResultSchema,
  errors: ['not_found', 'idempotency_mismatch'],
  limit: 'answers',
  handler: ({ actor, params, body, now }) => answerInLesson(actor, { ...body, itemId: params.itemId }, now),
});

export const adjustAnswerOp = defineOperation({
  operationId: 'adjustAnswer',
  method: 'POST',
  path: '/review/answers/{reviewLogId}/adjustment',
  summary: 'Qualify a right answer: guessed, hard or easy (the browser’s G/H/E)',
  description:
    'Allowed for the values in the answer’s `adjustments`: the latest answer to its card, right, rated "good", ' +
    'not revised yet. The answer is re-rated ("guessed" → again, "hard" → hard, "easy" → easy) and rescheduled ' +
    'from the same state and time: the original row is marked "rerated" in the log and a new row with the new ' +
    'rating is appended. Sending the same adjustment again returns the same result. 409 when the answer cannot ' +
    'be qualified (wrong, already qualified, or the card was answered since).',
  tags: ['review'],
  auth: 'user',
  params: z.object({ reviewLogId: uuidParam }),
  body: z.object({
    adjustment: z.enum(['guessed', 'easy', 'hard'], { error: 'validation.adjustmentInvalid' }),
  }),
  response: answerResultSchema,
  errors: ['not_found', 'conflict'],
  handler: ({ actor, params, body }) => adjustAnswer(actor, { reviewLogId: params.reviewLogId, ...body }),
});

export const listReviewsOp = defineOperation({
  operationId: 'listReviews',
  method: 'GET',
  path: '/reviews',
  summary: 'The caller’s answers, newest first, paged by cursor',
  description:
    'Every answer from review, lessons and mock exams, including undone and re-rated ones (marked in `revoked`): ' +
    'the log is append-only, so a page once read never changes, and new answers appear only before the first page.',
  tags: ['review'],
  auth: 'user',
  query: reviewQuerySchema,
  response: reviewPageSchema,
  handler: ({ actor, query }) => listReviews(actor, query),
});

export const getCardOp = defineOperation({
  operationId: 'getCard',
  method: 'GET',
  path: '/cards/{cardId}',
  summary: 'One of the caller’s cards with its memory state',
  description:
    'FSRS state: stability (days until recall falls to 90%), difficulty (1–10), retrievability now (recall ' +
    'probability with the learner’s own weights), due date, repetitions and lapses.',
  tags: ['review'],
  auth: 'user',
  params: z.object({ cardId: uuidParam }),
  response: cardDetailSchema,
  errors: ['not_found'],
  handler: ({ actor, params, now }) => getCard(actor, params.cardId, now),
});

export const syncOfflineAnswersOp = defineOperation({
  operationId: 'syncOfflineAnswers',
  method: 'POST',
  path: '/review/sync',
  summary: 'Send answers given offline',
  description:
    `Up to ${OFFLINE_SYNC.maxAnswers} answers given without a connection, each with the time it was given (\`answeredAt\`, the device ` +
    'clock) and the card version it was shown at. They are recorded oldest first, each idempotent by its key, and ' +
    'the result lists every answer in the order sent: `accepted` (the card was still at that version: recorded as ' +
    'if it had arrived then), `merged` (the card had moved on, e.g. answered on another device: both answers count, ' +
    'this one joins the review log at its own time and the card is replayed from the log in time order, so two ' +
    'devices synced in either order end in the same card), `duplicate` (the key was recorded before) or `rejected` ' +
    `(\`card_not_found\`; \`answered_in_future\`, more than ${OFFLINE_SYNC.clockSkewMinutes} minutes ahead of the ` +
    `server; \`too_old\`, more than ${OFFLINE_SYNC.maxAgeDays} days; ` +
    '`idempotency_mismatch`, the key with another body). A rejected answer does not stop the others. Mock-exam ' +
    'answers cannot be sent this way. The body may be up to 512 KiB (other operations: 64 KiB).',
  tags: ['review'],
  auth: 'user',
  body: syncAnswersSchema,
  response: syncResultSchema,
  limit: 'offlineSync',
  // 500 answers with typed text run past the usual 64 KiB.
  maxBodyBytes: 512 * 1024,
  handler: ({ actor, body, now }) => syncOfflineAnswers(actor, body, now),
});
