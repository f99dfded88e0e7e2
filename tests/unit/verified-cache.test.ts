import { describe, expect, it } from 'vitest';
import { VerifiedCache } from '@/lib/data/verified-cache';

const T0 = new Date('2026-12-01T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function setup() {
  const source = { current: 1 as number | null };
  const cache = new VerifiedCache<string>({ epoch: () => source.current }, 60_000, 3);
  return { source, cache };
}

describe('VerifiedCache', () => {
  it('gives back what was verified for a minute of the request clock, then asks again', () => {
    const { cache } = setup();
    cache.remember('k', 'alice', T0, cache.epochBeforeLookup());
    expect(cache.get('k', at(59_999))).toBe('alice');
    expect(cache.get('k', at(60_000))).toBeNull();
    // Once expired it is gone, even if the clock comes back.
    expect(cache.get('k', at(1_000))).toBeNull();
  });

  it('does not trust an entry when the request clock is earlier than the verification', () => {
    const { cache } = setup();
    cache.remember('k', 'alice', T0, cache.epochBeforeLookup());
    expect(cache.get('k', at(-1))).toBeNull();
  });

  it('forgets everything when the epoch moves (a change was heard)', () => {
    const { source, cache } = setup();
    cache.remember('k', 'alice', T0, cache.epochBeforeLookup());
    expect(cache.get('k', at(1_000))).toBe('alice');
    source.current = 2;
    expect(cache.get('k', at(1_000))).toBeNull();
  });

  it('does not store a lookup that a change overtook while it was in flight', () => {
    const { source, cache } = setup();
    const before = cache.epochBeforeLookup();
    source.current = 2; // a revocation heard while the database was answering
    cache.remember('k', 'alice', T0, before);
    expect(cache.get('k', at(1))).toBeNull();
  });

  it('neither stores nor serves anything while changes are not being heard', () => {
    const { source, cache } = setup();
    cache.remember('k', 'alice', T0, cache.epochBeforeLookup());
    source.current = null;
    expect(cache.get('k', at(1))).toBeNull();
    cache.remember('k', 'alice', T0, cache.epochBeforeLookup());
    source.current = 1;
    expect(cache.get('k', at(1))).toBeNull();
  });

  it('stays within its size by starting over when full', () => {
    const { cache } = setup();
    for (const key of ['a', 'b', 'c']) cache.remember(key, key, T0, 1);
    expect(cache.get('c', at(1))).toBe('c');
    cache.remember('d', 'd', T0, 1);
    expect([cache.get('a', at(1)), cache.get('d', at(1))]).toEqual([null, 'd']);
  });
});
