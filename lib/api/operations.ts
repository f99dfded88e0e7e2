/**
 * The registry of /api/v1 operations. Each entry names its address, its schemas and the one lib/data function it
 * calls; the dispatcher (./dispatch.ts), the route handler and the OpenAPI document (./openapi.ts) all read this
 * list, so an operation exists in exactly one place. To add one: declare it with `defineOperation` and list it below.
 */
import { createTokenWithPassword, createTokenWithPasswordSchema } from '@/lib/data/api-tokens';
import { submitAnswer, submitAnswerSchema, undoAnswer, undoAnswerSchema } from '@/lib/data/review/answers';
import { nextCard } from '@/lib/data/review/next-card';
import { learnerStats } from '@/lib/data/review/stats';
import { getReviewSettings, reviewSettingsSchema, updateReviewSettings } from '@/lib/data/review/settings';
import { signUp } from '@/lib/data/users';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { signUpSchema } from '@/lib/validation/account';
import { defineOperation, type Operation } from './operation';
import {
  answerResultSchema,
  createdTokenSchema,
  iso,
  learnerStatsSchema,
  reviewQueueSchema,
  reviewSettingsViewSchema,
  settingsUpdateSchema,
  undoResultSchema,
  userSchema,
} from './schemas';

/** undoAnswer's own schema; an absent body means "the latest answer", as undoAnswer treats it. */
const undoAnswerBody = undoAnswerSchema
  .default({})
  .describe('Omit reviewLogId (or send no body) to undo the latest answer.');

const signUpOp = defineOperation({
  operationId: 'signUp',
  method: 'POST',
  path: '/users',
  summary: 'Create a student account',
  tags: ['accounts'],
  auth: 'none',
  successStatus: 201,
  body: signUpSchema,
  response: userSchema,
  errors: ['conflict'],
  handler: async ({ body }) => {
    const user = await signUp(body);
    return { ...user, locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE, createdAt: iso(user.createdAt) };
  },
});

const createTokenOp = defineOperation({
  operationId: 'createToken',
  method: 'POST',
  path: '/tokens',
  summary: 'Exchange email and password for a personal access token',
  description:
    'Sign-in throttling applies (429 with Retry-After). The token is returned once; it can be revoked on the ' +
    'settings page.',
  tags: ['accounts'],
  auth: 'none',
  successStatus: 201,
  body: createTokenWithPasswordSchema,
  response: createdTokenSchema,
  errors: ['forbidden', 'rate_limited'],
  handler: async ({ body, client, now }) => {
    const token = await createTokenWithPassword(body, client, now);
    return { ...token, createdAt: iso(token.createdAt) };
  },
});

const getNextCardOp = defineOperation({
  operationId: 'getNextCard',
  method: 'GET',
  path: '/review/next',
  summary: 'The next card to answer, with the day’s queue counts',
  description: 'The item is shown without its answer key.',
  tags: ['review'],
  auth: 'user',
  response: reviewQueueSchema,
  handler: ({ actor, now }) => nextCard(actor, now),
});

const submitAnswerOp = defineOperation({
  operationId: 'submitAnswer',
  method: 'POST',
  path: '/review/answers',
  summary: 'Answer the card that was shown',
  description:
    'Graded on the server. Idempotent by idempotencyKey (a repeat returns the first result); 409 when the card ' +
    'changed since cardVersion was shown.',
  tags: ['review'],
  auth: 'user',
  body: submitAnswerSchema,
  response: answerResultSchema,
  errors: ['not_found', 'conflict'],
  handler: ({ actor, body, now }) => submitAnswer(actor, body, now),
});

const undoAnswerOp = defineOperation({
  operationId: 'undoAnswer',
  method: 'POST',
  path: '/review/undo',
  summary: 'Undo the latest answer',
  description: 'The card returns to its state before the answer; the answer stays in the log, marked undone.',
  tags: ['review'],
  auth: 'user',
  body: undoAnswerBody,
  response: undoResultSchema,
  errors: ['not_found', 'conflict'],
  handler: ({ actor, body, now }) => undoAnswer(actor, body, now),
});

const getStatsOp = defineOperation({
  operationId: 'getStats',
  method: 'GET',
  path: '/stats',
  summary: 'The learner’s statistics',
  description: 'Due forecast, review calendar, streak, true retention, items known and mastery per lesson.',
  tags: ['review'],
  auth: 'user',
  response: learnerStatsSchema,
  handler: ({ actor, now }) => learnerStats(actor, now),
});

const getSettingsOp = defineOperation({
  operationId: 'getSettings',
  method: 'GET',
  path: '/settings',
  summary: 'The learner’s review settings',
  tags: ['settings'],
  auth: 'user',
  response: reviewSettingsViewSchema,
  handler: ({ actor }) => getReviewSettings(actor),
});

const updateSettingsOp = defineOperation({
  operationId: 'updateSettings',
  method: 'PATCH',
  path: '/settings',
  summary: 'Change some review settings',
  description: 'Fields left out keep their value. A new desired retention reschedules cards in long-term review.',
  tags: ['settings'],
  auth: 'user',
  body: reviewSettingsSchema,
  response: settingsUpdateSchema,
  handler: ({ actor, body }) => updateReviewSettings(actor, body),
});

export const operations: readonly Operation[] = [
  signUpOp,
  createTokenOp,
  getNextCardOp,
  submitAnswerOp,
  undoAnswerOp,
  getStatsOp,
  getSettingsOp,
  updateSettingsOp,
];
