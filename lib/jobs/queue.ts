/**
 * The background job queue: pg-boss, on the same PostgreSQL (its own `pgboss` schema, which it creates and migrates
 * itself). Jobs survive restarts; every app process may run workers, and a job is fetched by exactly one of them
 * (SELECT … FOR UPDATE SKIP LOCKED). Queues use the "stately" policy with a singleton key per learner or course:
 * at most one waiting and one running job for the same learner, so a burst of triggers fits once.
 *
 * Jobs: fit-learner {userId, courseId}, fit-pool {kind: 'class'|'course', …}, fit-sweep (every 10 minutes: enqueue
 * the learners due a fit), fit-pool-sweep (hourly: the pools due one; pools change slowly and the query is heavier),
 * item-timings (hourly: each item's median answering time, which decides when a right answer counts as slow).
 *
 * The queue runs on the process's one pool (lib/db/client.ts), with its timeouts and error handling: pg-boss opens
 * no connections of its own, and a database restart reaches it as failed statements (logged), never as an uncaught
 * exception.
 */
import type pg from 'pg';
import { PgBoss } from './pg-boss';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { logger } from '@/lib/log';
import type { Pool } from '@/lib/data/parameters/fit.internal';

export const QUEUES = {
  fitLearner: 'fit-learner',
  fitPool: 'fit-pool',
  fitSweep: 'fit-sweep',
  fitPoolSweep: 'fit-pool-sweep',
  itemTimings: 'item-timings',
} as const;

export interface FitLearnerJob {
  userId: string;
  courseId: string;
}
export type FitPoolJob = Pool;

export type Handlers = {
  fitLearner: (job: FitLearnerJob) => Promise<void>;
  fitPool: (job: FitPoolJob) => Promise<void>;
  fitSweep: () => Promise<void>;
  fitPoolSweep: () => Promise<void>;
  itemTimings: () => Promise<void>;
};

export async function openQueue(pool: pg.Pool): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema: 'pgboss',
  });
  // Polling goes on while the database is away; that is expected, and reported once per poll as a warning.
  boss.on('error', (error) =>
    isDatabaseUnavailable(error)
      ? logger.warn({ err: String(error) }, 'job queue: database unavailable')
      : logger.error({ err: String(error) }, 'job queue error'),
  );
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, { name, policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 900 });
  }
  return boss;
}

/** Registers the workers of this process. */
export async function work(boss: PgBoss, handlers: Handlers): Promise<void> {
  await boss.work<FitLearnerJob>(QUEUES.fitLearner, { batchSize: 1 }, async ([job]) => handlers.fitLearner(job!.data));
  await boss.work<FitPoolJob>(QUEUES.fitPool, { batchSize: 1 }, async ([job]) => handlers.fitPool(job!.data));
  await boss.work(QUEUES.fitSweep, { batchSize: 1 }, async () => handlers.fitSweep());
  await boss.work(QUEUES.fitPoolSweep, { batchSize: 1 }, async () => handlers.fitPoolSweep());
  await boss.work(QUEUES.itemTimings, { batchSize: 1 }, async () => handlers.itemTimings());
  await boss.schedule(QUEUES.itemTimings, '23 * * * *');
  // INGAT_FIT_SWEEPS=0 (the launcher's e2e profile): fits run only when asked for, so browser tests are repeatable.
  if (process.env.INGAT_FIT_SWEEPS === '0') {
    await boss.unschedule(QUEUES.fitSweep);
    await boss.unschedule(QUEUES.fitPoolSweep);
    return;
  }
  await boss.schedule(QUEUES.fitSweep, '*/10 * * * *');
  await boss.schedule(QUEUES.fitPoolSweep, '7 * * * *');
}

export function enqueueLearnerFit(boss: PgBoss, job: FitLearnerJob): Promise<string | null> {
  return boss.send(QUEUES.fitLearner, job, { singletonKey: `${job.userId}:${job.courseId}` });
}

export function enqueuePoolFit(boss: PgBoss, job: FitPoolJob): Promise<string | null> {
  return boss.send(QUEUES.fitPool, job, {
    singletonKey: job.kind === 'class' ? `class:${job.classId}` : `course:${job.courseId}`,
  });
}
