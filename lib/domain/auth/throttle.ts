/**
 * Attempt throttling by growing delays: the policy behind sign-in and sign-up limits.
 *
 * Each key (an account, an address, an account from one address) has a free allowance; past it, every further
 * attempt must wait twice as long as the one before, up to a cap. A key that stays quiet for `forgetAfterSeconds`
 * starts afresh. An attempt is counted *before* the expensive work it guards (the password hash), so a burst of
 * parallel attempts cannot all slip through on one reading of the counter; a success can give its attempt back.
 *
 * Why delays rather than a lock: a lock on the account lets anyone who knows a classmate's email keep them out. Delays
 * keyed on the account *and* the address slow the guesser to a crawl while the owner, from another network, is not
 * touched; only a guesser spread over very many addresses reaches the account's own (high) allowance.
 */

export interface ThrottlePolicy {
  /** Attempts allowed without waiting. */
  free: number;
  /** The wait after the first attempt past the allowance; each later one doubles it. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key with no attempt for this long is forgotten. */
  forgetAfterSeconds: number;
}

export interface ThrottleState {
  attempts: number;
  nextAllowedAt: Date;
  lastAttemptAt: Date;
}

export type AttemptDecision = { allowed: true; state: ThrottleState } | { allowed: false; retryAfterSeconds: number };

/** How long the attempt after the `attempts`-th must wait. */
export function delaySeconds(policy: ThrottlePolicy, attempts: number): number {
  if (attempts < policy.free) return 0;
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** (attempts - policy.free));
}

/**
 * Counts one attempt at `now`, or refuses it with the seconds to wait (a refused attempt is not counted).
 * @example attempt(null, { free: 5, baseDelaySeconds: 1, maxDelaySeconds: 900, forgetAfterSeconds: 86400 }, now)
 *          // → { allowed: true, state: { attempts: 1, … } }
 */
export function attempt(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): AttemptDecision {
  const current = state && !isForgotten(state, policy, now) ? state : null;
  // Within the allowance nothing waits, whatever the stored time: app processes' clocks differ by a little, and a
  // key written a moment "later" by another process must not refuse the next free attempt here.
  if (current && current.attempts >= policy.free && current.nextAllowedAt > now) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((+current.nextAllowedAt - +now) / 1000)) };
  }
  const attempts = (current?.attempts ?? 0) + 1;
  return {
    allowed: true,
    state: { attempts, lastAttemptAt: now, nextAllowedAt: new Date(+now + delaySeconds(policy, attempts) * 1000) },
  };
}

/**
 * Gives back one attempt after it succeeded, so people who sign in correctly never use up a shared address's (a
 * school's NAT) allowance. `reset` forgets the key entirely (the account-from-this-address key after a success).
 */
export function refund(
  state: ThrottleState | null,
  policy: ThrottlePolicy,
  now: Date,
  reset = false,
): ThrottleState | null {
  if (!state || reset || isForgotten(state, policy, now)) return null;
  const attempts = Math.max(0, state.attempts - 1);
  if (attempts === 0) return null;
  const nextAllowedAt = new Date(+state.lastAttemptAt + delaySeconds(policy, attempts) * 1000);
  return { ...state, attempts, nextAllowedAt };
}

function isForgotten(state: ThrottleState, policy: ThrottlePolicy, now: Date): boolean {
  return +now - +state.lastAttemptAt >= policy.forgetAfterSeconds * 1000;
}

/**
 * Sign-in: per account from one address (the guesser at the keyboard), per address (one machine trying many
 * accounts; a school's NAT shares it, and correct sign-ins give their attempt back), per account (guessing spread over
 * many addresses: high, so only such an attack ever reaches it).
 */
export const SIGN_IN_POLICIES = {
  accountFromAddress: { free: 5, baseDelaySeconds: 2, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 },
  address: { free: 30, baseDelaySeconds: 2, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 3600 },
  account: { free: 100, baseDelaySeconds: 5, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 },
} as const satisfies Record<string, ThrottlePolicy>;

/**
 * Sign-up: each account costs a password hash and a row, so per address and for the whole site. The allowances are
 * the operator's (SIGNUP_LIMIT_PER_ADDRESS per hour, SIGNUP_LIMIT_GLOBAL per 10 minutes): a lecture hall behind one
 * campus NAT signing up together needs a larger per-address allowance than the default.
 */
export function signUpPolicies(limits: { perAddressPerHour: number; globalPer10Minutes: number }) {
  return {
    address: { free: limits.perAddressPerHour, baseDelaySeconds: 30, maxDelaySeconds: 3600, forgetAfterSeconds: 3600 },
    global: { free: limits.globalPer10Minutes, baseDelaySeconds: 1, maxDelaySeconds: 60, forgetAfterSeconds: 600 },
  } satisfies Record<string, ThrottlePolicy>;
}
