/**
 * Throttle counters in PostgreSQL (table AuthThrottle), shared by every app process. The rows of one attempt are
 * locked together in one transaction, in key order, so parallel attempts (from one process or many) are counted one
 * after another and a refused attempt changes nothing. The policy itself is lib/domain/auth/throttle.ts.
 */
import { db } from '@/lib/db/client';
import { RateLimited } from '@/lib/errors';
import { attempt, refund, type ThrottlePolicy, type ThrottleState } from '@/lib/domain/auth/throttle';

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

/** Rows are always inserted and locked in key order, so two attempts sharing keys can never deadlock. */
const sortedNames = (keys: readonly ThrottleKey[]) => [...new Set(keys.map((k) => k.key))].sort();

async function lockRows(tx: Tx, keys: readonly ThrottleKey[]): Promise<Map<string, ThrottleState>> {
  const names = sortedNames(keys);
  const rows = await tx.$queryRaw<{ key: string; attempts: number; nextAllowedAt: Date; lastAttemptAt: Date }[]>`
    SELECT "key", "attempts", "nextAllowedAt", "lastAttemptAt" FROM "AuthThrottle"
    WHERE "key" = ANY(${names}::text[]) ORDER BY "key" FOR UPDATE`;
  return new Map(rows.map((r) => [r.key, r]));
}

async function write(tx: Tx, key: string, state: ThrottleState | null): Promise<void> {
  if (!state) {
    await tx.authThrottle.deleteMany({ where: { key } });
    return;
  }
  await tx.authThrottle.upsert({ where: { key }, create: { key, ...state }, update: state });
}

/**
 * Counts one attempt on every key, or throws RateLimited (with the longest wait) and counts nothing.
 * Two first attempts on a key that has no row yet can both miss the lock; the upsert then serialises them on the
 * primary key, and the second's update counts on top of the first's, so neither is lost.
 */
export async function consumeAttempt(keys: readonly ThrottleKey[], now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "AuthThrottle" ("key", "attempts", "nextAllowedAt", "lastAttemptAt")
      SELECT k, 0, ${now}, ${now} FROM unnest(${sortedNames(keys)}::text[]) AS k
      ON CONFLICT ("key") DO NOTHING`;
    const rows = await lockRows(tx, keys);
    let wait = 0;
    const next: [string, ThrottleState][] = [];
    for (const { key, policy } of keys) {
      const row = rows.get(key);
      const decision = attempt(row && row.attempts > 0 ? row : null, policy, now);
      if (!decision.allowed) wait = Math.max(wait, decision.retryAfterSeconds);
      else next.push([key, decision.state]);
    }
    if (wait > 0) throw new RateLimited(wait);
    for (const [key, state] of next) await write(tx, key, state);
  });
}

/** Gives the attempt back on every key (`reset` keys are forgotten entirely), after the guarded work succeeded. */
export async function refundAttempt(keys: readonly (ThrottleKey & { reset?: boolean })[], now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    const rows = await lockRows(tx, keys);
    for (const { key, policy, reset } of keys) await write(tx, key, refund(rows.get(key) ?? null, policy, now, reset));
  });
}
