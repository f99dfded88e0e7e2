import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { pool } from '@/lib/db/client';
import { sql } from '@/lib/db/sql';

describe('the database pool', () => {
  it('survives the server closing an idle connection, and answers the next query on a new one', async () => {
    const client = await pool().connect();
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    client.release();

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    // The idle connection's error reaches the pool now; without a listener it would end the process.
    await new Promise((r) => setTimeout(r, 300));

    const rows = await sql<{ one: number }>('database-test-one', 'SELECT 1 AS one', []);
    expect(rows).toEqual([{ one: 1 }]);
  });
});
