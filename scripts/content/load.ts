/** npm run content:load — loads every course into the database (DATABASE_URL, or the embedded one) as a diff by id. */
import { provisionDatabase } from '../../lib/db/provision';
import { prepareDatabase } from '../../lib/startup/prepare';

const db = await provisionDatabase('app');
let code = 0;
try {
  const result = await prepareDatabase(db.url, { demo: db.embedded !== null, now: new Date() });
  for (const r of result.content) {
    console.log(`${r.course}:`);
    for (const kind of ['lessons', 'paragraphs', 'items'] as const) {
      const c = r[kind];
      console.log(
        `  ${kind.padEnd(10)} added ${c.added}, updated ${c.updated}, retired ${c.retired}, unchanged ${c.unchanged}`,
      );
    }
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
} finally {
  await db.embedded?.stop();
}
process.exit(code);
