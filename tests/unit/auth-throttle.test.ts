import { describe, expect, it } from 'vitest';
import { attempt, delaySeconds, refund, type ThrottlePolicy, type ThrottleState } from '@/lib/domain/auth/throttle';

const POLICY: ThrottlePolicy = { free: 3, baseDelaySeconds: 2, maxDelaySeconds: 10, forgetAfterSeconds: 3600 };
const T0 = new Date('2026-12-01T00:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

function run(times: number[]): (ThrottleState | number)[] {
  let state: ThrottleState | null = null;
  return times.map((s) => {
    const d = attempt(state, POLICY, at(s));
    if (!d.allowed) return d.retryAfterSeconds;
    state = d.state;
    return d.state;
  });
}

describe('attempt throttling by growing delays', () => {
  it('lets the free allowance through at once', () => {
    const out = run([0, 0, 0]);
    expect(out.every((o) => typeof o !== 'number')).toBe(true);
  });

  it('refuses the next attempt until the first delay has passed, without counting the refusal', () => {
    const out = run([0, 0, 0, 1, 1.5]);
    expect(out.slice(3)).toEqual([1, 1]);
    const after = run([0, 0, 0, 2]);
    expect((after[3] as ThrottleState).attempts).toBe(4);
  });

  it('doubles the wait with each attempt past the allowance, up to the cap', () => {
    expect([2, 3, 4, 5, 6].map((n) => delaySeconds(POLICY, n))).toEqual([0, 2, 4, 8, 10]);
  });

  it('does not refuse a free attempt because another process wrote the key a moment later by its clock', () => {
    const written: ThrottleState = { attempts: 1, lastAttemptAt: at(0.05), nextAllowedAt: at(0.05) };
    expect(attempt(written, POLICY, at(0)).allowed).toBe(true);
  });

  it('starts afresh after a quiet period', () => {
    const out = run([0, 0, 0, 3600]);
    expect((out[3] as ThrottleState).attempts).toBe(1);
  });

  it('gives one attempt back on refund and forgets the key on reset', () => {
    const state: ThrottleState = { attempts: 4, lastAttemptAt: at(10), nextAllowedAt: at(14) };
    expect(refund(state, POLICY, at(11))).toEqual({ attempts: 3, lastAttemptAt: at(10), nextAllowedAt: at(12) });
    expect(refund(state, POLICY, at(11), true)).toBeNull();
    expect(refund({ ...state, attempts: 1 }, POLICY, at(11))).toBeNull();
  });
});
