import { describe, expect, it } from 'vitest';
import { VerifiedCache } from '@/lib/data/verified-cache';

const T0 = new Date('2026-12-01T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A cache over a fake database that counts its lookups; `source.current` is the epoch (null: not listening). */
function setup() {
  const source = { current: 1 as number | null };
  const cache = new VerifiedCache<string>({ epoch: () => source.current }, 60_000, 3);
  const database = { lookups: 0, answer: 'alice' as string | null };
  const verify = (key: string, now: Date, during?: () => void) =>
    cache.verify(key, now, async () => {
      database.lookups++;
      during?.();
      return database.answer;
    });
  return { source, database, verify };
}

describe('VerifiedCache', () => {
  it('reuses what was verified for a minute of the request clock, then asks again', async () => {
    const { database, verify } = setup();
    expect(await verify('k', T0)).toBe('alice');
    expect(await verify('k', at(59_999))).toBe('alice');
    expect(database.lookups).toBe(1);
    expect(await verify('k', at(60_000))).toBe('alice');
    expect(database.lookups).toBe(2);
  });

  it('asks again when the request clock is earlier than the verification', async () => {
    const { database, verify } = setup();
    await verify('k', T0);
    await verify('k', at(-1));
    expect(database.lookups).toBe(2);
  });

  it('forgets everything when the epoch moves (a change was heard)', async () => {
    const { source, database, verify } = setup();
    await verify('k', T0);
    database.answer = null; // revoked
    expect(await verify('k', at(1_000))).toBe('alice');
    source.current = 2;
    expect(await verify('k', at(1_000))).toBeNull();
  });

  it('does not keep a lookup that a change overtook while it was in flight', async () => {
    const { source, database, verify } = setup();
    // A revocation heard while the database was answering: the (older) answer is returned but not kept.
    expect(await verify('k', T0, () => (source.current = 2))).toBe('alice');
    await verify('k', at(1));
    expect(database.lookups).toBe(2);
  });

  it('keeps nothing while changes are not being heard', async () => {
    const { source, database, verify } = setup();
    source.current = null;
    await verify('k', T0);
    await verify('k', at(1));
    expect(database.lookups).toBe(2);
  });

  it('never keeps a failed verification', async () => {
    const { database, verify } = setup();
    database.answer = null;
    expect(await verify('k', T0)).toBeNull();
    database.answer = 'alice';
    expect(await verify('k', at(1))).toBe('alice');
    expect(database.lookups).toBe(2);
  });

  it('stays within its size by starting over when full', async () => {
    const { database, verify } = setup();
    for (const key of ['a', 'b', 'c']) await verify(key, T0);
    await verify('c', at(1));
    expect(database.lookups).toBe(3);
    await verify('d', T0);
    await verify('a', at(1));
    expect(database.lookups).toBe(5);
  });
});
