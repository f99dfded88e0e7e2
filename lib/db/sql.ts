/**
 * Plain SQL on the shared pool, as named prepared statements: PostgreSQL parses and plans each one once per
 * connection, and no ORM stands between the route and the wire. Used only where a statement runs on every answer
 * or API call (a bearer token's lookup, an answer's read and write): there Prisma's client cost more CPU than the
 * rest of the request together (measured with `npm run bench:review`, see the README). Everything else uses Prisma.
 *
 * Timestamps: our columns are `timestamp(3)` holding UTC (Prisma's convention). node-postgres would read them as
 * local time, so this reads them as UTC; callers pass times as ISO strings ending in `Z`, which a `::timestamp(3)`
 * cast takes as the UTC wall time.
 */
import pg from 'pg';
import { pool } from './client';

const utc = (text: string) => new Date(text.replace(' ', 'T') + 'Z');

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.TIMESTAMP) return utc;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** A value as a statement parameter: Dates as UTC ISO strings, objects as JSON text. */
function param(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/** Runs the named statement `name` (the same name must always carry the same text) and returns its rows. */
export async function sql<Row extends object>(name: string, text: string, values: unknown[]): Promise<Row[]> {
  const result = await pool().query<Row>({ name, text, values: values.map(param), types });
  return result.rows;
}
