/**
 * The shapes the API answers with. Request schemas are not here: operations use the very schemas lib/data parses
 * with (signUpSchema, submitAnswerSchema, …). Response schemas are checked both ways: a handler must return
 * something that fits (compile time), and the dispatcher parses every response through its schema, which drops
 * any field not named here (so a field added to a lib/data result is not published by accident).
 */
import { z } from 'zod';
import { AppError, HTTP_STATUS } from '@/lib/errors';
import { LOCALES } from '@/lib/i18n/locales';

const instant = z.iso.datetime();
const option = z.object({ id: z.string(), text: z.string() });

export const ERROR_CODES = [...(Object.keys(HTTP_STATUS) as AppError['code'][]), 'internal'] as const;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES).describe('Stable, machine-readable: branch on this, not on the message.'),
    message: z.string().describe('Human-readable, in the language chosen by Accept-Language (id or en).'),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('For code "invalid" and some "conflict": messages per field path, e.g. "response.optionId".'),
    requestId: z.string().optional().describe('For code "internal": quote it when reporting the problem.'),
  }),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['STUDENT', 'INSTRUCTOR', 'ADMIN']),
  locale: z.enum(LOCALES),
  timeZone: z.string(),
  createdAt: instant,
});

export const createdTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  token: z.string().describe('The token itself, shown this once. Send it as "Authorization: Bearer <token>".'),
  lastFour: z.string(),
  createdAt: instant,
});

/** What a learner sees of an item before answering: no answer key. Mirrors ItemView in lib/domain/item-view.ts. */
export const itemViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['single', 'scenario', 'multiple']),
    id: z.string(),
    prompt: z.string(),
    options: z.array(option),
  }),
  z.object({ kind: z.literal('truefalse'), id: z.string(), prompt: z.string() }),
  z.object({ kind: z.literal('cloze'), id: z.string(), prompt: z.string(), before: z.string(), after: z.string() }),
  z.object({ kind: z.literal('short'), id: z.string(), prompt: z.string() }),
  z.object({
    kind: z.literal('matching'),
    id: z.string(),
    prompt: z.string(),
    lefts: z.array(option),
    rights: z.array(option),
  }),
  z.object({ kind: z.literal('ordering'), id: z.string(), prompt: z.string(), steps: z.array(option) }),
]);

const phaseSchema = z.enum(['new', 'learning', 'review', 'relearning']);

export const reviewQueueSchema = z.object({
  next: z
    .object({
      cardId: z.uuid(),
      cardVersion: z.number().int().describe('Send it back with the answer: a changed card refuses a stale answer.'),
      phase: phaseSchema,
      lessonId: z.string(),
      lessonTitle: z.string(),
      courseId: z.string(),
      view: itemViewSchema,
    })
    .nullable()
    .describe('null when nothing is due now.'),
  counts: z.object({ learning: z.number().int(), review: z.number().int(), new: z.number().int() }),
  nextDueAt: instant.nullable(),
  unstartedNew: z.number().int(),
  answeredToday: z.number().int(),
  dayKey: z.string(),
});

const keyViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('options'), correctOptionIds: z.array(z.string()) }),
  z.object({ kind: z.literal('truefalse'), answer: z.boolean(), correction: z.string().optional() }),
  z.object({ kind: z.literal('text'), answers: z.array(z.string()) }),
  z.object({ kind: z.literal('matching'), pairs: z.record(z.string(), z.string()) }),
  z.object({ kind: z.literal('ordering'), order: z.array(z.string()) }),
]);

const ratingSchema = z.enum(['again', 'hard', 'good', 'easy']);

export const answerResultSchema = z.object({
  correct: z.boolean(),
  score: z.number(),
  withTypo: z.boolean(),
  key: keyViewSchema,
  optionFeedback: z.array(
    z.object({
      optionId: z.string(),
      text: z.string(),
      correct: z.boolean(),
      chosen: z.boolean(),
      feedback: z.string(),
    }),
  ),
  explanation: z.string(),
  itemId: z.string(),
  sources: z.array(
    z.object({ paragraph: z.string(), quote: z.string(), lesson: z.string().optional(), href: z.string() }),
  ),
  editorNote: z
    .object({
      id: z.string(),
      original: z.string(),
      corrected: z.string(),
      reason: z.string().optional(),
      kind: z.enum(['typo', 'meaning', 'note']),
    })
    .nullable(),
  reviewLogId: z.uuid(),
  cardId: z.uuid(),
  cardVersion: z.number().int(),
  rating: ratingSchema,
  adjustments: z.array(z.enum(['guessed', 'easy', 'hard'])),
  proposeHard: z.boolean(),
  nextDue: instant,
});

export const undoResultSchema = z.object({
  undoneReviewLogId: z.uuid(),
  cardId: z.uuid(),
  cardVersion: z.number().int(),
});

export const reviewSettingsViewSchema = z.object({
  desiredRetention: z.number(),
  newPerDay: z.number().int(),
  maxReviewsPerDay: z.number().int(),
  rolloverHour: z.number().int(),
});

export const settingsUpdateSchema = z.object({
  settings: reviewSettingsViewSchema,
  rescheduledCards: z.number().int().describe('Cards in long-term review moved by a change of desired retention.'),
});

const dayKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A learner day, YYYY-MM-DD.');
const dayCount = z.object({ dayKey, count: z.number().int() });

/** A learner's statistics. Mirrors LearnerStats in lib/data/review/stats.ts. */
export const learnerStatsSchema = z.object({
  todayKey: dayKey,
  timeZone: z.string(),
  rolloverHour: z.number().int(),
  desiredRetention: z.number(),
  forecast: z.object({
    days: z.array(dayCount).describe('One entry per learner day, today first; today includes overdue cards.'),
    overdue: z.number().int(),
    later: z.number().int().describe('Cards due after the last day of the forecast.'),
  }),
  heatmap: z.object({
    cells: z.array(
      dayCount.extend({
        level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        week: z.number().int(),
        weekday: z.number().int().describe('0 = Monday … 6 = Sunday.'),
      }),
    ),
    weeks: z.number().int(),
    max: z.number().int(),
    total: z.number().int(),
    activeDays: z.number().int(),
    levels: z.array(
      z.object({
        level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        min: z.number().int(),
        max: z.number().int(),
      }),
    ),
  }),
  streak: z.object({ days: z.number().int(), includesToday: z.boolean() }),
  retention: z.object({
    windowDays: z.number().int(),
    eligible: z.number().int(),
    recalled: z.number().int(),
    rate: z.number().nullable().describe('null below minSample eligible answers.'),
    interval: z.object({ low: z.number(), high: z.number() }).nullable(),
    minSample: z.number().int(),
  }),
  known: z.object({
    expected: z.number().describe('Expected number of cards recalled if asked now (sum of retrievability).'),
    studied: z.number().int(),
    total: z.number().int(),
  }),
  lessons: z.array(
    z.object({
      courseId: z.string(),
      courseTitle: z.string(),
      lessonId: z.string(),
      lessonTitle: z.string(),
      total: z.number().int(),
      studied: z.number().int(),
      mastery: z.number().nullable(),
    }),
  ),
});

/** Dates leave the API as ISO 8601 instants (UTC). */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
