/**
 * Classes: creating one, its join code, joining, the roster, instructors, assignments and the exam date.
 * Assigning a lesson puts its items into every member's deck; joining puts the assigned lessons' items into the
 * new member's deck. Every function checks the actor (see ./access.ts).
 */
import { randomInt } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { courseCatalog, type CourseCatalog } from '@/lib/content/catalog';
import { Conflict, Forbidden, NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, requireRole, type Actor } from '../actor';
import { positionsOf } from '../review/deck.internal';
import { examInstant } from '../exam/exam-date';
import { startFromPool } from '../parameters/fit.internal';
import { classForInstructor, classForViewer, requireActiveMember } from './access.internal';
import { msg } from '@/lib/i18n/catalogue';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function newJoinCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, msg('validation.idInvalid'));
export const createClassSchema = z.object({
  courseId: slug,
  name: z
    .string({ error: msg('validation.classNameRequired') })
    .trim()
    .min(2, msg('validation.classNameRequired'))
    .max(100, msg('validation.classNameRequired')),
});
export const joinClassSchema = z.object({
  code: z
    .string({ error: msg('validation.joinCodeInvalid') })
    .trim()
    .toUpperCase()
    .transform((c) => c.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{8}$/, msg('validation.joinCodeInvalid'))),
});
const dateOnly = z.iso.date({ error: msg('validation.dateInvalid') });
export const assignLessonSchema = z.object({
  lessonId: slug,
  /** The due date, a calendar day (YYYY-MM-DD); due at the end of that day in the instructor's time zone. */
  dueDate: dateOnly,
});
export const examDateSchema = z.object({ examDate: dateOnly.nullable() });

export interface ClassSummary {
  id: string;
  name: string;
  courseId: string;
  courseTitle: string;
  examDate: string | null;
  students: number;
  role: 'instructor' | 'member';
}

async function catalogOrNotFound(courseId: string): Promise<CourseCatalog> {
  const catalog = await courseCatalog(courseId);
  if (!catalog) throw new NotFound();
  return catalog;
}

/** The end of a calendar day in a time zone, as an instant (due dates and exam dates are whole days). */
function endOfDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, 999, timeZone).getTime());
}

export async function createClass(actor: Actor | null, input: unknown, now: Date): Promise<ClassSummary> {
  const a = requireRole(actor, 'INSTRUCTOR', 'ADMIN');
  const { courseId, name } = parseOrThrow(createClassSchema, input);
  const catalog = await catalogOrNotFound(courseId);
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db().class.create({
        data: {
          courseId,
          name,
          joinCode: newJoinCode(),
          createdAt: now,
          instructors: { create: { userId: a.id, addedAt: now } },
        },
      });
      return {
        id: row.id,
        name: row.name,
        courseId,
        courseTitle: catalog.course.course.title,
        examDate: null,
        students: 0,
        role: 'instructor',
      };
    } catch (error) {
      // A join-code collision (32^8 codes) is retried; anything else is a real error.
      if (attempt < 3 && error instanceof Error && 'code' in error && error.code === 'P2002') continue;
      throw error;
    }
  }
}

/** The classes the actor teaches (all classes for an admin) and the classes they are a member of. */
export async function listClasses(actor: Actor | null): Promise<ClassSummary[]> {
  const a = requireActor(actor);
  const where =
    a.role === 'ADMIN'
      ? {}
      : {
          OR: [{ instructors: { some: { userId: a.id } } }, { members: { some: { userId: a.id, removedAt: null } } }],
        };
  const rows = await db().class.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    include: {
      instructors: { where: { userId: a.id }, select: { userId: true } },
      // The roster's size: deleted accounts (anonymous, still counted in item analysis) are not on it.
      _count: { select: { members: { where: { removedAt: null, user: { deletedAt: null } } } } },
    },
  });
  const out: ClassSummary[] = [];
  for (const r of rows) {
    const catalog = await courseCatalog(r.courseId);
    out.push({
      id: r.id,
      name: r.name,
      courseId: r.courseId,
      courseTitle: catalog?.course.course.title ?? r.courseId,
      examDate: r.examDate?.toISOString() ?? null,
      students: r._count.members,
      role: a.role === 'ADMIN' || r.instructors.length > 0 ? 'instructor' : 'member',
    });
  }
  return out;
}

export interface AssignmentView {
  lessonId: string;
  lessonTitle: string;
  dueAt: string;
}

export interface ClassDetail {
  id: string;
  name: string;
  courseId: string;
  courseTitle: string;
  examDate: string | null;
  as: 'instructor' | 'member';
  /** Only for instructors. */
  joinCode: string | null;
  instructors: { id: string; displayName: string }[];
  assignments: AssignmentView[];
  lessons: { id: string; title: string }[];
}

export async function classDetail(actor: Actor | null, classId: string): Promise<ClassDetail> {
  const { row, as } = await classForViewer(actor, classId);
  const catalog = await catalogOrNotFound(row.courseId);
  const [instructors, assignments] = await Promise.all([
    db().classInstructor.findMany({
      where: { classId },
      include: { user: { select: { id: true, displayName: true } } },
      orderBy: { addedAt: 'asc' },
    }),
    db().assignment.findMany({ where: { classId }, orderBy: { dueAt: 'asc' } }),
  ]);
  return {
    id: row.id,
    name: row.name,
    courseId: row.courseId,
    courseTitle: catalog.course.course.title,
    examDate: row.examDate?.toISOString() ?? null,
    as,
    joinCode: as === 'instructor' ? row.joinCode : null,
    instructors: instructors.map((i) => i.user),
    assignments: assignments.map((x) => ({
      lessonId: x.lessonId,
      lessonTitle: catalog.lessonById.get(x.lessonId)?.title ?? x.lessonId,
      dueAt: x.dueAt.toISOString(),
    })),
    lessons: catalog.course.lessons.map((l) => ({ id: l.id, title: l.title })),
  };
}

export async function rotateJoinCode(actor: Actor | null, classId: string): Promise<{ joinCode: string }> {
  await classForInstructor(actor, classId);
  const joinCode = newJoinCode();
  await db().class.update({ where: { id: classId }, data: { joinCode } });
  return { joinCode };
}

/** Puts the items of `lessonIds` into the decks of `userIds` as new cards (existing cards are left alone). */
async function addLessonsToDecks(catalog: CourseCatalog, userIds: string[], lessonIds: string[], now: Date) {
  if (userIds.length === 0 || lessonIds.length === 0) return 0;
  const positions = positionsOf(catalog);
  const items = await db().item.findMany({
    where: { courseId: catalog.course.course.id, lessonId: { in: lessonIds }, retiredAt: null },
    select: { id: true, lessonId: true, sibling: true },
  });
  return db().$executeRaw`
    INSERT INTO "Card" ("id", "userId", "itemId", "courseId", "lessonId", "sibling", "position", "due", "createdAt")
    SELECT gen_random_uuid(), u.id, i.id, ${catalog.course.course.id}, i.lesson, i.sibling, i.position,
           ${now}::timestamp(3), ${now}::timestamp(3)
    FROM unnest(${userIds}::uuid[]) AS u(id)
    CROSS JOIN unnest(${items.map((i) => i.id)}::text[], ${items.map((i) => i.lessonId)}::text[],
                      ${items.map((i) => i.sibling)}::text[], ${items.map((i) => positions.get(i.id) ?? 99_999)}::int[])
      AS i(id, lesson, sibling, position)
    ON CONFLICT ("userId", "itemId") DO NOTHING`;
}

export async function joinClass(actor: Actor | null, input: unknown, now: Date): Promise<ClassSummary> {
  const a = requireActor(actor);
  const { code } = parseOrThrow(joinClassSchema, input);
  const row = await db().class.findUnique({ where: { joinCode: code } });
  if (!row) throw new NotFound('errors.joinCodeUnknown');
  const teaches = await db().classInstructor.findUnique({
    where: { classId_userId: { classId: row.id, userId: a.id } },
  });
  if (teaches) throw new Conflict('errors.instructorCannotJoin');
  await db().classMember.upsert({
    where: { classId_userId: { classId: row.id, userId: a.id } },
    create: { classId: row.id, userId: a.id, joinedAt: now },
    update: { removedAt: null },
  });
  const catalog = await catalogOrNotFound(row.courseId);
  const assigned = await db().assignment.findMany({ where: { classId: row.id }, select: { lessonId: true } });
  await addLessonsToDecks(
    catalog,
    [a.id],
    assigned.map((x) => x.lessonId),
    now,
  );
  // A student without parameters of their own starts from the class's pooled fit (or the course's), if there is one.
  await startFromPool(a.id, row.courseId);
  const students = await db().classMember.count({
    where: { classId: row.id, removedAt: null, user: { deletedAt: null } },
  });
  return {
    id: row.id,
    name: row.name,
    courseId: row.courseId,
    courseTitle: catalog.course.course.title,
    examDate: row.examDate?.toISOString() ?? null,
    students,
    role: 'member',
  };
}

export async function removeStudent(actor: Actor | null, classId: string, studentId: string, now: Date) {
  await classForInstructor(actor, classId);
  await requireActiveMember(classId, studentId);
  await db().classMember.update({
    where: { classId_userId: { classId, userId: studentId } },
    data: { removedAt: now },
  });
}

export async function addInstructor(actor: Actor | null, classId: string, input: unknown, now: Date) {
  await classForInstructor(actor, classId);
  const { email } = parseOrThrow(z.object({ email: z.email({ error: msg('validation.emailInvalid') }) }), input);
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user || user.disabledAt) throw new NotFound('errors.userNotFound');
  if (user.role === 'STUDENT') throw new Forbidden('errors.notAnInstructor');
  await db().classInstructor.upsert({
    where: { classId_userId: { classId, userId: user.id } },
    create: { classId, userId: user.id, addedAt: now },
    update: {},
  });
  return { id: user.id, displayName: user.displayName };
}

export async function assignLesson(
  actor: Actor | null,
  classId: string,
  input: unknown,
  now: Date,
): Promise<AssignmentView & { cardsAdded: number }> {
  const a = requireActor(actor);
  const row = await classForInstructor(a, classId);
  const { lessonId, dueDate } = parseOrThrow(assignLessonSchema, input);
  const catalog = await catalogOrNotFound(row.courseId);
  const lesson = catalog.lessonById.get(lessonId);
  if (!lesson) throw new NotFound();
  const dueAt = endOfDay(dueDate, a.timeZone);
  await db().assignment.upsert({
    where: { classId_lessonId: { classId, lessonId } },
    create: { classId, lessonId, dueAt, assignedAt: now, assignedBy: a.id },
    update: { dueAt },
  });
  const members = await db().classMember.findMany({
    where: { classId, removedAt: null, user: { deletedAt: null } },
    select: { userId: true },
  });
  const cardsAdded = await addLessonsToDecks(
    catalog,
    members.map((m) => m.userId),
    [lessonId],
    now,
  );
  return { lessonId, lessonTitle: lesson.title, dueAt: dueAt.toISOString(), cardsAdded };
}

export async function setExamDate(actor: Actor | null, classId: string, input: unknown) {
  const a = requireActor(actor);
  await classForInstructor(a, classId);
  const { examDate } = parseOrThrow(examDateSchema, input);
  // The exam itself is at 09:00 on its day (the forecasts project memory to that moment).
  const at = examDate ? examInstant(examDate, a.timeZone) : null;
  await db().class.update({ where: { id: classId }, data: { examDate: at } });
  return { examDate: at?.toISOString() ?? null };
}
