/**
 * The exam plan of a student for a course: which cards get an extra review before the exam and how many reviews
 * each day until then (lib/domain/exam/plan.ts decides). Used by the exam page (through plan.ts, which checks the
 * actor) and by the review queue, so the plan the student sees is the plan they get. Internal: takes raw user ids.
 */
import { db } from '@/lib/db/client';
import { examPlan, type ExamPlan } from '@/lib/domain/exam/plan';
import { learnerDay, learnerDayKey } from '@/lib/domain/review/day';
import { memoryOfRow } from '../review/memory.internal';
import { settingsOf } from '../review/settings.internal';
import { effectiveExamDate, type ExamDate } from './exam-date.internal';

export interface ExamPlanView {
  exam: ExamDate;
  days: { key: string; natural: number; pulled: number }[];
  pulledToday: string[];
  pulledTotal: number;
  unplaced: number;
  target: number;
  maxPerDay: number;
}

function daysBetween(fromKey: string, toKey: string): number {
  return Math.round((Date.parse(`${toKey}T00:00:00Z`) - Date.parse(`${fromKey}T00:00:00Z`)) / 86_400_000);
}

function keyPlus(key: string, days: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function examPlanFor(
  userId: string,
  timeZone: string,
  courseId: string,
  now: Date,
): Promise<ExamPlanView | null> {
  const exam = await effectiveExamDate(userId, courseId, now);
  if (!exam || Date.parse(exam.examAt) <= now.getTime()) return null;
  const settings = await settingsOf(userId);
  const today = learnerDay(now, timeZone, settings.rolloverHour).key;
  const examAt = new Date(exam.examAt);
  const examDay = daysBetween(today, learnerDayKey(examAt, timeZone, settings.rolloverHour));
  const cards = await db().card.findMany({ where: { userId, courseId, phase: { not: 'NEW' } } });
  const plan: ExamPlan = examPlan(
    cards.map((c) => ({ id: c.id, memory: memoryOfRow(c) })),
    {
      examAt,
      examDay,
      target: settings.desiredRetention,
      maxPerDay: settings.maxReviewsPerDay,
      dayOf: (at) => daysBetween(today, learnerDayKey(at, timeZone, settings.rolloverHour)),
      params: { weights: settings.weights ?? undefined },
    },
  );
  return {
    exam,
    days: plan.days.map((d) => ({ key: keyPlus(today, d.day), natural: d.natural, pulled: d.pulled })),
    pulledToday: [...plan.pulled.entries()].filter(([, d]) => d === 0).map(([id]) => id),
    pulledTotal: plan.pulled.size,
    unplaced: plan.unplaced,
    target: settings.desiredRetention,
    maxPerDay: settings.maxReviewsPerDay,
  };
}

/** The courses for which the student has an exam ahead (own date, or a class's). */
export async function coursesWithExamAhead(userId: string, now: Date): Promise<string[]> {
  const [own, classes] = await Promise.all([
    db().studentExamDate.findMany({ where: { userId, examDate: { gt: now } }, select: { courseId: true } }),
    db().classMember.findMany({
      where: { userId, removedAt: null, class: { examDate: { gt: now } } },
      select: { class: { select: { courseId: true } } },
    }),
  ]);
  return [...new Set([...own.map((o) => o.courseId), ...classes.map((c) => c.class.courseId)])];
}

/** Lessons assigned to the student in their classes, earliest due first. */
export async function assignedLessons(userId: string): Promise<string[]> {
  const rows = await db().assignment.findMany({
    where: { class: { members: { some: { userId, removedAt: null } } } },
    orderBy: { dueAt: 'asc' },
    select: { lessonId: true },
  });
  return [...new Set(rows.map((r) => r.lessonId))];
}
