/**
 * Who may see or change a class, decided here for pages, server actions and the API alike:
 * - its instructors and admins may read and manage it;
 * - an active member (a student) may read what is assigned to them, nothing about other students;
 * - anyone else gets Forbidden (a class that does not exist is NotFound).
 */
import { db } from '@/lib/db/client';
import { Forbidden, NotFound } from '@/lib/errors';
import { requireActor, type Actor } from '../actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ClassRow {
  id: string;
  courseId: string;
  name: string;
  joinCode: string;
  examDate: Date | null;
  createdAt: Date;
}

async function findClass(classId: string): Promise<ClassRow> {
  if (!UUID.test(classId)) throw new NotFound();
  const row = await db().class.findUnique({ where: { id: classId } });
  if (!row) throw new NotFound();
  return row;
}

/** The class, if `actor` teaches it or is an admin. */
export async function classForInstructor(actor: Actor | null, classId: string): Promise<ClassRow> {
  const a = requireActor(actor);
  const row = await findClass(classId);
  if (a.role === 'ADMIN') return row;
  const teaches = await db().classInstructor.findUnique({ where: { classId_userId: { classId, userId: a.id } } });
  if (!teaches) throw new Forbidden();
  return row;
}

/** The class and the actor's relation to it: instructor (or admin), or active member. */
export async function classForViewer(
  actor: Actor | null,
  classId: string,
): Promise<{ row: ClassRow; as: 'instructor' | 'member' }> {
  const a = requireActor(actor);
  const row = await findClass(classId);
  if (a.role === 'ADMIN') return { row, as: 'instructor' };
  const [teaches, member] = await Promise.all([
    db().classInstructor.findUnique({ where: { classId_userId: { classId, userId: a.id } } }),
    db().classMember.findUnique({ where: { classId_userId: { classId, userId: a.id } } }),
  ]);
  if (teaches) return { row, as: 'instructor' };
  if (member && !member.removedAt) return { row, as: 'member' };
  throw new Forbidden();
}

/** A student of the class (active), for an instructor looking at them; otherwise NotFound. */
export async function requireActiveMember(classId: string, studentId: string) {
  if (!UUID.test(studentId)) throw new NotFound();
  const member = await db().classMember.findUnique({
    where: { classId_userId: { classId, userId: studentId } },
    include: { user: { select: { id: true, displayName: true, email: true, timeZone: true, deletedAt: true } } },
  });
  if (!member || member.removedAt || member.user.deletedAt) throw new NotFound();
  return member;
}
