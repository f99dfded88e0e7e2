import { db } from '@/lib/db/client';
import { noteOutage, noteRecovery } from '@/lib/db/outage';

/**
 * True when the database answers a trivial query within `timeoutMs`. The answer also tells the proxy (see
 * lib/db/outage.ts) whether pages should be answered with 503 for now.
 */
export async function databaseReachable(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = db().$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  const ok = await Promise.race([probe, timeout]);
  clearTimeout(timer);
  if (ok) noteRecovery();
  else noteOutage(Date.now());
  return ok;
}
