/**
 * Sign-in throttling per account and per IP, with counters in Postgres (rate-limiter-flexible's RateLimiterPostgres),
 * so several app processes share them. Only failures consume points; a success clears the account's counter.
 */
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '@/lib/env';

export const ACCOUNT_LIMIT = { points: 5, durationSeconds: 15 * 60 };
export const IP_LIMIT = { points: 30, durationSeconds: 15 * 60 };

let limiters: { account: RateLimiterPostgres; ip: RateLimiterPostgres } | undefined;

function getLimiters() {
  if (!limiters) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 });
    const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true };
    limiters = {
      account: new RateLimiterPostgres({
        ...common,
        keyPrefix: 'signin_account',
        points: ACCOUNT_LIMIT.points,
        duration: ACCOUNT_LIMIT.durationSeconds,
      }),
      ip: new RateLimiterPostgres({
        ...common,
        keyPrefix: 'signin_ip',
        points: IP_LIMIT.points,
        duration: IP_LIMIT.durationSeconds,
      }),
    };
  }
  return limiters;
}

/** Seconds until another attempt is allowed, or 0 when the account and IP may try now. */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  const { account, ip: byIp } = getLimiters();
  const [a, i] = await Promise.all([account.get(email), byIp.get(ip)]);
  const wait = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0;
  return Math.max(wait(a, ACCOUNT_LIMIT.points), wait(i, IP_LIMIT.points));
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = getLimiters();
  // penalty() adds points without rejecting; the check above decides.
  await Promise.all([account.penalty(email, 1), byIp.penalty(ip, 1)]);
}

export async function clearAccountThrottle(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
