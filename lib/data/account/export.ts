/**
 * A learner's copy of everything Ingat holds about them (the right of access and to data portability of Indonesia's
 * UU PDP, like GDPR articles 15 and 20): profile, review settings, the deck with each card's memory state, every
 * answer in the review log (undone and re-rated ones included, marked as such), mock exams with their answers, exam
 * dates, their own FSRS parameter fits, classes they belong to or teach, and the metadata of their API tokens and
 * browser sessions.
 *
 * What is left out on purpose: secrets and what stands in for them (password hash, token hashes and their last
 * characters, session ids: an export file travels by email and cloud drives, and none of these is information about
 * the learner), and other people's data (classmates, instructors' names, other learners' answers to the same
 * items). Every query is keyed by the actor's own id; nothing here takes a user id from outside.
 *
 * The document's shape is declared once, as `personalDataSchema`; its type, the API response and the OpenAPI
 * document all follow from it. The CSV tables (./export-csv.ts) are built from the same document.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { responseSchema } from '@/lib/validation/response';
import { storedStateSchema } from '../review/memory.internal';
import { requireActor, type Actor } from '../actor';

const instant = z.iso.datetime();
const phase = z.enum(['NEW', 'LEARNING', 'REVIEW', 'RELEARNING']);
const rating = z.enum(['AGAIN', 'HARD', 'GOOD', 'EASY']);

const profileSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['STUDENT', 'INSTRUCTOR', 'ADMIN']),
  locale: z.string(),
  timeZone: z.string(),
  createdAt: instant,
  passwordChangedAt: instant,
  disabledAt: instant.nullable(),
});

const reviewSettingsSchema = z.object({
  desiredRetention: z.number(),
  newPerDay: z.number().int(),
  maxReviewsPerDay: z.number().int(),
  rolloverHour: z.number().int(),
  parameterSetId: z.string().nullable().describe('The FSRS parameters in use; null: the defaults.'),
  updatedAt: instant,
});

const cardSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  courseId: z.string(),
  lessonId: z.string(),
  phase,
  due: instant,
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: instant.nullable(),
  version: z.number().int(),
  createdAt: instant,
});

const answerSchema = z.object({
  id: z.string(),
  seq: z.number().int().describe('Order of recording.'),
  cardId: z.string(),
  itemId: z.string(),
  source: z.enum(['REVIEW', 'LESSON', 'EXAM']),
  answeredAt: instant,
  timeZone: z.string(),
  response: responseSchema,
  correct: z.boolean(),
  score: z.number(),
  rating,
  durationMs: z.number().int(),
  desiredRetention: z.number(),
  firstAttempt: z.boolean(),
  recallEligible: z.boolean(),
  choice: z.string().nullable(),
  cardVersionBefore: z.number().int(),
  cardVersionAfter: z.number().int(),
  stateBefore: storedStateSchema,
  stateAfter: storedStateSchema,
  revisesId: z.string().nullable().describe('For a re-rating: the answer whose rating it replaces.'),
  idempotencyKey: z.string(),
  seed: z.string().describe('Fixed the order in which the options were shown.'),
  revoked: z
    .object({ reason: z.enum(['UNDONE', 'RERATED']), at: instant })
    .nullable()
    .describe('Set when the answer no longer counts (undone, or replaced by a re-rating).'),
});

const mockExamSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  questions: z.array(z.object({ itemId: z.string(), seed: z.string() })),
  timeLimitSec: z.number().int(),
  startedAt: instant,
  deadlineAt: instant,
  forecast: z.number(),
  forecastLow: z.number(),
  forecastHigh: z.number(),
  submittedAt: instant.nullable(),
  score: z.number().nullable(),
  correctCount: z.number().int().nullable(),
  answers: z.array(
    z.object({
      position: z.number().int(),
      itemId: z.string(),
      response: responseSchema,
      savedAt: instant,
      correct: z.boolean().nullable(),
    }),
  ),
});

const parameterSetSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  weights: z.array(z.number()),
  trainReviews: z.number().int(),
  heldOutReviews: z.number().int(),
  logLoss: z.number(),
  rmseBins: z.number(),
  baselineLogLoss: z.number(),
  baselineRmseBins: z.number(),
  adopted: z.boolean(),
  reason: z.string(),
  createdAt: instant,
});

export const personalDataSchema = z.object({
  format: z.literal('ingat.personal-data'),
  version: z.literal(1),
  exportedAt: instant,
  profile: profileSchema,
  reviewSettings: reviewSettingsSchema.nullable().describe('null: never changed (the defaults apply).'),
  cards: z.array(cardSchema),
  reviewLog: z.array(answerSchema).describe('Every answer, oldest first.'),
  mockExams: z.array(mockExamSchema),
  examDates: z.array(z.object({ courseId: z.string(), examDate: instant, setAt: instant })),
  parameterSets: z.array(parameterSetSchema).describe('FSRS fits made from this learner’s own reviews.'),
  classMemberships: z.array(
    z.object({
      classId: z.string(),
      className: z.string(),
      courseId: z.string(),
      joinedAt: instant,
      removedAt: instant.nullable(),
    }),
  ),
  classesTaught: z.array(
    z.object({ classId: z.string(), className: z.string(), courseId: z.string(), addedAt: instant }),
  ),
  apiTokens: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        createdAt: instant,
        expiresAt: instant,
        lastUsedAt: instant.nullable(),
        revokedAt: instant.nullable(),
      }),
    )
    .describe('Metadata only: never the token or its hash.'),
  sessions: z
    .array(
      z.object({
        createdAt: instant,
        lastSeenAt: instant,
        revokedAt: instant.nullable(),
        userAgent: z.string().nullable(),
        current: z.boolean().describe('The session (or token) that asked for this export.'),
      }),
    )
    .describe('Browser sign-ins; their ids are left out (a session id is half of a credential).'),
});

export type PersonalData = z.output<typeof personalDataSchema>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything Ingat holds about the actor, as one JSON-ready document. Reads in one repeatable-read transaction, so
 * an answer recorded meanwhile appears in both the log and its card, or in neither.
 */
export async function exportMyData(actor: Actor | null, now: Date): Promise<PersonalData> {
  const a = requireActor(actor);
  const userId = a.id;
  const [user, settings, cards, logs, exams, examDates, parameterSets, memberships, teaching, tokens, sessions] =
    await db().$transaction(
      [
        db().user.findUniqueOrThrow({ where: { id: userId } }),
        db().reviewSettings.findUnique({ where: { userId } }),
        db().card.findMany({ where: { userId }, orderBy: [{ courseId: 'asc' }, { position: 'asc' }] }),
        db().reviewLog.findMany({ where: { userId }, include: { revocation: true }, orderBy: { seq: 'asc' } }),
        db().mockExam.findMany({
          where: { userId },
          include: { answers: { orderBy: { position: 'asc' } } },
          orderBy: { startedAt: 'asc' },
        }),
        db().studentExamDate.findMany({ where: { userId }, orderBy: { courseId: 'asc' } }),
        db().parameterSet.findMany({ where: { userId, scope: 'LEARNER' }, orderBy: { createdAt: 'asc' } }),
        db().classMember.findMany({ where: { userId }, include: { class: true }, orderBy: { joinedAt: 'asc' } }),
        db().classInstructor.findMany({ where: { userId }, include: { class: true }, orderBy: { addedAt: 'asc' } }),
        db().apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
        db().authSession.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
      ],
      { isolationLevel: 'RepeatableRead' },
    );
  return {
    format: 'ingat.personal-data',
    version: 1,
    exportedAt: iso(now),
    profile: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
      timeZone: user.timeZone,
      createdAt: iso(user.createdAt),
      passwordChangedAt: iso(user.passwordChangedAt),
      disabledAt: isoOrNull(user.disabledAt),
    },
    reviewSettings: settings && {
      desiredRetention: settings.desiredRetention,
      newPerDay: settings.newPerDay,
      maxReviewsPerDay: settings.maxReviewsPerDay,
      rolloverHour: settings.rolloverHour,
      parameterSetId: settings.parameterSetId,
      updatedAt: iso(settings.updatedAt),
    },
    cards: cards.map((c) => ({
      id: c.id,
      itemId: c.itemId,
      courseId: c.courseId,
      lessonId: c.lessonId,
      phase: c.phase,
      due: iso(c.due),
      stability: c.stability,
      difficulty: c.difficulty,
      scheduledDays: c.scheduledDays,
      learningSteps: c.learningSteps,
      reps: c.reps,
      lapses: c.lapses,
      lastReview: isoOrNull(c.lastReview),
      version: c.version,
      createdAt: iso(c.createdAt),
    })),
    reviewLog: logs.map((l) => ({
      id: l.id,
      seq: Number(l.seq),
      cardId: l.cardId,
      itemId: l.itemId,
      source: l.source,
      answeredAt: iso(l.answeredAt),
      timeZone: l.timeZone,
      response: responseSchema.parse(l.response),
      correct: l.correct,
      score: l.score,
      rating: l.rating,
      durationMs: l.durationMs,
      desiredRetention: l.desiredRetention,
      firstAttempt: l.firstAttempt,
      recallEligible: l.recallEligible,
      choice: l.choice,
      cardVersionBefore: l.cardVersionBefore,
      cardVersionAfter: l.cardVersionAfter,
      stateBefore: storedStateSchema.parse(l.stateBefore),
      stateAfter: storedStateSchema.parse(l.stateAfter),
      revisesId: l.revisesId,
      idempotencyKey: l.idempotencyKey,
      seed: l.seed,
      revoked: l.revocation ? { reason: l.revocation.reason, at: iso(l.revocation.at) } : null,
    })),
    mockExams: exams.map((e) => ({
      id: e.id,
      courseId: e.courseId,
      questions: z.array(z.object({ itemId: z.string(), seed: z.string() })).parse(e.questions),
      timeLimitSec: e.timeLimitSec,
      startedAt: iso(e.startedAt),
      deadlineAt: iso(e.deadlineAt),
      forecast: e.forecast,
      forecastLow: e.forecastLow,
      forecastHigh: e.forecastHigh,
      submittedAt: isoOrNull(e.submittedAt),
      score: e.score,
      correctCount: e.correctCount,
      answers: e.answers.map((x) => ({
        position: x.position,
        itemId: x.itemId,
        response: responseSchema.parse(x.response),
        savedAt: iso(x.savedAt),
        correct: x.correct,
      })),
    })),
    examDates: examDates.map((d) => ({ courseId: d.courseId, examDate: iso(d.examDate), setAt: iso(d.setAt) })),
    parameterSets: parameterSets.map((p) => ({
      id: p.id,
      courseId: p.courseId,
      weights: p.weights,
      trainReviews: p.trainReviews,
      heldOutReviews: p.heldOutReviews,
      logLoss: p.logLoss,
      rmseBins: p.rmseBins,
      baselineLogLoss: p.baselineLogLoss,
      baselineRmseBins: p.baselineRmseBins,
      adopted: p.adopted,
      reason: p.reason,
      createdAt: iso(p.createdAt),
    })),
    classMemberships: memberships.map((m) => ({
      classId: m.classId,
      className: m.class.name,
      courseId: m.class.courseId,
      joinedAt: iso(m.joinedAt),
      removedAt: isoOrNull(m.removedAt),
    })),
    classesTaught: teaching.map((t) => ({
      classId: t.classId,
      className: t.class.name,
      courseId: t.class.courseId,
      addedAt: iso(t.addedAt),
    })),
    apiTokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: iso(t.createdAt),
      expiresAt: iso(t.expiresAt),
      lastUsedAt: isoOrNull(t.lastUsedAt),
      revokedAt: isoOrNull(t.revokedAt),
    })),
    sessions: sessions.map((s) => ({
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      revokedAt: isoOrNull(s.revokedAt),
      userAgent: s.userAgent,
      current: s.id === a.sessionId,
    })),
  };
}
