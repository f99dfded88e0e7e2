/**
 * Several app processes starting at once on one database (here: several preparations at once) must all come up, and
 * the migrations must run once. Before the fix, the second one died with "Timed out trying to acquire a postgres
 * advisory lock": the first one's migration connection kept Prisma's lock for ten seconds after it had finished.
 */
import { readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '@/lib/startup/prepare';
import { MIGRATIONS_DIR } from '@/lib/db/schema-engine';

const url = process.env.DATABASE_URL!;
const name = `ingat_prepare_${randomUUID().slice(0, 8)}`;
const fresh = url.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);

async function asAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await asAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

describe('preparing one empty database from three processes at once', () => {
  it('brings all three up and applies every migration exactly once', async () => {
    await asAdmin((c) => c.query(`CREATE DATABASE ${name}`));
    const now = new Date();
    const results = await Promise.all([1, 2, 3].map(() => prepareDatabase(fresh, { demo: false, now })));

    const migrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    const applied = results.map((r) => r.migrationsApplied.length).sort((a, b) => a - b);
    expect(applied).toEqual([0, 0, migrations]);
    const client = new pg.Client({ connectionString: fresh });
    await client.connect();
    try {
      const rows = await client.query<{ n: string; distinct: string }>(
        `SELECT count(*) AS n, count(DISTINCT migration_name) AS distinct FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
      );
      expect(rows.rows[0]).toEqual({ n: String(migrations), distinct: String(migrations) });
      // The preparations after the first found the content loaded: nothing added twice.
      expect(results.map((r) => r.content.reduce((n, c) => n + c.items.added, 0)).filter((n) => n > 0)).toHaveLength(1);
    } finally {
      await client.end();
    }
  }, 180_000);
});
