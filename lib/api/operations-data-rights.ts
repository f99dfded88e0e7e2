/**
 * The data-rights operations of /api/v1: a learner's export of everything Ingat holds about them (one JSON document,
 * or one CSV file per table), deleting one's own account, and an admin deleting an account. Declared like every
 * other operation and listed in the registry (./operations.ts) from here, so this area's declarations sit together.
 * The rules are in lib/data/account.
 */
import { z } from 'zod';
import {
  adminDeleteAccount,
  adminDeleteAccountSchema,
  deleteMyAccount,
  deleteMyAccountSchema,
} from '@/lib/data/account/deletion';
import { exportMyData, personalDataSchema } from '@/lib/data/account/export';
import { PERSONAL_DATA_EXAMPLE } from '@/lib/data/account/export-example';
import { EXPORT_TABLES, personalDataCsv } from '@/lib/data/account/export-csv';
import { defineOperation } from './operation';
import { csvFileSchema, iso } from './schemas';

const deletedSchema = z.object({ deleted: z.literal(true), deletedAt: z.iso.datetime() }).meta({
  id: 'DeletedAccount',
  examples: [{ deleted: true, deletedAt: '2026-12-03T08:00:00.000Z' }],
});

/** A calendar day in the caller's time zone, for file names: 2026-12-03. */
const dayIn = (now: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

const exportMyDataOp = defineOperation({
  operationId: 'exportMyData',
  method: 'GET',
  path: '/me/export',
  summary: 'Everything Ingat holds about the caller, as one JSON document',
  description:
    'Profile, review settings, every card with its memory state, every answer in the review log (undone and ' +
    're-rated ones marked in `revoked`), mock exams and their answers, exam dates, the caller’s own FSRS parameter ' +
    'fits, classes joined or taught, and the metadata of API tokens and browser sessions. Never a password hash, a ' +
    'token or its hash, a session id, or anyone else’s data. The same data as CSV: exportMyDataCsv.',
  tags: ['accounts'],
  auth: 'user',
  response: personalDataSchema.meta({ id: 'PersonalData', examples: [PERSONAL_DATA_EXAMPLE] }),
  handler: ({ actor, now }) => exportMyData(actor, now),
});

const exportMyDataCsvOp = defineOperation({
  operationId: 'exportMyDataCsv',
  method: 'GET',
  path: '/me/export.csv',
  summary: 'One table of the caller’s data as a CSV file',
  description:
    'The data of exportMyData, one file per table (`table`: ' +
    EXPORT_TABLES.join(', ') +
    '). Column names are the JSON field names; nested values (a response, a memory state) are JSON text in one ' +
    'cell. Example, `table=exam-dates`:\n\n```\ncourseId,examDate,setAt\r\nkeamanan-kawasan,2026-12-20T02:00:00.000Z,' +
    '2026-11-25T03:00:00.000Z\r\n```',
  tags: ['accounts'],
  auth: 'user',
  query: z.object({ table: z.enum(EXPORT_TABLES, { error: 'dataRights.tableInvalid' }) }),
  produces: 'text/csv',
  response: csvFileSchema,
  handler: async ({ actor, query, now }) => ({
    filename: `ingat-${query.table}-${dayIn(now, actor.timeZone)}.csv`,
    body: personalDataCsv(await exportMyData(actor, now), query.table),
  }),
});

const deleteMyAccountOp = defineOperation({
  operationId: 'deleteMyAccount',
  method: 'DELETE',
  path: '/me',
  summary: 'Delete the caller’s account',
  description:
    'Needs the account’s password (also with a bearer token) and `"confirm": true`. Name, email, password, ' +
    'sessions, tokens, settings, exam dates, mock exams, parameter fits and class roles are removed at once; every ' +
    'session and token stops working, and the email can be used for a new account. The review log stays, ' +
    'pseudonymised (no longer linked to any name or email), so class item analysis stays correct. A wrong password ' +
    'is 400 on `password` and changes nothing; the last admin cannot delete their account (409). Example body: ' +
    '`{"password": "…", "confirm": true}`.',
  tags: ['accounts'],
  auth: 'user',
  body: deleteMyAccountSchema,
  response: deletedSchema,
  errors: ['conflict'],
  handler: async ({ actor, body, now }) => {
    const { deletedAt } = await deleteMyAccount(actor, body, now);
    return { deleted: true as const, deletedAt: iso(deletedAt) };
  },
});

const deleteUserOp = defineOperation({
  operationId: 'deleteUser',
  method: 'DELETE',
  path: '/users/{userId}',
  summary: 'Delete an account (admins)',
  description:
    'As deleteMyAccount, for someone else’s account; the body is `{"confirm": true}`. An admin deletes their own ' +
    'account with deleteMyAccount (409 here).',
  tags: ['accounts'],
  auth: 'user',
  params: z.object({ userId: z.uuid({ error: 'validation.idInvalid' }) }),
  body: adminDeleteAccountSchema,
  response: deletedSchema,
  errors: ['forbidden', 'not_found', 'conflict'],
  handler: async ({ actor, params, body, now }) => {
    const { deletedAt } = await adminDeleteAccount(actor, params.userId, body, now);
    return { deleted: true as const, deletedAt: iso(deletedAt) };
  },
});

export const dataRightsOperations = [exportMyDataOp, exportMyDataCsvOp, deleteMyAccountOp, deleteUserOp] as const;
