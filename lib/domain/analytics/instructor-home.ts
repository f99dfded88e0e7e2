/**
 * What an instructor's home puts first: the students who need attention (most serious reason first), the
 * assignments falling due in the coming week, and each class's activity. Pure: the time comes in as an argument.
 */
import type { RiskReason } from './at-risk';

/** How far ahead "due this week" looks, in days. */
export const DUE_SOON_DAYS = 7;
/** A student counts as active in a class when they answered within this many days. */
export const ACTIVE_WITHIN_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * Seriousness of a reason: an exam close with little mastered first (time is short), then retention far below
 * target (reviews are not working), a pile of overdue cards, and inactivity.
 */
const WEIGHT: Record<RiskReason['kind'], number> = { exam_readiness: 4, low_retention: 3, overdue: 2, inactive: 1 };

/** A number to sort students by: the sum of their reasons' weights. */
export function riskScore(reasons: readonly RiskReason[]): number {
  return reasons.reduce((s, r) => s + WEIGHT[r.kind], 0);
}

/**
 * The students with at least one reason, most serious first (then by name), across classes.
 *
 * @example studentsAtRisk([{ classId, className, students }]) // [{ classId, className, student, reasons }, …]
 */
export function studentsAtRisk<S extends { id: string; displayName: string; atRisk: RiskReason[] }>(
  classes: readonly { classId: string; className: string; students: readonly S[] }[],
): { classId: string; className: string; student: S; score: number }[] {
  return classes
    .flatMap((c) =>
      c.students
        .filter((s) => s.atRisk.length > 0)
        .map((student) => ({ classId: c.classId, className: c.className, student, score: riskScore(student.atRisk) })),
    )
    .sort((a, b) => b.score - a.score || a.student.displayName.localeCompare(b.student.displayName, 'id'));
}

/** Assignments due from `now` up to `DUE_SOON_DAYS` days later, soonest first. */
export function dueSoon<A extends { dueAt: Date }>(assignments: readonly A[], now: Date): A[] {
  const end = now.getTime() + DUE_SOON_DAYS * DAY_MS;
  return assignments
    .filter((a) => a.dueAt.getTime() >= now.getTime() && a.dueAt.getTime() < end)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Students who answered anything within the last ACTIVE_WITHIN_DAYS days. */
export function activeStudents(students: readonly { lastActive: Date | null }[], now: Date): number {
  const since = now.getTime() - ACTIVE_WITHIN_DAYS * DAY_MS;
  return students.filter((s) => s.lastActive !== null && s.lastActive.getTime() >= since).length;
}
