/**
 * A database that is down, restarting, frozen or slow is "unavailable" (503 with Retry-After, a form message), never
 * "internal", and a request that cannot reach it gets its answer within the timeouts instead of waiting for as long
 * as the database is away.
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { errorResponse } from '@/lib/api/respond';
import { connectionConfig, guardedPool, type Timeouts } from '@/lib/db/connection';
import { noteRecovery, outageSeenWithin } from '@/lib/db/outage';
import { databaseFailure, isDatabaseUnavailable, recogniseUnavailable } from '@/lib/db/unavailable';
import { AppError, Conflict } from '@/lib/errors';
import { errorState } from '@/lib/forms/state';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { translator } from '@/lib/i18n/catalogue';
import { freezableProxy, type FreezableProxy } from '../support/freezable-proxy';

const url = process.env.DATABASE_URL!;
const opened: { end(): Promise<void> }[] = [];
afterAll(async () => {
  for (const o of opened.reverse()) await o.end();
});

// Short, but not so short that a busy test machine trips them on a healthy database.
const fast: Timeouts = {
  DB_CONNECT_TIMEOUT_MS: 3_000,
  DB_STATEMENT_TIMEOUT_MS: 1_000,
  DB_QUERY_TIMEOUT_MS: 2_000,
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 10_000,
};

function prismaOn(databaseUrl: string, timeouts = fast): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = guardedPool(connectionConfig(databaseUrl, timeouts, { applicationName: 'ingat-test-unavailable' }), 4);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  opened.push({ end: () => pool.end() }, { end: () => prisma.$disconnect() });
  return { prisma, pool };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** A closed port: nothing listens there. */
function refusedUrl(): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = '1';
  return u.toString();
}

describe('a database that cannot be reached', () => {
  it('is recognised from a refused connection, through Prisma and through plain SQL', async () => {
    const { prisma, pool } = prismaOn(refusedUrl());
    const viaPrisma = await rejection(prisma.user.findFirst());
    const viaSql = await rejection(pool.query('SELECT 1'));
    expect(databaseFailure(viaPrisma)).toBe('gone');
    expect(databaseFailure(viaSql)).toBe('gone');
  });

  it('answers the API with 503, Retry-After and the JSON error shape, in the caller language', async () => {
    const { prisma } = prismaOn(refusedUrl());
    const error = await rejection(prisma.card.count());
    const response = errorResponse(error, { locale: 'en', requestId: 'req-unavailable-1' });
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(await response.json()).toEqual({
      error: { code: 'unavailable', message: translator('en')('errors.unavailable') },
    });
    expect(outageSeenWithin(5_000, Date.now())).toBe(true);
  });

  it('gives a form a message to show and keeps what was typed, instead of an error page', async () => {
    const { prisma } = prismaOn(refusedUrl());
    const error = await rejection(prisma.user.count());
    const state = errorState(error, translator('id'), { email: 'sari@ingat.test' });
    expect(state).toEqual({
      status: 'error',
      message: translator('id')('errors.unavailable'),
      fieldErrors: {},
      values: { email: 'sari@ingat.test' },
    });
  });

  it('is recognised when the server ends the session (restart, 57P01), inside and outside a transaction', async () => {
    const { prisma, pool } = prismaOn(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    opened.push({ end: () => admin.end() });
    const killSelf = async () => {
      await admin.query(
        // Waits (up to 5 s) until the session is gone, so the next statement surely meets a closed connection.
        `SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = 'ingat-test-unavailable'`,
      );
    };
    const inTransaction = await rejection(
      prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await killSelf();
        await tx.$queryRaw`SELECT 1`;
      }),
    );
    expect(isDatabaseUnavailable(inTransaction)).toBe(true);
    await pool.query('SELECT 1');
    await killSelf();
    const direct: unknown = await prisma.user.findFirst().then(
      () => null,
      (error: unknown) => error,
    );
    // The pool may already have dropped the dead connection (then the query simply works on a new one).
    if (direct !== null) expect(isDatabaseUnavailable(direct)).toBe(true);
    // Either way the pool recovers.
    expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it('is recognised when a statement runs past statement_timeout (57014), without taking pages down', async () => {
    const { prisma } = prismaOn(url);
    noteRecovery();
    const error = await rejection(prisma.$queryRaw`SELECT pg_sleep(3)`);
    expect(databaseFailure(error)).toBe('busy');
    expect(recogniseUnavailable(error)).toMatchObject({ code: 'unavailable', retryAfterSeconds: 5 });
    // One slow statement is not an outage: the proxy keeps serving pages.
    expect(outageSeenWithin(5_000, Date.now())).toBe(false);
  });

  it('leaves other database errors alone (a duplicate is not an outage)', async () => {
    const { prisma } = prismaOn(url);
    const email = `dup-${Date.now()}@test.ingat`;
    const data = { email, passwordHash: 'x', displayName: 'Dup', passwordChangedAt: new Date() };
    await prisma.user.create({ data });
    const duplicate = await rejection(prisma.user.create({ data }));
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(recogniseUnavailable(duplicate)).toBe(duplicate);
    expect(isDatabaseUnavailable(new Conflict())).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});

describe('a frozen database (it accepts connections and then says nothing)', () => {
  let proxy: FreezableProxy;

  it('fails queries and transactions within the timeouts, then serves again once it thaws', async () => {
    proxy = await freezableProxy(url);
    opened.push({ end: () => proxy.close() });
    const { prisma } = prismaOn(proxy.url);
    expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);

    noteRecovery();
    proxy.freeze();
    // Each of these would wait until the thaw without a client-side timeout (the test's own timeout, 60 s, is far
    // above the configured ones). A connection that timed out is closed: its error must reach no one as an uncaught
    // exception, and the next caller must not queue behind the statement still on it.
    const failures: unknown[] = [];
    {
      failures.push(
        await rejection(
          prisma.$transaction(async (tx) => {
            await tx.user.count();
            await tx.card.count();
          }),
        ),
        await rejection(prisma.user.count()),
        await rejection(prisma.$transaction([prisma.user.count(), prisma.card.count()])),
        await rejection(prismaOn(proxy.url).prisma.user.count()),
      );
    }
    for (const error of failures) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(recogniseUnavailable(error)).toBeInstanceOf(AppError);
    }

    // Pages are answered 503 by the proxy from now on, without each waiting for its own timeout.
    expect(outageSeenWithin(5_000, Date.now())).toBe(true);

    proxy.thaw();
    // The connections that timed out were closed, not returned to the pool to block the next caller.
    expect(await prisma.$queryRaw`SELECT 2 AS two`).toEqual([{ two: 2 }]);
    expect(await prisma.$transaction([prisma.$queryRaw`SELECT 3 AS three`])).toEqual([[{ three: 3 }]]);
  }, 60_000);
});
