/** Jobs a user may ask for from a page. The request returns at once; the work happens in a worker. */
import type { Actor } from '@/lib/data/actor';
import { requireActor } from '@/lib/data/actor';
import { courseCatalog } from '@/lib/content/catalog';
import { answersTowardFit, MIN_LEARNER_ANSWERS } from '@/lib/data/parameters/fit.internal';
import { NotFound } from '@/lib/errors';
import { appQueue } from './app-queue';
import { enqueueLearnerFit } from './queue';

export type FitRequest =
  | { status: 'queued' | 'alreadyQueued' }
  /** Not queued: the fit would skip a learner with fewer answers than it needs. */
  | { status: 'tooFew'; answers: number; needed: number };

/** Queues a fit of the actor's own parameters, unless one is already waiting or they have too few answers. */
export async function requestLearnerFit(actor: Actor | null, courseId: string): Promise<FitRequest> {
  const a = requireActor(actor);
  if (!(await courseCatalog(courseId))) throw new NotFound();
  const answers = await answersTowardFit(a.id, courseId);
  if (answers < MIN_LEARNER_ANSWERS) return { status: 'tooFew', answers, needed: MIN_LEARNER_ANSWERS };
  const queued = (await enqueueLearnerFit(await appQueue(), { userId: a.id, courseId })) !== null;
  return { status: queued ? 'queued' : 'alreadyQueued' };
}
