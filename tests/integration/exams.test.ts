import { fsrs, generatorParameters, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { courseCatalog, findItem } from '@/lib/content/catalog';
import { blueprintCounts } from '@/lib/domain/exam/blueprint';
import { addLessonToDeck } from '@/lib/data/review/deck';
import { nextCard } from '@/lib/data/review/next-card';
import { setOwnExamDate } from '@/lib/data/exam/exam-date';
import { getReadiness } from '@/lib/data/exam/readiness';
import { getExamPlan } from '@/lib/data/exam/plan';
import {
  getMockExam,
  getMockExamResult,
  listMockExams,
  saveMockExamAnswer,
  startMockExam,
  submitMockExam,
} from '@/lib/data/exam/mock-exams';
import type { Actor } from '@/lib/data/actor';
import type { ItemView } from '@/lib/domain/item-view';
import { responseFor } from '../support/answers';
import { answerCard, caught, makeActor } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const T0 = new Date('2026-12-01T02:00:00Z');
const MIN = 60_000;

async function studyCards(actor: Actor, n: number, now: Date) {
  await addLessonToDeck(actor, { courseId: COURSE, lessonId: 'keamanan-kolektif' }, now);
  for (let i = 0; i < n; i++) {
    const card = (await nextCard(actor, now)).next!;
    await answerCard(actor, card, true, now);
  }
}

async function answerAll(actor: Actor, examId: string, now: Date, correct: (i: number) => boolean) {
  const exam = await getMockExam(actor, examId, now);
  for (const q of exam.questions) {
    const found = (await findItem(q.view.id))!;
    await saveMockExamAnswer(
      actor,
      examId,
      { position: q.position, response: responseFor(found.item, q.view as ItemView, correct(q.position)) },
      now,
    );
  }
  return exam;
}

describe('exam date and readiness', () => {
  it("forecasts a studied card's recall as its FSRS retrievability on the exam date, checked against ts-fsrs", async () => {
    const student = await makeActor();
    await studyCards(student, 3, T0);
    await setOwnExamDate(student, { courseId: COURSE, examDate: '2026-12-20' }, T0);
    const r = await getReadiness(student, COURSE, T0);
    expect(r.exam).toEqual({ examAt: '2026-12-20T02:00:00.000Z', source: 'own', className: null });
    const studied = r.items.filter((i) => i.source === 'memory');
    expect(studied).toHaveLength(3);
    const f = fsrs(generatorParameters({ enable_fuzz: false }));
    for (const item of studied) {
      const card = await db().card.findUniqueOrThrow({
        where: { userId_itemId: { userId: student.id, itemId: item.itemId } },
      });
      const expected = f.get_retrievability(
        {
          due: card.due,
          stability: card.stability,
          difficulty: card.difficulty,
          elapsed_days: 0,
          scheduled_days: card.scheduledDays,
          learning_steps: card.learningSteps,
          reps: card.reps,
          lapses: card.lapses,
          state: State.Learning,
          last_review: card.lastReview!,
        },
        new Date('2026-12-20T02:00:00Z'),
        false,
      );
      expect(item.recall).toBeCloseTo(expected, 6);
      // …and the chance of a right answer adds the first-sight chance for when the memory has gone.
      expect(item.p).toBeGreaterThan(item.recall!);
    }
    // Unstudied items are neither zero nor known.
    const unstudied = r.items.filter((i) => i.source === 'population');
    expect(unstudied.length).toBe(r.items.length - 3);
    expect(unstudied.filter((i) => !(i.p > 0 && i.p < 1))).toEqual([]);
    expect(r.overall.low).toBeLessThan(r.overall.p);
    expect(r.overall.high).toBeGreaterThan(r.overall.p);
  });

  it('refuses an exam date in the past and names the problem', async () => {
    const student = await makeActor();
    const e = await caught(setOwnExamDate(student, { courseId: COURSE, examDate: '2026-11-01' }, T0));
    expect(e.fieldErrors.examDate).toEqual(['validation.examDatePast']);
    const bad = await caught(setOwnExamDate(student, { courseId: COURSE, examDate: '20-12-2026' }, T0));
    expect(bad.fieldErrors.examDate).toEqual(['validation.dateInvalid']);
  });

  it('plans one extra review before the exam for each card that would be forgotten, within the daily maximum', async () => {
    const student = await makeActor();
    await studyCards(student, 3, T0);
    // Graduate the three cards (second learning step), so they are due in days, after the exam below.
    const later = new Date(T0.getTime() + 11 * MIN);
    await studyCardsAgain(student, later);
    await setOwnExamDate(student, { courseId: COURSE, examDate: '2026-12-30' }, later);
    const plan = (await getExamPlan(student, COURSE, later))!;
    expect(plan.days).toHaveLength(29);
    expect(plan.days.reduce((s, d) => s + d.natural, 0)).toBe(3);
    expect(plan.unplaced).toBe(0);
    expect(plan.days.every((d) => d.natural + d.pulled <= plan.maxPerDay)).toBe(true);
  });
});

async function studyCardsAgain(actor: Actor, now: Date) {
  for (;;) {
    const card = (await nextCard(actor, now)).next;
    if (!card || card.phase === 'new') return;
    await answerCard(actor, card, true, now);
  }
}

describe('mock exams', () => {
  it('never sends the key before submission, and follows the blueprint', async () => {
    const student = await makeActor();
    const started = await startMockExam(student, { courseId: COURSE, questions: 16, minutes: 20 }, T0);
    expect(started.questionCount).toBe(16);
    const exam = await getMockExam(student, started.id, T0);
    const json = JSON.stringify(exam);
    expect(json).not.toContain('"correct"');
    expect(json).not.toContain('"answers"');
    expect(json).not.toContain('explanation');
    expect(json).not.toContain('"feedback"');
    expect(exam.remainingSec).toBe(20 * 60);
    // Each lesson its share by its number of items (the blueprint), and never two items of one fact.
    const lessons = new Map<string, number>();
    const siblings = new Set<string>();
    for (const q of exam.questions) {
      const item = (await findItem(q.view.id))!.item;
      lessons.set(item.lesson, (lessons.get(item.lesson) ?? 0) + 1);
      siblings.add(item.sibling);
    }
    const catalog = (await courseCatalog(COURSE))!;
    const sizes = [...catalog.lessonById.keys()].map((lessonId) => ({
      lessonId,
      items: [...catalog.itemById.values()].filter((i) => i.lesson === lessonId).length,
    }));
    const expected = blueprintCounts(sizes, 16);
    for (const [lessonId, n] of expected) expect(lessons.get(lessonId) ?? 0, lessonId).toBe(n);
    expect(Math.max(...expected.values()) - Math.min(...expected.values())).toBeGreaterThan(0);
    expect(siblings.size).toBe(16);
    expect((await caught(getMockExamResult(student, started.id, T0))).messageKey).toBe('errors.examNotSubmitted');
  });

  it('keeps saved answers across a reload, submits once, and records each answer as exam evidence', async () => {
    const student = await makeActor();
    const started = await startMockExam(student, { courseId: COURSE, questions: 10, minutes: 15 }, T0);
    await answerAll(student, started.id, T0, (i) => i % 2 === 0);
    const reloaded = await getMockExam(student, started.id, new Date(T0.getTime() + 5 * MIN));
    expect(reloaded.questions.every((q) => q.response !== null)).toBe(true);
    expect(reloaded.remainingSec).toBe(10 * 60);

    const submitted = await submitMockExam(student, started.id, new Date(T0.getTime() + 6 * MIN));
    expect(submitted.score).toBe(0.5);
    const logs = await db().reviewLog.count({ where: { userId: student.id, source: 'EXAM' } });
    expect(logs).toBe(10);
    expect(await db().card.count({ where: { userId: student.id, reps: 1 } })).toBe(10);

    const again = await submitMockExam(student, started.id, new Date(T0.getTime() + 7 * MIN));
    expect(again).toEqual(submitted);
    expect(await db().reviewLog.count({ where: { userId: student.id, source: 'EXAM' } })).toBe(10);

    const late = await caught(
      saveMockExamAnswer(student, started.id, { position: 0, response: { kind: 'truefalse', value: true } }, T0),
    );
    expect(late.messageKey).toBe('errors.examSubmitted');

    const result = await getMockExamResult(student, started.id, new Date(T0.getTime() + 8 * MIN));
    expect(result.correctCount).toBe(5);
    expect(result.questions.filter((q) => q.correct)).toHaveLength(5);
    expect(result.questions[0]!.feedback.explanation.length).toBeGreaterThan(10);
    expect(result.questions[0]!.sources[0]!.quote.length).toBeGreaterThan(10);
    expect(result.byLesson.reduce((s, l) => s + l.total, 0)).toBe(10);
    // Concepts by the names in course.json, each counted once per question that tests it.
    const tested = new Map<string, number>();
    for (const q of result.questions)
      for (const c of (await findItem(q.view.id))!.item.concepts) tested.set(c, (tested.get(c) ?? 0) + 1);
    const names = (await findItem(result.questions[0]!.view.id))!.catalog.course.course.concepts;
    expect(result.byConcept.map((c) => [c.concept, c.name, c.total]).sort()).toEqual(
      [...tested].map(([c, n]) => [c, names[c], n]).sort(),
    );
    expect(result.byConcept.every((c) => c.name.length > 0 && c.name !== c.concept)).toBe(true);
    expect(result.forecast.low).toBeLessThanOrEqual(result.forecast.p);

    const calibration = await listMockExams(student, COURSE);
    expect(calibration.n).toBe(1);
    expect(calibration.meanAbsoluteError).toBeCloseTo(Math.abs(0.5 - result.forecast.p), 10);
  });

  it('refuses answers after the time is up, by the server clock, and submits on the next read', async () => {
    const student = await makeActor();
    const started = await startMockExam(student, { courseId: COURSE, questions: 5, minutes: 2 }, T0);
    const exam = await getMockExam(student, started.id, T0);
    const q = exam.questions[0]!;
    const found = (await findItem(q.view.id))!;
    await saveMockExamAnswer(
      student,
      started.id,
      { position: 0, response: responseFor(found.item, q.view as ItemView, true) },
      new Date(T0.getTime() + MIN),
    );
    const tooLate = await caught(
      saveMockExamAnswer(
        student,
        started.id,
        { position: 1, response: { kind: 'truefalse', value: true } },
        new Date(T0.getTime() + 3 * MIN),
      ),
    );
    expect(tooLate.messageKey).toBe('errors.examTimeUp');
    const after = await getMockExam(student, started.id, new Date(T0.getTime() + 3 * MIN));
    expect(after.status).toBe('submitted');
    const result = await getMockExamResult(student, started.id, new Date(T0.getTime() + 3 * MIN));
    expect(result.correctCount).toBe(1);
    expect(result.score).toBe(0.2);
  });

  it("does not let a student see or touch another student's attempt", async () => {
    const owner = await makeActor();
    const other = await makeActor();
    const started = await startMockExam(owner, { courseId: COURSE, questions: 5, minutes: 10 }, T0);
    expect((await caught(getMockExam(other, started.id, T0))).code).toBe('not_found');
    expect(
      (
        await caught(
          saveMockExamAnswer(other, started.id, { position: 0, response: { kind: 'truefalse', value: true } }, T0),
        )
      ).code,
    ).toBe('not_found');
    expect((await caught(submitMockExam(other, started.id, T0))).code).toBe('not_found');
    expect((await caught(getMockExamResult(other, started.id, T0))).code).toBe('not_found');
    expect((await getMockExam(owner, started.id, T0)).status).toBe('open');
    expect((await caught(getMockExam(null, started.id, T0))).code).toBe('unauthenticated');
  });

  it('validates the request with messages naming the field', async () => {
    const student = await makeActor();
    const e = await caught(startMockExam(student, { courseId: COURSE, questions: 500, minutes: 0 }, T0));
    expect(Object.keys(e.fieldErrors).sort()).toEqual(['minutes', 'questions']);
    expect(await db().mockExam.count({ where: { userId: student.id } })).toBe(0);
  });
});
