/**
 * Request limits for expensive operations, by name. Each policy counts per user and per client IP in PostgreSQL
 * (rate-limiter-flexible's RateLimiterPostgres on the process's one pool, table `rate_limits`), so every app process
 * shares the counts. Consume first: a request takes its point before it does any work, atomically, so a burst sent
 * at once cannot all slip under the limit; a request over either limit does nothing and learns when to come back.
 *
 * @example
 * const outcome = await consume('readiness', { userId, ip });
 * if (!outcome.allowed) throw new RateLimited(outcome.retryAfterSeconds, 'api.tooManyRequests');
 */
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';

interface Window {
  points: number;
  durationSeconds: number;
}

/**
 * The policies. Generous for a person, tight for a script: a learner answers a card every few seconds at most, a
 * readiness forecast walks the whole course, a mock exam fixes dozens of questions and a forecast. The per-IP
 * budget is several learners' worth, for a campus behind one address.
 */
export const POLICIES = {
  // A school behind one NAT address: a thousand students answering every ten seconds is 6,000 a minute.
  answers: { user: { points: 120, durationSeconds: 60 }, ip: { points: 6000, durationSeconds: 60 } },
  readiness: { user: { points: 30, durationSeconds: 60 }, ip: { points: 600, durationSeconds: 60 } },
  mockExamStart: { user: { points: 20, durationSeconds: 3600 }, ip: { points: 600, durationSeconds: 3600 } },
  // A phone back online sends its offline answers in one request of up to 500: a few syncs a minute is plenty.
  offlineSync: { user: { points: 10, durationSeconds: 60 }, ip: { points: 600, durationSeconds: 60 } },
} as const satisfies Record<string, { user: Window; ip: Window }>;

export type PolicyName = keyof typeof POLICIES;

/** What the caller is told (RateLimit-* headers): the tighter of the two counters. */
export interface LimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export type LimitOutcome = ({ allowed: true } | { allowed: false; retryAfterSeconds: number }) & LimitState;

const limiters = new Map<string, RateLimiterPostgres>();

function limiter(name: PolicyName, who: 'user' | 'ip'): RateLimiterPostgres {
  const key = `${name}:${who}`;
  let found = limiters.get(key);
  if (!found) {
    const window = POLICIES[name][who];
    found = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: `api_${name}_${who}`,
      points: window.points,
      duration: window.durationSeconds,
    });
    limiters.set(key, found);
  }
  return found;
}

interface Counted {
  state: LimitState;
  rejected: boolean;
}

async function take(name: PolicyName, who: 'user' | 'ip', key: string): Promise<Counted> {
  const points = POLICIES[name][who].points;
  const stateOf = (res: RateLimiterRes): LimitState => ({
    limit: points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  try {
    return { state: stateOf(await limiter(name, who).consume(key, 1)), rejected: false };
  } catch (error) {
    // consume() rejects with a RateLimiterRes when over the limit; any other rejection is a real failure.
    if (error instanceof RateLimiterRes) return { state: stateOf(error), rejected: true };
    throw error;
  }
}

/**
 * Takes one point of the policy for this user and this IP; tells whether the request may go on. null when limits
 * are switched off (API_RATE_LIMITS=off, for load tests only): nothing is counted and no budget is announced.
 */
export async function consume(
  name: PolicyName,
  who: { userId: string | null; ip: string },
): Promise<LimitOutcome | null> {
  if (env().API_RATE_LIMITS === 'off') return null;
  const counts = await Promise.all([...(who.userId ? [take(name, 'user', who.userId)] : []), take(name, 'ip', who.ip)]);
  const tightest = counts.reduce((a, b) => (b.state.remaining < a.state.remaining ? b : a));
  const rejected = counts.filter((c) => c.rejected);
  if (rejected.length === 0) return { allowed: true, ...tightest.state };
  const retryAfterSeconds = Math.max(...rejected.map((c) => c.state.resetSeconds));
  return { allowed: false, retryAfterSeconds, ...tightest.state, remaining: 0 };
}
