import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { enqueueLearnerFit, openQueue, QUEUES, work, type Handlers } from '@/lib/jobs/queue';
import type { PgBoss } from '@/lib/jobs/pg-boss';

const opened: PgBoss[] = [];
afterAll(async () => {
  for (const boss of opened) await boss.stop({ graceful: false, wait: true });
});

async function worker(handlers: Partial<Handlers>): Promise<PgBoss> {
  const boss = await openQueue(pool());
  opened.push(boss);
  await work(boss, {
    fitLearner: handlers.fitLearner ?? (async () => undefined),
    fitPool: handlers.fitPool ?? (async () => undefined),
    fitSweep: handlers.fitSweep ?? (async () => undefined),
    fitPoolSweep: handlers.fitPoolSweep ?? (async () => undefined),
    itemTimings: handlers.itemTimings ?? (async () => undefined),
  });
  return boss;
}

async function until(check: () => boolean, ms = 20_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for the job');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the job queue', () => {
  it('runs a fit once across two worker processes, however often it is requested while waiting', async () => {
    const runs: string[] = [];
    const handler = (name: string) => async (job: { userId: string }) => {
      runs.push(`${name}:${job.userId}`);
      await new Promise((r) => setTimeout(r, 300));
    };
    const a = await worker({ fitLearner: handler('a') });
    await worker({ fitLearner: handler('b') });
    const userId = randomUUID();
    // Five requests for the same learner at once: one job is queued, the rest are refused by the singleton key.
    const ids = await Promise.all(Array.from({ length: 5 }, () => enqueueLearnerFit(a, { userId, courseId: 'c' })));
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
    await until(() => runs.length >= 1);
    // Give the second worker every chance to pick up a duplicate.
    await new Promise((r) => setTimeout(r, 2500));
    expect(runs.filter((r) => r.endsWith(userId))).toHaveLength(1);
    const job = await a.getJobById(
      QUEUES.fitLearner,
      ids.find((id) => id !== null)!,
    );
    expect(job?.state).toBe('completed');
  });
});
