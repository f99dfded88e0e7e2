/** A student's exam date for a course, by raw user id (internal: exam-date.ts, readiness.ts and plan.ts check the
 * actor first). */
import { db } from '@/lib/db/client';

export interface ExamDate {
  examAt: string;
  source: 'class' | 'own';
  className: string | null;
}

export async function effectiveExamDate(userId: string, courseId: string, now: Date): Promise<ExamDate | null> {
  const fromClass = await db().classMember.findFirst({
    where: { userId, removedAt: null, class: { courseId, examDate: { not: null, gte: now } } },
    include: { class: { select: { name: true, examDate: true } } },
    orderBy: { class: { examDate: 'asc' } },
  });
  if (fromClass?.class.examDate)
    return { examAt: fromClass.class.examDate.toISOString(), source: 'class', className: fromClass.class.name };
  const own = await db().studentExamDate.findUnique({ where: { userId_courseId: { userId, courseId } } });
  // Once the exam has passed, scheduling and readiness return to normal.
  return own && own.examDate.getTime() > now.getTime()
    ? { examAt: own.examDate.toISOString(), source: 'own', className: null }
    : null;
}
