/** The statistics page of the signed-in learner (queries and maths: stats.internal.ts). */
import { requireActor, type Actor } from '../actor';
import { statsForUser, type LearnerStats, type LessonStats } from './stats.internal';

export type { LearnerStats, LessonStats };

/** The statistics of the signed-in learner. */
export async function learnerStats(actor: Actor | null, now: Date): Promise<LearnerStats> {
  const a = requireActor(actor);
  return statsForUser(a.id, a.timeZone, now);
}
