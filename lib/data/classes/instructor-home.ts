/**
 * An instructor's home: what needs attention today across the classes they teach. Built from the same class
 * dashboard and item analysis the class pages show (so every number here matches the page one click away); the
 * ordering rules are lib/domain/analytics/instructor-home.ts.
 */
import { db } from '@/lib/db/client';
import { courseCatalog } from '@/lib/content/catalog';
import type { RiskReason } from '@/lib/domain/analytics/at-risk';
import { flagRank, needsLook } from '@/lib/domain/analytics/item-table';
import { activeStudents, dueSoon, studentsAtRisk } from '@/lib/domain/analytics/instructor-home';
import type { ItemFlag } from '@/lib/domain/analytics/item-analysis';
import { requireRole, type Actor } from '../actor';
import { classItemAnalysisData } from './item-analysis.internal';
import { classDashboardData } from './dashboard.internal';

export interface InstructorHome {
  classes: {
    id: string;
    name: string;
    courseTitle: string;
    students: number;
    /** Students who answered anything in the last 7 days. */
    active7d: number;
    reviews7d: number;
    atRisk: number;
    /** Items with a note other than "too few attempts". */
    flaggedItems: number;
    examDate: string | null;
  }[];
  atRisk: { classId: string; className: string; studentId: string; name: string; reasons: RiskReason[] }[];
  /** The most serious flagged items of each class (up to three a class), most serious first. */
  flaggedItems: { classId: string; className: string; itemId: string; prompt: string; flags: ItemFlag[] }[];
  dueThisWeek: {
    classId: string;
    className: string;
    lessonId: string;
    lessonTitle: string;
    dueAt: string;
    /** Students who have answered every question of the lesson at least once, of all active students. */
    finished: number;
    students: number;
  }[];
}

/** The home of an instructor (or an admin), over the classes they teach themselves. */
export async function instructorHome(actor: Actor | null, now: Date): Promise<InstructorHome> {
  const a = requireRole(actor, 'INSTRUCTOR', 'ADMIN');
  const taught = await db().classInstructor.findMany({
    where: { userId: a.id },
    include: { class: { include: { assignments: true } } },
    orderBy: { addedAt: 'asc' },
  });
  const perClass = await Promise.all(
    taught.map(async ({ class: c }) => {
      const [progress, analysis, catalog] = await Promise.all([
        classDashboardData(c.id, now),
        classItemAnalysisData(c.id),
        courseCatalog(c.courseId),
      ]);
      return { c, progress, analysis, catalog };
    }),
  );

  const risk = studentsAtRisk(
    perClass.map(({ c, progress }) => ({ classId: c.id, className: c.name, students: progress.students })),
  );
  const flaggedItems = perClass.flatMap(({ c, analysis }) =>
    analysis.items
      .filter(needsLook)
      .sort((x, y) => flagRank(y) - flagRank(x) || x.itemId.localeCompare(y.itemId))
      .slice(0, 3)
      .map((i) => ({ classId: c.id, className: c.name, itemId: i.itemId, prompt: i.prompt, flags: i.flags })),
  );
  const due = perClass.flatMap(({ c, progress, catalog }) =>
    dueSoon(c.assignments, now).map((x) => ({
      classId: c.id,
      className: c.name,
      lessonId: x.lessonId,
      lessonTitle: catalog?.lessonById.get(x.lessonId)?.title ?? x.lessonId,
      dueAt: x.dueAt,
      finished: progress.students.filter((s) => {
        const cell = s.assigned[x.lessonId];
        return cell !== undefined && cell.total > 0 && cell.studied >= cell.total;
      }).length,
      students: progress.students.length,
    })),
  );

  return {
    classes: perClass.map(({ c, progress, analysis, catalog }) => ({
      id: c.id,
      name: c.name,
      courseTitle: catalog?.course.course.title ?? c.courseId,
      students: progress.students.length,
      active7d: activeStudents(
        progress.students.map((s) => ({ lastActive: s.lastActive ? new Date(s.lastActive) : null })),
        now,
      ),
      reviews7d: progress.students.reduce((sum, s) => sum + s.reviews7d, 0),
      atRisk: progress.students.filter((s) => s.atRisk.length > 0).length,
      flaggedItems: analysis.items.filter(needsLook).length,
      examDate: c.examDate?.toISOString() ?? null,
    })),
    atRisk: risk.map((r) => ({
      classId: r.classId,
      className: r.className,
      studentId: r.student.id,
      name: r.student.displayName,
      reasons: r.student.atRisk,
    })),
    flaggedItems,
    dueThisWeek: dueSoon(due, now).map((d) => ({ ...d, dueAt: d.dueAt.toISOString() })),
  };
}
