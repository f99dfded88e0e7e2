/** Item analysis of a class, for its instructors (and admins); computed in item-analysis.internal.ts. */
import type { Actor } from '../actor';
import { classForInstructor } from './access.internal';
import { classItemAnalysisData, type ClassItemAnalysis } from './item-analysis.internal';

export type { ClassItemAnalysis };

export async function getItemAnalysis(actor: Actor | null, classId: string): Promise<ClassItemAnalysis> {
  await classForInstructor(actor, classId);
  return classItemAnalysisData(classId);
}
