/**
 * The class dashboard and the students' own statistics, for an instructor of the class (or an admin). The dashboard's
 * queries are in dashboard.internal.ts.
 */
import type { Actor, UserId } from '../actor';
import { statsForUser, type LearnerStats } from '../review/stats.internal';
import { classForInstructor, requireActiveMember } from './access.internal';
import { classDashboardData, type ClassProgress } from './dashboard.internal';

export type { ClassProgress, ConceptCell, StudentRow } from './dashboard.internal';

export async function getClassProgress(actor: Actor | null, classId: string, now: Date): Promise<ClassProgress> {
  await classForInstructor(actor, classId);
  return classDashboardData(classId, now);
}

export interface StudentProgress {
  student: { id: string; displayName: string; email: string };
  stats: LearnerStats;
}

/** A student's statistics in the class's course, for an instructor of the class (or an admin). */
export async function getStudentProgress(
  actor: Actor | null,
  classId: string,
  studentId: string,
  now: Date,
): Promise<StudentProgress> {
  const row = await classForInstructor(actor, classId);
  const member = await requireActiveMember(classId, studentId);
  return {
    student: { id: member.user.id, displayName: member.user.displayName, email: member.user.email },
    // Only the class's course: the student's other courses are not this instructor's to see.
    stats: await statsForUser(member.user.id as UserId, member.user.timeZone, now, { courseId: row.courseId }),
  };
}
