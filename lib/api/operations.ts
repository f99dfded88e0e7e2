/**
 * The registry of /api/v1 operations. Each entry names its address, its schemas and the one lib/data function it
 * calls; the dispatcher (./dispatch.ts), the route handler and the OpenAPI document (./openapi.ts) all read this
 * list, so an operation exists in exactly one place. To add one: declare it with `defineOperation` and list it below.
 */
import { z } from 'zod';
import { itemAnalysisCsv, progressCsv } from '@/lib/csv/exports';
import { createTokenWithPassword, createTokenWithPasswordSchema } from '@/lib/data/api-tokens';
import {
  assignLesson,
  assignLessonSchema,
  createClass,
  createClassSchema,
  joinClass,
  joinClassSchema,
  listClasses,
} from '@/lib/data/classes/classes';
import { getItemAnalysis } from '@/lib/data/classes/item-analysis';
import { getClassProgress, getStudentProgress } from '@/lib/data/classes/progress';
import { setExamDateSchema, setOwnExamDate } from '@/lib/data/exam/exam-date';
import {
  getMockExam,
  getMockExamResult,
  saveMockExamAnswer,
  saveMockExamAnswerSchema,
  startMockExam,
  startMockExamSchema,
  submitMockExam,
} from '@/lib/data/exam/mock-exams';
import { getReadiness } from '@/lib/data/exam/readiness';
import { submitAnswer, submitAnswerSchema, undoAnswer, undoAnswerSchema } from '@/lib/data/review/answers';
import { nextCard } from '@/lib/data/review/next-card';
import { learnerStats } from '@/lib/data/review/stats';
import { getReviewSettings, reviewSettingsSchema, updateReviewSettings } from '@/lib/data/review/settings';
import { signUp } from '@/lib/data/users';
import { AppError, Unauthenticated } from '@/lib/errors';
import { DEFAULT_LOCALE, isLocale, LOCALES } from '@/lib/i18n/locales';
import { signUpSchema } from '@/lib/validation/account';
import { accountOperations } from './ops/access';
import { defineOperation, type Operation } from './operation';
import { dataRightsOperations } from './ops/data-rights';
import {
  changePasswordOp,
  getMeOp,
  listUsersOp,
  requestParameterFitOp,
  updateProfileOp,
  updateUserOp,
} from './ops/account';
import {
  addInstructorOp,
  getClassOp,
  listClassMembersOp,
  listStudentReviewsOp,
  removeStudentOp,
  rotateJoinCodeOp,
  setClassExamDateOp,
} from './ops/classes';
import {
  addToDeckOp,
  adjustAnswerOp,
  answerInLessonOp,
  getCardOp,
  getCourseOp,
  getDeckOp,
  listCoursesOp,
  listReviewsOp,
  syncOfflineAnswersOp,
} from './ops/learning';
import {
  answerResultSchema,
  assignmentResultSchema,
  classItemAnalysisSchema,
  classListSchema,
  classProgressSchema,
  classSummarySchema,
  createdTokenSchema,
  csvFileSchema,
  examDateViewSchema,
  iso,
  learnerStatsSchema,
  mockExamResultSchema,
  mockExamSummarySchema,
  mockExamViewSchema,
  readinessViewSchema,
  reviewQueueSchema,
  reviewSettingsViewSchema,
  savedExamAnswerSchema,
  settingsUpdateSchema,
  studentProgressSchema,
  undoResultSchema,
  userSchema,
} from './schemas';

/** undoAnswer's own schema; an absent body means "the latest answer", as undoAnswer treats it. */
const undoAnswerBody = undoAnswerSchema
  .default({})
  .describe('Omit reviewLogId (or send no body) to undo the latest answer.');

/**
 * A wrong email or password is a failed authentication: 401, not the 400 a form shows it as (lib/data reports it as
 * Invalid so the sign-in form can show it beside the fields).
 */
function wrongPasswordIs401(error: unknown): never {
  if (error instanceof AppError && error.messageKey === 'errors.badCredentials')
    throw new Unauthenticated('errors.badCredentials');
  throw error;
}

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
  handler: async ({ body, client, now }) => {
    const user = await signUp(body, client, now);
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
  errors: ['unauthenticated', 'forbidden', 'rate_limited'],
  handler: async ({ body, client, now }) => {
    const token = await createTokenWithPassword(body, client, now).catch(wrongPasswordIs401);
    return { ...token, createdAt: iso(token.createdAt), expiresAt: iso(token.expiresAt) };
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
    'Graded on the server. Idempotent by idempotencyKey: a new random key (8–64 of A–Z, a–z, 0–9, "-", "_") for ' +
    'each new answer; sending exactly the same request again (after a timeout, say) returns the first result and ' +
    'records nothing twice; the same key with a different body is 422 idempotency_mismatch. 409 when the card ' +
    'changed since cardVersion was shown (answered elsewhere): read the next card again. The result carries the ' +
    'rating, the next due date, when it was recorded, and the adjustments the learner may still make ' +
    '(adjustAnswer).',
  tags: ['review'],
  auth: 'user',
  body: submitAnswerSchema,
  response: answerResultSchema,
  errors: ['not_found', 'conflict', 'idempotency_mismatch'],
  limit: 'answers',
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

const uuidParam = z.uuid({ error: 'validation.idInvalid' });
const classParams = z.object({ classId: uuidParam });

const createClassOp = defineOperation({
  operationId: 'createClass',
  method: 'POST',
  path: '/classes',
  summary: 'Create a class for a course (instructors and admins)',
  description: 'The caller becomes its instructor. Read the join code with getClass.',
  tags: ['classes'],
  auth: 'user',
  successStatus: 201,
  body: createClassSchema,
  response: classSummarySchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, body, now }) => createClass(actor, body, now),
});

const listClassesOp = defineOperation({
  operationId: 'listClasses',
  method: 'GET',
  path: '/classes',
  summary: 'The classes the caller teaches or belongs to',
  description: 'An admin sees every class.',
  tags: ['classes'],
  auth: 'user',
  response: classListSchema,
  handler: async ({ actor }) => ({ classes: await listClasses(actor) }),
});

const joinClassOp = defineOperation({
  operationId: 'joinClass',
  method: 'POST',
  path: '/classes/join',
  summary: 'Join a class with its join code',
  description:
    'Case, spaces and dashes in the code are ignored. Joining again is harmless. The lessons assigned to the ' +
    'class are added to the caller’s deck. An instructor of the class cannot join it (409).',
  tags: ['classes'],
  auth: 'user',
  body: joinClassSchema,
  response: classSummarySchema,
  errors: ['not_found', 'conflict'],
  handler: ({ actor, body, now }) => joinClass(actor, body, now),
});

const assignLessonOp = defineOperation({
  operationId: 'assignLesson',
  method: 'POST',
  path: '/classes/{classId}/assignments',
  summary: 'Assign a lesson to a class, or change its due date',
  description:
    'Its items go into every member’s deck as new cards. dueDate is a calendar day, due at its end in the ' +
    'instructor’s time zone.',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  body: assignLessonSchema,
  response: assignmentResultSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params, body, now }) => assignLesson(actor, params.classId, body, now),
});

const getClassProgressOp = defineOperation({
  operationId: 'getClassProgress',
  method: 'GET',
  path: '/classes/{classId}/progress',
  summary: 'The class dashboard: one row per student, the lesson map and at-risk reasons',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  response: classProgressSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params, now }) => getClassProgress(actor, params.classId, now),
});

const getStudentProgressOp = defineOperation({
  operationId: 'getStudentProgress',
  method: 'GET',
  path: '/classes/{classId}/students/{studentId}/progress',
  summary: 'A student’s statistics in the class’s course, for an instructor of the class',
  description:
    'The statistics the student sees on their own statistics page (getStats), counting only the class’s course: ' +
    'cards, answers, streak and retention in other courses are not the instructor’s to see.',
  tags: ['classes'],
  auth: 'user',
  params: classParams.extend({ studentId: uuidParam }),
  response: studentProgressSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params, now }) => getStudentProgress(actor, params.classId, params.studentId, now),
});

const getItemAnalysisOp = defineOperation({
  operationId: 'getItemAnalysis',
  method: 'GET',
  path: '/classes/{classId}/item-analysis',
  summary: 'Item analysis of the course’s questions from the class’s first attempts',
  description: 'Facility, discrimination, upper/lower 27% facilities, option shares and flags per item.',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  response: classItemAnalysisSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params }) => getItemAnalysis(actor, params.classId),
});

// CSV exports (columns in lib/csv/exports.ts). Header names follow ?lang= (id, en), else the caller's language;
// cells are language-neutral: codes (at-risk reasons, flags) are the API's own, numbers plain decimals with a dot.
const csvQuery = z.object({
  lang: z.enum(LOCALES).optional().describe('Language of the header row; default: the account’s.'),
});

/** A calendar day in the caller's time zone, for file names: 2026-12-01. */
const dayIn = (now: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/** A file-name-safe form of a class name: "HI Kelas A — Pagi" → "hi-kelas-a-pagi". */
function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || 'class';
}

const exportClassProgressCsvOp = defineOperation({
  operationId: 'exportClassProgressCsv',
  method: 'GET',
  path: '/classes/{classId}/progress.csv',
  summary: 'The class dashboard as a spreadsheet: one row per student',
  description:
    'Columns (names in ?lang=, here in English): Name, Email, Last active (ISO 8601), Reviews (7 days), Retention ' +
    '(30 days) (empty below 10 answers), Retention answers (30 days), Studied, Mastered (predicted recall ≥ 90% a ' +
    'week ahead), Items, Overdue, At risk (codes joined by "; ": inactive, overdue, low_retention, ' +
    'exam_readiness), then "Assigned: <lessonId>" as "studied of total" (e.g. "3 of 12") per assigned lesson.',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  query: csvQuery,
  produces: 'text/csv',
  response: csvFileSchema,
  errors: ['forbidden', 'not_found'],
  handler: async ({ actor, params, query, now }) => {
    const progress = await getClassProgress(actor, params.classId, now);
    return {
      filename: `${fileSlug(progress.name)}-progress-${dayIn(now, actor.timeZone)}.csv`,
      body: progressCsv(progress, query.lang ?? actor.locale),
    };
  },
});

const exportItemAnalysisCsvOp = defineOperation({
  operationId: 'exportItemAnalysisCsv',
  method: 'GET',
  path: '/classes/{classId}/item-analysis.csv',
  summary: 'The item analysis as a spreadsheet: one row per item',
  description:
    'Columns (names in ?lang=, here in English): Item, Lesson, Kind, Attempts, Facility, Discrimination, Upper facility, Lower ' +
    'facility, Flags (codes joined by "; "), Option shares ("a:0.12 b:0.50 …" for choice items). Ratios are ' +
    'empty below 10 first attempts.',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  query: csvQuery,
  produces: 'text/csv',
  response: csvFileSchema,
  errors: ['forbidden', 'not_found'],
  handler: async ({ actor, params, query, now }) => {
    const analysis = await getItemAnalysis(actor, params.classId);
    return {
      // ClassItemAnalysis carries no class name; the id's first block tells two classes apart.
      filename: `class-${params.classId.slice(0, 8)}-item-analysis-${dayIn(now, actor.timeZone)}.csv`,
      body: itemAnalysisCsv(analysis, query.lang ?? actor.locale),
    };
  },
});

// Exam preparation. Path and body reuse the schemas the lib/data functions parse with, split between the two.

const courseParams = setExamDateSchema.pick({ courseId: true });
const examParams = z.object({ examId: uuidParam });

const setExamDateOp = defineOperation({
  operationId: 'setExamDate',
  method: 'PUT',
  path: '/courses/{courseId}/exam-date',
  summary: 'Set or clear the caller’s own exam date for a course',
  description:
    'examDate is a calendar day (YYYY-MM-DD); the exam is taken to be at 09:00 in the caller’s time zone and must ' +
    'be in the future (409 otherwise). null clears it, and the answer is then null. A date set by a class the ' +
    'caller belongs to takes precedence and cannot be changed here (409).',
  tags: ['exams'],
  auth: 'user',
  params: courseParams,
  body: setExamDateSchema.pick({ examDate: true }),
  response: examDateViewSchema.nullable(),
  errors: ['not_found', 'conflict'],
  handler: ({ actor, params, body, now }) =>
    setOwnExamDate(actor, { courseId: params.courseId, examDate: body.examDate }, now),
});

const getReadinessOp = defineOperation({
  operationId: 'getReadiness',
  method: 'GET',
  path: '/courses/{courseId}/readiness',
  summary: 'The forecast share of the course’s questions the caller would answer right on the exam day',
  description:
    'Studied items count with their recall probability on the exam day (no further reviews assumed), the others ' +
    'with how learners do when they first see them. Without an exam date the forecast is for a week from now ' +
    '(forecastFor: week).',
  tags: ['exams'],
  auth: 'user',
  params: courseParams,
  response: readinessViewSchema,
  errors: ['not_found'],
  limit: 'readiness',
  handler: ({ actor, params, now }) => getReadiness(actor, params.courseId, now),
});

const startMockExamOp = defineOperation({
  operationId: 'startMockExam',
  method: 'POST',
  path: '/courses/{courseId}/mock-exams',
  summary: 'Start a timed mock exam',
  description:
    'The questions are fixed now (spread over the lessons, weighted to what the caller knows least), with the ' +
    'forecast for exactly those questions. The clock starts at once; read the attempt with getMockExam.',
  tags: ['exams'],
  auth: 'user',
  successStatus: 201,
  params: courseParams,
  body: startMockExamSchema.omit({ courseId: true }),
  response: mockExamSummarySchema,
  errors: ['not_found'],
  limit: 'mockExamStart',
  handler: ({ actor, params, body, now }) => startMockExam(actor, { courseId: params.courseId, ...body }, now),
});

const getMockExamOp = defineOperation({
  operationId: 'getMockExam',
  method: 'GET',
  path: '/mock-exams/{examId}',
  summary: 'A mock exam as it is taken: the questions without their key, saved answers and time left',
  description: 'Reading an attempt whose time is up submits it (status "submitted").',
  tags: ['exams'],
  auth: 'user',
  params: examParams,
  response: mockExamViewSchema,
  errors: ['not_found'],
  handler: ({ actor, params, now }) => getMockExam(actor, params.examId, now),
});

const saveMockExamAnswerOp = defineOperation({
  operationId: 'saveMockExamAnswer',
  method: 'PUT',
  path: '/mock-exams/{examId}/answers/{position}',
  summary: 'Save (or change) the answer to one question of an open mock exam',
  description:
    'position counts from 0, in the order getMockExam lists the questions. Nothing is graded until submission. ' +
    '409 once the attempt is submitted or its time is up, by the server’s clock.',
  tags: ['exams'],
  auth: 'user',
  params: examParams.extend({
    position: z
      .string()
      .regex(/^\d{1,4}$/, 'validation.examPosition')
      .transform(Number)
      .describe('0, 1, 2, … in plain digits.'),
  }),
  body: saveMockExamAnswerSchema.pick({ response: true }),
  response: savedExamAnswerSchema,
  errors: ['not_found', 'conflict'],
  handler: ({ actor, params, body, now }) =>
    saveMockExamAnswer(actor, params.examId, { position: params.position, response: body.response }, now),
});

const submitMockExamOp = defineOperation({
  operationId: 'submitMockExam',
  method: 'POST',
  path: '/mock-exams/{examId}/submit',
  summary: 'Submit a mock exam: grade it and record every answer as exam evidence',
  description:
    'Unanswered questions score zero. Submitting again changes nothing and returns the same summary. Each answer ' +
    'also counts as a review of its card, so the schedule learns from the exam.',
  tags: ['exams'],
  auth: 'user',
  params: examParams,
  response: mockExamSummarySchema,
  errors: ['not_found'],
  handler: ({ actor, params, now }) => submitMockExam(actor, params.examId, now),
});

const getMockExamResultOp = defineOperation({
  operationId: 'getMockExamResult',
  method: 'GET',
  path: '/mock-exams/{examId}/result',
  summary: 'The graded result: score against the forecast, per lesson and concept, and feedback per question',
  description: '409 while the attempt is open and in time; once the time is up, reading the result submits it.',
  tags: ['exams'],
  auth: 'user',
  params: examParams,
  response: mockExamResultSchema,
  errors: ['not_found', 'conflict'],
  handler: ({ actor, params, now }) => getMockExamResult(actor, params.examId, now),
});

export const operations: readonly Operation[] = [
  signUpOp,
  createTokenOp,
  getMeOp,
  updateProfileOp,
  changePasswordOp,
  listUsersOp,
  updateUserOp,
  listCoursesOp,
  getCourseOp,
  getDeckOp,
  addToDeckOp,
  getNextCardOp,
  submitAnswerOp,
  syncOfflineAnswersOp,
  adjustAnswerOp,
  undoAnswerOp,
  answerInLessonOp,
  listReviewsOp,
  getCardOp,
  getStatsOp,
  getSettingsOp,
  updateSettingsOp,
  requestParameterFitOp,
  ...dataRightsOperations,
  createClassOp,
  listClassesOp,
  joinClassOp,
  getClassOp,
  rotateJoinCodeOp,
  setClassExamDateOp,
  addInstructorOp,
  listClassMembersOp,
  removeStudentOp,
  assignLessonOp,
  getClassProgressOp,
  getStudentProgressOp,
  listStudentReviewsOp,
  getItemAnalysisOp,
  exportClassProgressCsvOp,
  exportItemAnalysisCsvOp,
  setExamDateOp,
  getReadinessOp,
  startMockExamOp,
  getMockExamOp,
  saveMockExamAnswerOp,
  submitMockExamOp,
  getMockExamResultOp,
  ...accountOperations,
];
