/**
 * npm run db:migrate            apply pending migrations (DATABASE_URL, or the embedded database)
 * npm run db:migration -- NAME  write a new migration from the changes in prisma/schema.prisma
 * npm run db:check              fail when prisma/schema.prisma has changes that no migration captures
 */
import { applyPendingMigrations, createMigration, pendingSchemaDiff } from '../../lib/db/schema-engine';
import { provisionDatabase } from '../../lib/db/provision';

const [command, name] = process.argv.slice(2);
const db = await provisionDatabase('app');
let code = 0;
try {
  if (command === 'deploy') {
    const applied = await applyPendingMigrations(db.url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  } else if (command === 'create') {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('Usage: npm run db:migration -- <name_in_snake_case>');
    const dir = await createMigration(db.url, name, new Date());
    console.log(dir ? `Created ${dir}` : 'No schema changes: nothing to migrate.');
  } else if (command === 'check') {
    const sql = await pendingSchemaDiff(db.url);
    if (sql) {
      console.error('prisma/schema.prisma has changes that no migration captures:\n' + sql);
      console.error('Run: npm run db:migration -- <name>');
      code = 1;
    } else console.log('Schema and migrations agree.');
  } else {
    throw new Error('Usage: migrate.ts deploy | create <name> | check');
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
} finally {
  await db.embedded?.stop();
}
process.exit(code);
