/**
 * Rebuilds every card from the review log and reports differences.
 *   npm run review:rebuild            check only (exit 1 when a card differs from its log)
 *   npm run review:rebuild -- --repair rewrite differing cards from the log
 * Uses DATABASE_URL, or the embedded database of `npm start` when it is unset.
 */
import { parseArgs } from 'node:util';
import { provisionDatabase } from '../../lib/db/provision';
import { applyPendingMigrations } from '../../lib/db/schema-engine';

const { values } = parseArgs({ options: { repair: { type: 'boolean', default: false }, user: { type: 'string' } } });
const database = await provisionDatabase('app', process.env, (m: string) => console.error(m));
process.env.DATABASE_URL = database.url;
await applyPendingMigrations(database.url);
const { rebuildCards } = await import('../../lib/data/review/rebuild.internal');
try {
  const report = await rebuildCards({ userId: values.user, repair: values.repair });
  console.log(
    `${report.users} learner(s), ${report.cards} card(s): ${report.mismatched} differ from the log` +
      (values.repair ? `, ${report.repaired} repaired` : ''),
  );
  for (const e of report.examples) console.log(JSON.stringify(e));
  process.exitCode = report.mismatched > 0 && !values.repair ? 1 : 0;
} finally {
  const { db, pool } = await import('../../lib/db/client');
  await db().$disconnect();
  await pool().end(); // before the embedded database stops, so its connections end quietly
  await database.embedded?.stop();
}
