/**
 * The caller's own account (profile, language, password), an admin's user management, and asking for a fit of
 * one's own memory parameters. The rules (who, what is valid) are in lib/data/users and lib/jobs/requests.
 */
import { z } from 'zod';
import type { Actor } from '@/lib/data/actor';
import { getUserForAdmin, listUsersPage, userSearchSchema, type AdminUserView } from '@/lib/data/admin-users';
import { pageQuerySchema } from '@/lib/data/paging';
import { changePassword, setUserDisabled, setUserRole, updateProfile } from '@/lib/data/users';
import { changePasswordSchema, profileSchema as profileInputSchema, roleSchema } from '@/lib/validation/account';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { defineOperation } from '../operation';
import {
  adminUserPageSchema,
  adminUserSchema,
  fitRequestSchema,
  iso,
  passwordChangedSchema,
  profileSchema,
} from '../schemas';

const profileOf = (user: Omit<Actor, 'sessionId'> | Awaited<ReturnType<typeof updateProfile>>) => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
  timeZone: user.timeZone,
});

export const getMeOp = defineOperation({
  operationId: 'getMe',
  method: 'GET',
  path: '/me',
  summary: 'The caller’s profile',
  tags: ['accounts'],
  auth: 'user',
  response: profileSchema,
  handler: async ({ actor }) => profileOf(actor),
});

export const updateProfileOp = defineOperation({
  operationId: 'updateProfile',
  method: 'PUT',
  path: '/me',
  summary: 'Change the caller’s display name, language and time zone',
  description:
    'All three are required, as on the account page. The language (id or en) is the one messages are shown in ' +
    'the browser; API messages follow Accept-Language. The time zone decides the learner’s days (due counts, ' +
    'streaks) from now on.',
  tags: ['accounts'],
  auth: 'user',
  body: profileInputSchema,
  response: profileSchema,
  handler: async ({ actor, body }) => profileOf(await updateProfile(actor, body)),
});

export const changePasswordOp = defineOperation({
  operationId: 'changePassword',
  method: 'PUT',
  path: '/me/password',
  summary: 'Change the caller’s password',
  description:
    'Needs the current password, checked and throttled like a sign-in (429 with Retry-After): a wrong one is 400 ' +
    'with a field error on currentPassword (not 401: the caller is authenticated, the field is wrong). Every other ' +
    'browser session ends and every API token is revoked, the one making this request included.',
  tags: ['accounts'],
  auth: 'user',
  body: changePasswordSchema,
  response: passwordChangedSchema,
  errors: ['rate_limited'],
  handler: async ({ actor, body, client, now }) => {
    await changePassword(actor, body, client, now);
    return { changed: true as const };
  },
});

const adminUserOf = (u: AdminUserView) => ({
  ...profileOf(u),
  createdAt: iso(u.createdAt),
  disabledAt: iso(u.disabledAt),
});

export const listUsersOp = defineOperation({
  operationId: 'listUsers',
  method: 'GET',
  path: '/users',
  summary: 'Every account in email order, paged by cursor (admins)',
  tags: ['admin'],
  auth: 'user',
  query: pageQuerySchema.extend({
    q: userSearchSchema.describe('Only accounts whose email or name contains this text (any case).'),
  }),
  response: adminUserPageSchema,
  errors: ['forbidden'],
  handler: async ({ actor, query }) => {
    const page = await listUsersPage(actor, query);
    return { items: page.items.map(adminUserOf), nextCursor: page.nextCursor };
  },
});

export const updateUserOp = defineOperation({
  operationId: 'updateUser',
  method: 'PATCH',
  path: '/users/{userId}',
  summary: 'Change an account’s role, or disable or enable it (admins)',
  description:
    'One change per request, as on the admin page (so a request is never half done): send either role or ' +
    'disabled. Disabling ends the user’s sessions at once. An admin cannot demote or disable themselves (409).',
  tags: ['admin'],
  auth: 'user',
  params: z.object({ userId: z.uuid({ error: 'validation.idInvalid' }) }),
  body: z.union([
    z.strictObject({ role: roleSchema }),
    z.strictObject({ disabled: z.boolean({ error: 'errors.invalid' }) }),
  ]),
  response: adminUserSchema,
  errors: ['forbidden', 'not_found', 'conflict'],
  handler: async ({ actor, params, body }) => {
    if ('role' in body) await setUserRole(actor, params.userId, body.role);
    else await setUserDisabled(actor, params.userId, body.disabled);
    return adminUserOf(await getUserForAdmin(actor, params.userId));
  },
});

export const requestParameterFitOp = defineOperation({
  operationId: 'requestParameterFit',
  method: 'POST',
  path: '/courses/{courseId}/parameter-fit',
  summary: 'Ask for a fit of the caller’s own memory parameters for a course',
  description:
    'Queued for a background worker and answered at once: "queued", "alreadyQueued", or "tooFew" with the ' +
    'number of answers so far and needed (nothing is queued then). The fitted weights are used when they ' +
    'predict the learner’s answers better than the current ones.',
  tags: ['settings'],
  auth: 'user',
  params: z.object({ courseId: z.string().regex(/^[a-z0-9-]{1,80}$/, 'validation.idInvalid') }),
  response: fitRequestSchema,
  errors: ['not_found'],
  handler: async ({ actor, params }) => {
    const { requestLearnerFit } = await import('@/lib/jobs/requests');
    return requestLearnerFit(actor, params.courseId);
  },
});
