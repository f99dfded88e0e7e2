/**
 * The database of a server process: one node-postgres pool, shared by the one Prisma client (through
 * @prisma/adapter-pg) and by `sql()`, the few statements on the hottest paths that run as named prepared statements
 * without Prisma's query engine (./sql.ts says why). Only lib/data (and the scripts that load content or seed)
 * import this.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';

const globalForDb = globalThis as unknown as { ingatPool?: pg.Pool; ingatPrisma?: PrismaClient };

export function pool(): pg.Pool {
  if (!globalForDb.ingatPool) {
    const created = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });
    // An idle connection that the server closes (a restart, a failover) is reported here; without a listener the
    // pool's 'error' event would end the process. The pool drops that connection and opens a new one when needed.
    created.on('error', (error) => logger.warn({ err: error.message }, 'database connection lost while idle'));
    globalForDb.ingatPool = created;
  }
  return globalForDb.ingatPool;
}

export function db(): PrismaClient {
  globalForDb.ingatPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.ingatPrisma;
}
