/**
 * /api/v1 operations on one's own account and its ways in: API tokens, browser sessions, the password and its
 * reset. Declared like every operation (./operation.ts) and listed in the registry (./operations.ts).
 */
import { z } from 'zod';
import {
  createApiToken,
  createApiTokenSchema,
  listApiTokens,
  revokeApiToken,
  type ApiTokenView,
} from '@/lib/data/api-tokens';
import { issuePasswordReset, requestPasswordResetByMail, resetPassword } from '@/lib/data/auth/password-reset';
import { listSessions, revokeSession, signOutEverywhere } from '@/lib/data/auth/sessions';
import { changePassword } from '@/lib/data/users';
import { changePasswordSchema, emailSchema, newPasswordSchema } from '@/lib/validation/account';
import { defineOperation, type Operation } from './operation';
import { createdTokenSchema, iso } from './schemas';

const instant = z.iso.datetime();
const nullableInstant = instant.nullable();

const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  lastFour: z.string().describe('The last four characters of the token, to tell tokens apart.'),
  createdAt: instant,
  expiresAt: instant,
  lastUsedAt: nullableInstant.describe('Written at most once a minute.'),
  revokedAt: nullableInstant,
});
const tokenId = z.object({ tokenId: z.string() });

const tokenView = (t: ApiTokenView) => ({
  ...t,
  createdAt: iso(t.createdAt),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: t.lastUsedAt ? iso(t.lastUsedAt) : null,
  revokedAt: t.revokedAt ? iso(t.revokedAt) : null,
});

const listTokensOp = defineOperation({
  operationId: 'listTokens',
  method: 'GET',
  path: '/tokens',
  summary: 'Your API tokens, newest first (revoked and expired ones included)',
  tags: ['accounts'],
  auth: 'user',
  response: z.object({ tokens: z.array(tokenSchema) }),
  handler: async ({ actor }) => ({ tokens: (await listApiTokens(actor)).map(tokenView) }),
});

const createOwnTokenOp = defineOperation({
  operationId: 'createOwnToken',
  method: 'POST',
  path: '/me/tokens',
  summary: 'Make another API token for yourself (asks for your password)',
  description:
    'The password is checked and throttled like a sign-in (429 with Retry-After). `expiresInDays` is 7, 30, 90 or ' +
    '365 (default 90). The token is returned once.',
  tags: ['accounts'],
  auth: 'user',
  successStatus: 201,
  body: createApiTokenSchema,
  response: createdTokenSchema,
  errors: ['rate_limited'],
  handler: async ({ actor, body, client, now }) => {
    const token = await createApiToken(actor, body, client, now);
    return { ...token, createdAt: iso(token.createdAt), expiresAt: iso(token.expiresAt) };
  },
});

const revokeTokenOp = defineOperation({
  operationId: 'revokeToken',
  method: 'DELETE',
  path: '/tokens/{tokenId}',
  summary: 'Revoke one of your API tokens (it is refused from the next request on)',
  description: 'Revoking a token that is already revoked answers the token as it is. Someone else’s token is 404.',
  tags: ['accounts'],
  auth: 'user',
  params: tokenId,
  response: tokenSchema,
  errors: ['not_found'],
  handler: async ({ actor, params, now }) => tokenView(await revokeApiToken(actor, params.tokenId, now)),
});

const sessionSchema = z.object({
  id: z.uuid(),
  userAgent: z.string().nullable().describe('The browser that signed in, as it described itself.'),
  createdAt: instant,
  lastSeenAt: instant.describe('Written at most once a minute.'),
  current: z.boolean().describe('True for the browser session this request was made in (never for a token).'),
});

const listSessionsOp = defineOperation({
  operationId: 'listSessions',
  method: 'GET',
  path: '/sessions',
  summary: 'Your signed-in browser sessions, most recently seen first',
  tags: ['accounts'],
  auth: 'user',
  response: z.object({ sessions: z.array(sessionSchema) }),
  handler: async ({ actor }) => ({
    sessions: (await listSessions(actor)).map((s) => ({
      ...s,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
    })),
  }),
});

const revokeSessionOp = defineOperation({
  operationId: 'revokeSession',
  method: 'DELETE',
  path: '/sessions/{sessionId}',
  summary: 'Sign one of your browser sessions out',
  tags: ['accounts'],
  auth: 'user',
  params: z.object({ sessionId: z.string() }),
  response: z.object({ revoked: z.literal(true) }),
  errors: ['not_found'],
  handler: async ({ actor, params, now }) => {
    await revokeSession(actor, params.sessionId, now);
    return { revoked: true as const };
  },
});

const signOutEverywhereOp = defineOperation({
  operationId: 'signOutEverywhere',
  method: 'POST',
  path: '/sessions/revoke-all',
  summary: 'Sign out every browser session of yours (API tokens stay valid; revoke them separately)',
  tags: ['accounts'],
  auth: 'user',
  response: z.object({ revoked: z.number().int().describe('How many sessions were ended.') }),
  handler: async ({ actor, now }) => ({ revoked: await signOutEverywhere(actor, now) }),
});

const changePasswordOp = defineOperation({
  operationId: 'changePassword',
  method: 'PUT',
  path: '/me/password',
  summary: 'Change your password',
  description:
    'Checks the current password (throttled like a sign-in). Every other browser session ends and every API token ' +
    'is revoked, the one making this request included.',
  tags: ['accounts'],
  auth: 'user',
  body: changePasswordSchema,
  response: z.object({ changed: z.literal(true) }),
  errors: ['rate_limited'],
  handler: async ({ actor, body, client, now }) => {
    await changePassword(actor, body, client, now);
    return { changed: true as const };
  },
});

const requestPasswordResetOp = defineOperation({
  operationId: 'requestPasswordReset',
  method: 'POST',
  path: '/password-resets',
  summary: 'Ask for a password reset link by email',
  description:
    'Answers 202-like `{ requested: true }` whether or not the email has an account, so nobody learns who studies ' +
    'here. Only where the server is configured to send mail: otherwise 403 (ask an instructor or admin for a link). ' +
    'Limited per address and per account (429 with Retry-After).',
  tags: ['accounts'],
  auth: 'none',
  body: z.object({ email: emailSchema }),
  response: z.object({ requested: z.literal(true) }),
  errors: ['forbidden', 'rate_limited'],
  handler: async ({ body, client, now }) => {
    await requestPasswordResetByMail(body, client, now);
    return { requested: true as const };
  },
});

const resetPasswordOp = defineOperation({
  operationId: 'resetPassword',
  method: 'POST',
  path: '/password-resets/use',
  summary: 'Set a new password with a reset link’s secret',
  description:
    '`token` is the last path segment of the link (/reset-password/<token>). It works once, for 24 hours; a newer ' +
    'link replaces older ones. Every session ends and every API token is revoked.',
  tags: ['accounts'],
  auth: 'none',
  body: z.object({
    token: z.string({ error: 'reset.link.unknown' }).max(100, 'reset.link.unknown'),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: 'validation.passwordRequired' }),
  }),
  response: z.object({ reset: z.literal(true) }),
  handler: async ({ body, now }) => {
    await resetPassword(body.token, body, now);
    return { reset: true as const };
  },
});

const issuePasswordResetOp = defineOperation({
  operationId: 'issuePasswordReset',
  method: 'POST',
  path: '/users/{userId}/password-reset-links',
  summary: 'Make a one-time password reset link for a student (instructors) or any other account (admins)',
  description:
    'An instructor may do this for a student who is an active member of one of their classes. The link is ' +
    'returned once, as a path on this server, and is valid for 24 hours.',
  tags: ['accounts'],
  auth: 'user',
  successStatus: 201,
  params: z.object({ userId: z.string() }),
  response: z.object({
    path: z.string(),
    expiresAt: instant,
    user: z.object({ id: z.uuid(), displayName: z.string() }),
  }),
  errors: ['forbidden', 'not_found'],
  handler: async ({ actor, params, now }) => {
    const issued = await issuePasswordReset(actor, params.userId, now);
    return { path: issued.path, expiresAt: iso(issued.expiresAt), user: issued.user };
  },
});

export const accountOperations: readonly Operation[] = [
  listTokensOp,
  createOwnTokenOp,
  revokeTokenOp,
  listSessionsOp,
  revokeSessionOp,
  signOutEverywhereOp,
  changePasswordOp,
  requestPasswordResetOp,
  resetPasswordOp,
  issuePasswordResetOp,
];
