/** The exam plan of the signed-in student, as the exam page shows it (computed in plan.internal.ts). */
import { requireActor, type Actor } from '../actor';
import { examPlanFor, type ExamPlanView } from './plan.internal';

export type { ExamPlanView };

export async function getExamPlan(actor: Actor | null, courseId: string, now: Date): Promise<ExamPlanView | null> {
  const a = requireActor(actor);
  return examPlanFor(a.id, a.timeZone, courseId, now);
}
