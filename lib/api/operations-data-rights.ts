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
import { EXPORT_TABLES, personalDataCsv } from '@/lib/data/account/export-csv';
import { defineOperation } from './operation';
import { csvFileSchema, iso } from './schemas';

/** A short but complete example document for the OpenAPI document (checked against the schema by a unit test). */
export const PERSONAL_DATA_EXAMPLE: z.input<typeof personalDataSchema> = {
  format: 'ingat.personal-data',
  version: 1,
  exportedAt: '2026-12-03T08:00:00.000Z',
  profile: {
    id: '3f0c6a52-8c1e-4f7e-9d3a-0b8f2a1c4d5e',
    email: 'sari@kampus.ac.id',
    displayName: 'Sari',
    role: 'STUDENT',
    locale: 'id',
    timeZone: 'Asia/Jakarta',
    createdAt: '2026-11-20T01:00:00.000Z',
    passwordChangedAt: '2026-11-20T01:00:00.000Z',
    disabledAt: null,
  },
  reviewSettings: {
    desiredRetention: 0.9,
    newPerDay: 20,
    maxReviewsPerDay: 200,
    rolloverHour: 4,
    parameterSetId: null,
    updatedAt: '2026-11-21T01:00:00.000Z',
  },
  cards: [
    {
      id: '8a1d2c3b-0000-4000-8000-000000000001',
      itemId: 'ks-001',
      courseId: 'keamanan-kawasan',
      lessonId: 'l1',
      phase: 'REVIEW',
      due: '2026-12-05T01:00:00.000Z',
      stability: 3.2,
      difficulty: 5.1,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 2,
      lapses: 0,
      lastReview: '2026-12-02T01:00:00.000Z',
      version: 3,
      createdAt: '2026-11-20T01:05:00.000Z',
    },
  ],
  reviewLog: [
    {
      id: '5b7e9f10-0000-4000-8000-000000000002',
      seq: 1042,
      cardId: '8a1d2c3b-0000-4000-8000-000000000001',
      itemId: 'ks-001',
      source: 'REVIEW',
      answeredAt: '2026-12-02T01:00:00.000Z',
      timeZone: 'Asia/Jakarta',
      response: { kind: 'single', optionId: 'b' },
      correct: true,
      score: 1,
      rating: 'GOOD',
      durationMs: 8200,
      desiredRetention: 0.9,
      firstAttempt: false,
      recallEligible: true,
      choice: 'b',
      cardVersionBefore: 2,
      cardVersionAfter: 3,
      stateBefore: {
        phase: 'review',
        due: '2026-12-02T01:00:00.000Z',
        stability: 1.1,
        difficulty: 5.3,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        lastReview: '2026-11-30T01:00:00.000Z',
      },
      stateAfter: {
        phase: 'review',
        due: '2026-12-05T01:00:00.000Z',
        stability: 3.2,
        difficulty: 5.1,
        scheduledDays: 3,
        learningSteps: 0,
        reps: 2,
        lapses: 0,
        lastReview: '2026-12-02T01:00:00.000Z',
      },
      revisesId: null,
      idempotencyKey: 'k-20261202-0001',
      seed: 'review:8a1d2c3b:2',
      revoked: null,
    },
  ],
  mockExams: [],
  examDates: [
    { courseId: 'keamanan-kawasan', examDate: '2026-12-20T02:00:00.000Z', setAt: '2026-11-25T03:00:00.000Z' },
  ],
  parameterSets: [],
  classMemberships: [
    {
      classId: '1c2d3e4f-0000-4000-8000-000000000003',
      className: 'HI Kelas A',
      courseId: 'keamanan-kawasan',
      joinedAt: '2026-11-20T02:00:00.000Z',
      removedAt: null,
    },
  ],
  classesTaught: [],
  apiTokens: [
    {
      id: '9e8d7c6b-0000-4000-8000-000000000004',
      name: 'Anki sync',
      createdAt: '2026-11-22T01:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    },
  ],
  sessions: [
    {
      createdAt: '2026-12-03T07:55:00.000Z',
      lastSeenAt: '2026-12-03T07:55:00.000Z',
      revokedAt: null,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
      current: true,
    },
  ],
};

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
