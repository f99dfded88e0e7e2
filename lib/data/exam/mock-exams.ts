/**
 * Timed mock exams. The questions are fixed when the attempt starts (blueprint + what the student knows least, see
 * lib/domain/exam/blueprint.ts) together with the forecast for exactly those questions. Answers are saved as the
 * student goes; the server keeps the time: after the deadline nothing more is saved, and reading the attempt
 * submits it. Submission happens once (a conditional UPDATE claims it); it grades every answer and records each as
 * an EXAM answer in the review log, so the schedule learns from exams. The key never leaves the server before that.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { courseCatalog, findItem, sourceView, type SourceView } from '@/lib/content/catalog';
import { pickQuestions } from '@/lib/domain/exam/blueprint';
import { calibrationSummary, type CalibrationSummary } from '@/lib/domain/exam/calibration';
import { bankFirstAttemptRate, itemForecast } from '@/lib/domain/exam/readiness';
import { feedbackFor, type Feedback } from '@/lib/domain/feedback';
import { viewItem, type ItemView, type Response } from '@/lib/domain/item-view';
import { Conflict, NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { responseSchema } from '@/lib/validation/response';
import { requireActor, type Actor } from '../actor';
import { recordExamAnswer } from '../review/answers';
import { RATING_FROM_DB, readStoredState } from '../review/memory.internal';
import type { ReviewRating } from '@/lib/domain/review/fsrs';
import { readinessItems } from './readiness.internal';
import { settingsOf } from '../review/settings.internal';
import { msg } from '@/lib/i18n/catalogue';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Grace for the last request in flight when time runs out. */
const GRACE_MS = 5_000;

export const startMockExamSchema = z.object({
  courseId: z.string().regex(/^[a-z0-9-]{1,80}$/, msg('validation.idInvalid')),
  questions: z
    .number({ error: msg('validation.examQuestions') })
    .int(msg('validation.examQuestions'))
    .min(5, msg('validation.examQuestions'))
    .max(60, msg('validation.examQuestions')),
  minutes: z
    .number({ error: msg('validation.examMinutes') })
    .int(msg('validation.examMinutes'))
    .min(2, msg('validation.examMinutes'))
    .max(180, msg('validation.examMinutes')),
});

export const saveMockExamAnswerSchema = z.object({
  position: z
    .number({ error: msg('validation.examPosition') })
    .int(msg('validation.examPosition'))
    .min(0, msg('validation.examPosition')),
  response: responseSchema,
});

interface Question {
  itemId: string;
  seed: string;
}

export interface MockExamView {
  id: string;
  courseId: string;
  status: 'open' | 'submitted';
  startedAt: string;
  deadlineAt: string;
  /** Seconds left by the server's clock (0 once the time is up). */
  remainingSec: number;
  questions: { position: number; view: ItemView; response: Response | null }[];
}

export interface MockExamSummary {
  id: string;
  startedAt: string;
  submittedAt: string | null;
  questionCount: number;
  forecast: { p: number; low: number; high: number };
  score: number | null;
}

export interface MockExamResult extends MockExamSummary {
  correctCount: number;
  byLesson: { lessonId: string; title: string; correct: number; total: number }[];
  byConcept: { concept: string; name: string; correct: number; total: number }[];
  questions: {
    position: number;
    view: ItemView;
    response: Response | null;
    correct: boolean;
    feedback: Feedback;
    sources: SourceView[];
    lessonId: string;
    /** How the answer was recorded as a review of its card: its rating and the card's next due date. */
    review: { reviewLogId: string; rating: ReviewRating; dueAfter: string } | null;
  }[];
}

async function ownExam(actor: Actor | null, examId: string) {
  const a = requireActor(actor);
  if (!UUID.test(examId)) throw new NotFound();
  const exam = await db().mockExam.findFirst({ where: { id: examId, userId: a.id }, include: { answers: true } });
  if (!exam) throw new NotFound();
  return { a, exam };
}

export async function startMockExam(actor: Actor | null, input: unknown, now: Date): Promise<MockExamSummary> {
  const a = requireActor(actor);
  const { courseId, questions, minutes } = parseOrThrow(startMockExamSchema, input);
  const catalog = await courseCatalog(courseId);
  if (!catalog) throw new NotFound();
  const [items, settings] = await Promise.all([readinessItems(a.id, catalog), settingsOf(a.id)]);
  const rate = bankFirstAttemptRate(items);
  const params = { weights: settings.weights ?? undefined };
  const forecasts = new Map(items.map((i) => [i.itemId, itemForecast(i, now, rate, params)]));
  const id = randomUUID();
  const chosen = pickQuestions(
    items.map((i) => ({
      itemId: i.itemId,
      lessonId: i.lessonId,
      sibling: catalog.itemById.get(i.itemId)!.sibling,
      p: forecasts.get(i.itemId)!.p,
      seen: i.memory !== null,
    })),
    questions,
    id,
  );
  // The forecast for exactly these questions, now: the expected share right and a 90% range (Poisson-binomial).
  const ps = chosen.map((itemId) => forecasts.get(itemId)!.p);
  const p = ps.reduce((s, x) => s + x, 0) / ps.length;
  const sd = Math.sqrt(ps.reduce((s, x) => s + x * (1 - x), 0)) / ps.length;
  const row = await db().mockExam.create({
    data: {
      id,
      userId: a.id,
      courseId,
      questions: chosen.map((itemId, i) => ({ itemId, seed: `exam:${id}:${i}` })),
      timeLimitSec: minutes * 60,
      startedAt: now,
      deadlineAt: new Date(now.getTime() + minutes * 60_000),
      forecast: p,
      forecastLow: Math.max(0, p - 1.645 * sd),
      forecastHigh: Math.min(1, p + 1.645 * sd),
    },
  });
  return summary(row);
}

function summary(row: {
  id: string;
  startedAt: Date;
  submittedAt: Date | null;
  questions: unknown;
  forecast: number;
  forecastLow: number;
  forecastHigh: number;
  score: number | null;
}): MockExamSummary {
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    questionCount: (row.questions as Question[]).length,
    forecast: { p: row.forecast, low: row.forecastLow, high: row.forecastHigh },
    score: row.score,
  };
}

/** The attempt as the student takes it: questions without keys, saved answers, time left. */
export async function getMockExam(actor: Actor | null, examId: string, now: Date): Promise<MockExamView> {
  const { a, exam } = await ownExam(actor, examId);
  let submitted = exam.submittedAt !== null;
  if (!submitted && now.getTime() > exam.deadlineAt.getTime() + GRACE_MS) {
    await finalize(a, exam.id, now);
    submitted = true;
  }
  const questions = exam.questions as unknown as Question[];
  const saved = new Map(exam.answers.map((x) => [x.position, x.response as Response]));
  const views = await Promise.all(
    questions.map(async (q, position) => {
      const found = await findItem(q.itemId);
      if (!found) throw new NotFound();
      return { position, view: viewItem(found.item, q.seed), response: saved.get(position) ?? null };
    }),
  );
  return {
    id: exam.id,
    courseId: exam.courseId,
    status: submitted ? 'submitted' : 'open',
    startedAt: exam.startedAt.toISOString(),
    deadlineAt: exam.deadlineAt.toISOString(),
    remainingSec: submitted ? 0 : Math.max(0, Math.ceil((exam.deadlineAt.getTime() - now.getTime()) / 1000)),
    questions: views,
  };
}

export async function saveMockExamAnswer(
  actor: Actor | null,
  examId: string,
  input: unknown,
  now: Date,
): Promise<{ position: number; savedAt: string; remainingSec: number }> {
  const { exam } = await ownExam(actor, examId);
  const { position, response } = parseOrThrow(saveMockExamAnswerSchema, input);
  const questions = exam.questions as unknown as Question[];
  const question = questions[position];
  if (!question) throw new NotFound('errors.examQuestionNotFound');
  // Only while the attempt is open, by the server's clock; the UPDATE below re-checks it in the same statement.
  if (exam.submittedAt) throw new Conflict('errors.examSubmitted');
  if (now.getTime() > exam.deadlineAt.getTime() + GRACE_MS) throw new Conflict('errors.examTimeUp');
  const saved = await db().$executeRaw`
    INSERT INTO "MockExamAnswer" ("examId", "position", "itemId", "response", "savedAt")
    SELECT e."id", ${position}, ${question.itemId}, ${JSON.stringify(response)}::jsonb, ${now}::timestamp(3)
    FROM "MockExam" e WHERE e."id" = ${exam.id}::uuid AND e."submittedAt" IS NULL
    ON CONFLICT ("examId", "position") DO UPDATE SET "response" = EXCLUDED."response", "savedAt" = EXCLUDED."savedAt"`;
  if (saved === 0) throw new Conflict('errors.examSubmitted');
  return {
    position,
    savedAt: now.toISOString(),
    remainingSec: Math.max(0, Math.ceil((exam.deadlineAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Claims the submission (once), grades, records every answer as exam evidence, stores the score. */
async function finalize(a: Actor, examId: string, now: Date): Promise<void> {
  const deadline = (await db().mockExam.findUniqueOrThrow({ where: { id: examId }, select: { deadlineAt: true } }))
    .deadlineAt;
  // Submitted when the student pressed submit, or at the deadline when time ran out (whenever it is noticed).
  const claimed = await db().mockExam.updateMany({
    where: { id: examId, userId: a.id, submittedAt: null },
    data: { submittedAt: now.getTime() > deadline.getTime() ? deadline : now },
  });
  const exam = await db().mockExam.findUniqueOrThrow({ where: { id: examId }, include: { answers: true } });
  if (claimed.count === 0 && exam.score !== null) return;
  const questions = exam.questions as unknown as Question[];
  const answers = new Map(exam.answers.map((x) => [x.position, x]));
  let correct = 0;
  for (const [position, q] of questions.entries()) {
    const answer = answers.get(position);
    if (!answer) continue; // No answer is no evidence of memory either way; it scores zero.
    const result = await recordExamAnswer({
      userId: a.id,
      timeZone: a.timeZone,
      examId,
      position,
      itemId: q.itemId,
      seed: q.seed,
      response: answer.response as Response,
      answeredAt: answer.savedAt,
    });
    if (result.correct) correct++;
    await db().mockExamAnswer.update({
      where: { examId_position: { examId, position } },
      data: { correct: result.correct },
    });
  }
  await db().mockExam.update({
    where: { id: examId },
    data: { correctCount: correct, score: correct / questions.length },
  });
}

/** Submits the attempt. A second submission changes nothing and returns the same summary. */
export async function submitMockExam(actor: Actor | null, examId: string, now: Date): Promise<MockExamSummary> {
  const { a, exam } = await ownExam(actor, examId);
  if (exam.submittedAt === null || exam.score === null) await finalize(a, exam.id, now);
  return summary(await db().mockExam.findUniqueOrThrow({ where: { id: exam.id } }));
}

/** The review-log rows an exam's answers were recorded as (keyed `exam-<examId>-<position>` by recordExamAnswer). */
async function examReviews(userId: string, examId: string) {
  const prefix = `exam-${examId}-`;
  const logs = await db().reviewLog.findMany({
    where: { userId, idempotencyKey: { startsWith: prefix } },
    select: { id: true, idempotencyKey: true, rating: true, stateAfter: true },
  });
  return new Map(
    logs.map((l) => [
      Number(l.idempotencyKey.slice(prefix.length)),
      {
        reviewLogId: l.id,
        rating: RATING_FROM_DB[l.rating],
        dueAfter: readStoredState(l.stateAfter).due.toISOString(),
      },
    ]),
  );
}

export async function getMockExamResult(actor: Actor | null, examId: string, now: Date): Promise<MockExamResult> {
  const { a, exam } = await ownExam(actor, examId);
  if (exam.submittedAt === null || exam.score === null) {
    if (now.getTime() <= exam.deadlineAt.getTime() + GRACE_MS && exam.submittedAt === null)
      throw new Conflict('errors.examNotSubmitted');
    await finalize(a, exam.id, now);
  }
  const row = await db().mockExam.findUniqueOrThrow({ where: { id: exam.id }, include: { answers: true } });
  const catalog = await courseCatalog(row.courseId);
  if (!catalog) throw new NotFound();
  const questions = row.questions as unknown as Question[];
  const answers = new Map(row.answers.map((x) => [x.position, x]));
  const reviews = await examReviews(a.id, row.id);
  const byLesson = new Map<string, { correct: number; total: number }>();
  const byConcept = new Map<string, { correct: number; total: number }>();
  const detailed = questions.map((q, position) => {
    const item = catalog.itemById.get(q.itemId)!;
    const response = (answers.get(position)?.response as Response | undefined) ?? null;
    const feedback = feedbackFor(item, response ?? ({ kind: 'truefalse', value: false } as Response), q.seed);
    const correct = response !== null && (answers.get(position)?.correct ?? feedback.correct);
    const bump = (m: Map<string, { correct: number; total: number }>, key: string) => {
      const v = m.get(key) ?? { correct: 0, total: 0 };
      v.total++;
      if (correct) v.correct++;
      m.set(key, v);
    };
    bump(byLesson, item.lesson);
    for (const c of item.concepts) bump(byConcept, c);
    return {
      position,
      view: viewItem(item, q.seed),
      response,
      correct,
      feedback: { ...feedback, correct },
      sources: item.sources.map((s) => sourceView(catalog, s)),
      lessonId: item.lesson,
      review: reviews.get(position) ?? null,
    };
  });
  return {
    ...summary(row),
    correctCount: row.correctCount ?? 0,
    byLesson: catalog.course.lessons
      .filter((l) => byLesson.has(l.id))
      .map((l) => ({ lessonId: l.id, title: l.title, ...byLesson.get(l.id)! })),
    byConcept: [...byConcept.entries()]
      .map(([concept, v]) => ({ concept, name: catalog.course.course.concepts[concept] ?? concept, ...v }))
      .sort((x, y) => x.correct / x.total - y.correct / y.total),
    questions: detailed,
  };
}

export interface Calibration extends CalibrationSummary {
  /** Newest first. */
  attempts: MockExamSummary[];
}

export async function listMockExams(actor: Actor | null, courseId: string): Promise<Calibration> {
  const a = requireActor(actor);
  const rows = await db().mockExam.findMany({ where: { userId: a.id, courseId }, orderBy: { startedAt: 'desc' } });
  const attempts = rows.map(summary);
  return { attempts, ...calibrationSummary(attempts) };
}
