/**
 * Identities this process verified against the database recently (the actor of an API token or a session),
 * reused instead of asking again on every request. An entry is used only while all of these hold:
 * - it is younger than `ttlMs` by the request's clock;
 * - the epoch (lib/db/auth-changes.ts) is the one it was verified under: any revocation, disabled account or profile
 *   change anywhere moves the epoch, and so does losing the connection that hears them;
 * - the process is listening for changes at all.
 * A lookup records the epoch *before* it asks the database and stores its result only under that epoch, so a
 * change that lands while the lookup is in flight is never covered up by the lookup's older answer.
 * Failed verifications are never stored: an unknown token always costs a database round trip.
 */
export interface EpochSource {
  /** The current epoch, or null when changes are not being heard. */
  epoch(): number | null;
}

interface Entry<V> {
  value: V;
  verifiedAt: number;
  epoch: number;
}

export class VerifiedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly epochs: EpochSource,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * What `lookup` verified for `key`, reused while it may be; otherwise `lookup` runs (a database round trip) and a
   * non-null result is kept under the epoch read before it started.
   */
  async verify(key: string, now: Date, lookup: () => Promise<V | null>): Promise<V | null> {
    const kept = this.get(key, now);
    if (kept !== null) return kept;
    const epoch = this.epochs.epoch();
    const value = await lookup();
    if (value !== null && epoch !== null && epoch === this.epochs.epoch()) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, verifiedAt: now.getTime(), epoch });
    }
    return value;
  }

  private get(key: string, now: Date): V | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const age = now.getTime() - entry.verifiedAt;
    if (entry.epoch === this.epochs.epoch() && age >= 0 && age < this.ttlMs) return entry.value;
    this.entries.delete(key);
    return null;
  }
}
