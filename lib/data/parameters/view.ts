/**
 * A learner's FSRS parameters as the settings page shows them: the set in use and their fit attempts. Fitting
 * itself runs in the background job queue (fit.internal.ts).
 */
import { db } from '@/lib/db/client';
import { requireActor, type Actor } from '../actor';

export { MIN_LEARNER_ANSWERS, REFIT_AFTER_ANSWERS } from './fit.internal';

export interface ParameterView {
  inUse: { source: 'defaults' | 'pool' | 'personal'; fittedAt: string | null; logLoss: number | null } | null;
  history: {
    id: string;
    createdAt: string;
    trainReviews: number;
    heldOutReviews: number;
    logLoss: number;
    baselineLogLoss: number;
    adopted: boolean;
    reason: string;
  }[];
}

/** What the settings page shows: the set in use and the signed-in learner's fit attempts, newest first. */
export async function parameterView(actor: Actor | null): Promise<ParameterView> {
  const userId = requireActor(actor).id;
  const [settings, history] = await Promise.all([
    db().reviewSettings.findUnique({ where: { userId }, include: { parameterSet: true } }),
    db().parameterSet.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 10 }),
  ]);
  const set = settings?.parameterSet;
  return {
    inUse: set
      ? {
          source: set.scope === 'LEARNER' ? 'personal' : 'pool',
          fittedAt: set.createdAt.toISOString(),
          logLoss: set.logLoss,
        }
      : { source: 'defaults', fittedAt: null, logLoss: null },
    history: history.map((h) => ({
      id: h.id,
      createdAt: h.createdAt.toISOString(),
      trainReviews: h.trainReviews,
      heldOutReviews: h.heldOutReviews,
      logLoss: h.logLoss,
      baselineLogLoss: h.baselineLogLoss,
      adopted: h.adopted,
      reason: h.reason,
    })),
  };
}
