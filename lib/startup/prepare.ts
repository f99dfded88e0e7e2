/**
 * Start-up orchestration: brings a database up to date before the app serves it: migrations (lib/db), course
 * content and, on the embedded database only, the demo accounts (lib/data). It sits above both layers, so lib/db
 * knows no use case. Used by the launcher, the e2e server, the scripts and the integration-test setup.
 */
import { applyPendingMigrations } from '@/lib/db/schema-engine';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { loadAndCheckAll } from '@/lib/content/course-files';
import { formatContentError } from '@/lib/content/load';
import { syncCourse, type SyncReport } from '@/lib/data/content-sync.internal';
import { seedDemoAccounts } from '@/lib/data/seed.internal';

export interface PrepareResult {
  migrationsApplied: string[];
  content: SyncReport[];
  demoAccountsCreated: number;
}

export async function prepareDatabase(databaseUrl: string, opts: { demo: boolean; now: Date }): Promise<PrepareResult> {
  const migrationsApplied = await applyPendingMigrations(databaseUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
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
