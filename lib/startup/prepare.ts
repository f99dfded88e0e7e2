/**
 * Start-up orchestration: brings a database up to date before the app serves it: migrations (lib/db), course
 * content and, on the embedded database only, the demo accounts (lib/data). It sits above both layers, so lib/db
 * knows no use case. Used by the launcher, the e2e server, the scripts and the integration-test setup.
 *
 * Several app processes may start at once on one database. Each holds a session-level advisory lock of ours for
 * the whole preparation, so one prepares while the others wait; a waiter then runs the same steps, which find
 * nothing left to do (migrations are applied once, content sync is a diff, demo accounts are created once). The
 * lock goes with the connection, so a process that dies while preparing releases it.
 */
import pg from 'pg';
import { applyPendingMigrations } from '@/lib/db/schema-engine';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { loadAndCheckAll } from '@/lib/content/course-files';
import { formatContentError } from '@/lib/content/load';
import { syncCourse, type SyncReport } from '@/lib/data/content-sync.internal';
import { seedDemoAccounts } from '@/lib/data/seed.internal';
import { connectionConfig, timeoutsFromEnv } from '@/lib/db/connection';

export interface PrepareResult {
  migrationsApplied: string[];
  content: SyncReport[];
  demoAccountsCreated: number;
}

/** Our advisory lock's key ("ingat:prepare"); Prisma's migration lock is a different one (72707369). */
export const PREPARE_LOCK_KEY = 4_915_306_124_017n;

export async function prepareDatabase(databaseUrl: string, opts: { demo: boolean; now: Date }): Promise<PrepareResult> {
  const config = connectionConfig(databaseUrl, timeoutsFromEnv(), {
    applicationName: 'ingat-prepare',
    // Waiting for the lock, migrating and loading content may rightly take longer than a request may.
    statementTimeout: false,
  });
  const lock = new pg.Client(config);
  lock.on('error', () => undefined); // a lost connection fails the query below; nothing else uses this client
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [PREPARE_LOCK_KEY.toString()]);
    return await prepareLocked(databaseUrl, config, opts);
  } finally {
    // Ending the session releases the lock at once, even if the unlock cannot be sent.
    await lock.end().catch(() => undefined);
  }
}

async function prepareLocked(
  databaseUrl: string,
  config: pg.ClientConfig,
  opts: { demo: boolean; now: Date },
): Promise<PrepareResult> {
  const migrationsApplied = await applyPendingMigrations(databaseUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg(config) });
  try {
    const content: SyncReport[] = [];
    for (const r of await loadAndCheckAll()) {
      const errors = [...r.loadErrors, ...(r.check?.errors ?? [])];
      if (!r.course || errors.length) {
        throw new Error(
          `Course content in ${r.dir} fails its checks; run npm run content:check.\n${errors.slice(0, 10).map(formatContentError).join('\n')}`,
        );
      }
      content.push(await syncCourse(prisma, r.course, opts.now));
    }
    const demoAccountsCreated = opts.demo ? await seedDemoAccounts(prisma) : 0;
    return { migrationsApplied, content, demoAccountsCreated };
  } finally {
    await prisma.$disconnect();
  }
}
