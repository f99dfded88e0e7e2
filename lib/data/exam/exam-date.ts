/**
 * A student's exam date for a course: their class's date when a class they belong to sets one (they can see it but
 * not change it), otherwise the date they set themselves. Dates are whole days, the exam at 09:00 local time.
 */
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { courseCatalog } from '@/lib/content/catalog';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, type Actor } from '../actor';
import { effectiveExamDate, type ExamDate } from './exam-date.internal';
import { msg } from '@/lib/i18n/catalogue';

export type { ExamDate };

export const setExamDateSchema = z.object({
  courseId: z.string().regex(/^[a-z0-9-]{1,80}$/, msg('validation.idInvalid')),
  examDate: z.iso.date({ error: msg('validation.dateInvalid') }).nullable(),
});

/** 09:00 on a calendar day in a time zone: when "the exam" is for forecasts. */
export function examInstant(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 9, 0, 0, timeZone).getTime());
}

export async function setOwnExamDate(actor: Actor | null, input: unknown, now: Date): Promise<ExamDate | null> {
  const a = requireActor(actor);
  const { courseId, examDate } = parseOrThrow(setExamDateSchema, input);
  if (!(await courseCatalog(courseId))) throw new NotFound();
  const current = await effectiveExamDate(a.id, courseId, now);
  if (current?.source === 'class') throw new Conflict('errors.classExamDate');
  if (examDate === null) {
    await db().studentExamDate.deleteMany({ where: { userId: a.id, courseId } });
    return null;
  }
  const at = examInstant(examDate, a.timeZone);
  if (at.getTime() <= now.getTime()) throw new Invalid({ examDate: ['validation.examDatePast'] });
  await db().studentExamDate.upsert({
    where: { userId_courseId: { userId: a.id, courseId } },
    create: { userId: a.id, courseId, examDate: at, setAt: now },
    update: { examDate: at, setAt: now },
  });
  return { examAt: at.toISOString(), source: 'own', className: null };
}
