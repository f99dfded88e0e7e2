/**
 * The numbers learners and instructors read, against a real database: mastery after wrong answers, readiness of a
 * studied-and-forgotten lesson against an unstudied one.
 */
import { describe, expect, it } from 'vitest';
import { addLessonToDeck } from '@/lib/data/review/deck';
import { nextCard } from '@/lib/data/review/next-card';
import { learnerStats } from '@/lib/data/review/stats';
import { updateReviewSettings } from '@/lib/data/review/settings';
import { db } from '@/lib/db/client';
import { courseCatalog } from '@/lib/content/catalog';
import { getReadiness } from '@/lib/data/exam/readiness';
import { readinessItems } from '@/lib/data/exam/readiness.internal';
import { readiness } from '@/lib/domain/exam/readiness';
import { setOwnExamDate } from '@/lib/data/exam/exam-date';
import { assignLesson, classDetail, createClass, joinClass } from '@/lib/data/classes/classes';
import { getClassProgress } from '@/lib/data/classes/progress';
import type { Actor } from '@/lib/data/actor';
import { answerCard, makeActor } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const LESSON = 'keamanan-kolektif';
const T0 = new Date('2026-12-01T02:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

/** How many items the lesson has in the shipped content (the bank changes; the rule does not). */
async function itemsInLesson(lessonId: string): Promise<number> {
  const catalog = (await courseCatalog(COURSE))!;
  return [...catalog.itemById.values()].filter((i) => i.lesson === lessonId).length;
}

/** Answers the next `n` new cards of the queue, right when `correct(i)`. */
async function answerNew(actor: Actor, n: number, now: Date, correct: (i: number) => boolean) {
  for (let i = 0; i < n; i++) {
    const card = (await nextCard(actor, now)).next!;
    expect(card.phase).toBe('new');
    await answerCard(actor, card, correct(i), now);
  }
}

describe('mastery', () => {
  it('is not 100% a minute after 5 of 10 answers were wrong: nothing is mastered yet, on the page and the dashboard', async () => {
    const teacher = await makeActor('INSTRUCTOR', 'mastery');
    const created = await createClass(teacher, { courseId: COURSE, name: 'Kelas penguasaan' }, T0);
    const student = await makeActor('STUDENT', 'mastery');
    await joinClass(student, { code: (await classDetail(teacher, created.id)).joinCode! }, T0);
    await assignLesson(teacher, created.id, { lessonId: LESSON, dueDate: '2026-12-20' }, T0);
    await answerNew(student, 10, T0, (i) => i % 2 === 0);

    const now = new Date(T0.getTime() + MIN);
    const stats = await learnerStats(student, now);
    const items = await itemsInLesson(LESSON);
    expect(stats.known).toMatchObject({ studied: 10, mastered: 0, total: items });
    // The expected number recalled a week from now is below the 10 answered, and below the 5 right + 5 wrong
    // counted as known, which "recall now" (≈ 1 each) would have said.
    expect(stats.known.expected).toBeLessThan(10);
    const lesson = stats.lessons.find((l) => l.lessonId === LESSON)!;
    expect(lesson).toMatchObject({ total: items, studied: 10, mastered: 0, mastery: 0 });

    const row = (await getClassProgress(teacher, created.id, now)).students.find((s) => s.id === student.id)!;
    expect(row).toMatchObject({ studied: 10, mastered: 0 });
  });

  it('counts a question as mastered after a right answer on a later day, and the lesson share rises accordingly', async () => {
    const student = await makeActor('STUDENT', 'spaced');
    await addLessonToDeck(student, { courseId: COURSE, lessonId: LESSON }, T0);
    await answerNew(student, 1, T0, () => true);
    // No more new cards: the queue then holds only this one, at its second learning step and its first review.
    await updateReviewSettings(student, { newPerDay: 0 });
    const step2 = new Date(T0.getTime() + 11 * MIN);
    await answerCard(student, (await nextCard(student, step2)).next!, true, step2);
    expect((await learnerStats(student, step2)).known).toMatchObject({ studied: 1, mastered: 0 });
    const card = await db().card.findFirstOrThrow({ where: { userId: student.id, phase: { not: 'NEW' } } });
    const at = new Date(card.due.getTime() + MIN);
    expect(at.getTime() - T0.getTime()).toBeGreaterThan(DAY);
    const review = (await nextCard(student, at)).next!;
    expect(review.phase).toBe('review');
    await answerCard(student, review, true, at);
    const stats = await learnerStats(student, at);
    expect(stats.known.mastered).toBe(1);
    const items = await itemsInLesson(LESSON);
    expect(stats.lessons.find((l) => l.lessonId === LESSON)).toMatchObject({ mastered: 1, mastery: 1 / items });
  });
});

describe('readiness', () => {
  it('does not show a lesson studied and forgotten below the same lesson never studied', async () => {
    const forgot = await makeActor('STUDENT', 'forgot');
    const fresh = await makeActor('STUDENT', 'fresh');
    await addLessonToDeck(forgot, { courseId: COURSE, lessonId: LESSON }, T0);
    await answerNew(forgot, 15, T0, () => false);
    for (const s of [forgot, fresh]) await setOwnExamDate(s, { courseId: COURSE, examDate: '2027-06-01' }, T0);
    const mine = await getReadiness(forgot, COURSE, T0);
    const theirs = await getReadiness(fresh, COURSE, T0);
    const lesson = (r: typeof mine) => r.byLesson.find((l) => l.id === LESSON)!;
    expect(lesson(mine).studied).toBe(15);
    expect(lesson(theirs).studied).toBe(0);
    // Both read the same first attempts of all learners; studying (even all wrong, six months before) cannot lower it.
    expect(lesson(mine).p).toBeGreaterThanOrEqual(lesson(theirs).p);
    expect(mine.basis).toMatchObject({ studied: 15 });
    expect(theirs.basis).toMatchObject({ studied: 0 });
    // The fresh student has no answers of their own: no concept is ranked as weak for them.
    expect(theirs.weakest).toEqual([]);
    expect(mine.weakest.every((c) => c.studied >= 3)).toBe(true);
  });

  it('without an exam date, forecasts a week ahead: cards answered wrongly a minute ago do not count as remembered', async () => {
    const learner = await makeActor('STUDENT', 'nodate');
    await addLessonToDeck(learner, { courseId: COURSE, lessonId: LESSON }, T0);
    await answerNew(learner, 15, T0, () => false);
    const r = await getReadiness(learner, COURSE, new Date(T0.getTime() + 60_000));
    expect(r.forecastFor).toBe('week');
    expect(r.examDate).toBe(new Date(T0.getTime() + 60_000 + 7 * 86_400_000).toISOString());
    // The same forecast for this moment, from the same items: FSRS expects every failed card still recalled.
    const items = await readinessItems(learner.id, (await courseCatalog(COURSE))!);
    const rightNow = readiness(items, new Date(T0.getTime() + 60_000), {});
    const nowP = new Map(rightNow.byConcept.map((c) => [c.id, c.studiedP ?? 0]));
    expect(r.weakest.length).toBeGreaterThan(0);
    for (const c of r.weakest) {
      expect(nowP.get(c.id)).toBeGreaterThan(0.95);
      // A week on, a failed card's memory is mostly gone: the forecast falls toward the first-sight chance.
      expect(c.studiedP!).toBeLessThan(nowP.get(c.id)! - 0.1);
    }
  });
});
