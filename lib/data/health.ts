import { db } from '@/lib/db/client';

/** True when the database answers a trivial query within `timeoutMs`. */
export async function databaseReachable(timeoutMs = 2000): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  const probe = db().$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  return Promise.race([probe, timeout]);
}
