/**
 * The database of a server process: one node-postgres pool, shared by the one Prisma client (through
 * @prisma/adapter-pg), by `sql()` (the few statements on the hottest paths that run as named prepared statements
 * without Prisma's query engine; ./sql.ts says why) and by the job queue (lib/jobs). Its timeouts and error handling
 * are set in ./connection.ts. Only lib/data, lib/jobs (and the scripts that load content or seed) import this.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseEnv } from '@/lib/env';
import { connectionConfig, guardedPool } from './connection';

const globalForDb = globalThis as unknown as { ingatPool?: pg.Pool; ingatPrisma?: PrismaClient };

export function pool(): pg.Pool {
  if (!globalForDb.ingatPool) {
    const config = databaseEnv();
    globalForDb.ingatPool = guardedPool(
      connectionConfig(config.DATABASE_URL, config, { applicationName: `ingat:${process.pid}` }),
      config.DB_POOL_MAX,
    );
  }
  return globalForDb.ingatPool;
}

export function db(): PrismaClient {
  globalForDb.ingatPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.ingatPrisma;
}
