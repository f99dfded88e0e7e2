/** Jobs a user may ask for from a page. The request returns at once; the work happens in a worker. */
import type { Actor } from '@/lib/data/actor';
import { requireActor } from '@/lib/data/actor';
import { courseCatalog } from '@/lib/content/catalog';
import { NotFound } from '@/lib/errors';
import { appQueue } from './app-queue';
import { enqueueLearnerFit } from './queue';

/** Queues a fit of the actor's own parameters; false when one is already waiting. */
export async function requestLearnerFit(actor: Actor | null, courseId: string): Promise<boolean> {
  const a = requireActor(actor);
  if (!(await courseCatalog(courseId))) throw new NotFound();
  return (await enqueueLearnerFit(await appQueue(), { userId: a.id, courseId })) !== null;
}
