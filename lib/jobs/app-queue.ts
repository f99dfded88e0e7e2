/**
 * The queue of this server process: opened once, with the workers of the fitting and item-timing jobs. Started from
 * instrumentation.ts when the server starts; `appQueue()` lets server actions enqueue (e.g. "fit now"). If the
 * database is away when it opens, the next call tries again (and the start-up keeps trying in the background), so
 * a server that starts during an outage still gets its workers.
 */
import { pool } from '@/lib/db/client';
import { logger } from '@/lib/log';
import { dueLearnerFits, duePoolFits, fitLearner, fitPool } from '@/lib/data/parameters/fit.internal';
import { refreshItemTimings } from '@/lib/data/review/item-timings.internal';
import { enqueueLearnerFit, enqueuePoolFit, openQueue, work } from './queue';
import type { PgBoss } from './pg-boss';

const holder = globalThis as unknown as { ingatQueue?: Promise<PgBoss> };

export function appQueue(): Promise<PgBoss> {
  holder.ingatQueue ??= (async () => {
    const boss = await openQueue(pool());
    await work(boss, {
      fitLearner: async ({ userId, courseId }) => {
        const outcome = await fitLearner(userId, courseId, new Date());
        logger.info({ userId, courseId, ...outcome }, 'fit-learner done');
      },
      fitPool: async (pool) => {
        const outcome = await fitPool(pool, new Date());
        logger.info({ ...pool, ...outcome }, 'fit-pool done');
      },
      fitSweep: async () => {
        for (const l of await dueLearnerFits()) await enqueueLearnerFit(boss, l);
      },
      fitPoolSweep: async () => {
        for (const pool of await duePoolFits()) await enqueuePoolFit(boss, pool);
      },
      itemTimings: async () => {
        const { items } = await refreshItemTimings(new Date());
        logger.info({ items }, 'item-timings done');
      },
    });
    logger.info('job queue started');
    return boss;
  })().catch((error: unknown) => {
    holder.ingatQueue = undefined;
    throw error;
  });
  return holder.ingatQueue;
}

const RETRY_START_MS = 10_000;

/** Opens the queue now, or keeps trying every 10 s while it cannot (the process serves requests meanwhile). */
export function startAppQueue(): void {
  appQueue().catch((error: unknown) => {
    logger.warn({ err: String(error) }, 'job queue not started; trying again in 10 s');
    setTimeout(startAppQueue, RETRY_START_MS).unref();
  });
}
