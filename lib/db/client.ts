/**
 * The one Prisma client of a server process, over node-postgres through @prisma/adapter-pg.
 * Only lib/data (and the scripts that load content or seed) import this.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { createPrismaClient } from './client-factory';

const globalForPrisma = globalThis as unknown as { ingatPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.ingatPrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.ingatPrisma;
}
