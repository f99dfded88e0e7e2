/**
 * When this process last saw the database unreachable. The proxy (proxy.ts) answers page requests with 503 and
 * Retry-After while an outage is recent, instead of letting each page wait for its own timeout and fail with 500.
 * Kept on globalThis: the proxy and the routes are bundled apart but run in one process. No imports, so the proxy
 * can use it.
 */
const holder = globalThis as unknown as { ingatOutageAt?: number };

/** Records that the database could not be reached at `atMs` (epoch milliseconds). */
export function noteOutage(atMs: number): void {
  holder.ingatOutageAt = atMs;
}

/** Records that the database answered: the next page request goes through at once. */
export function noteRecovery(): void {
  holder.ingatOutageAt = undefined;
}

/** True when an outage was seen less than `windowMs` before `nowMs`. */
export function outageSeenWithin(windowMs: number, nowMs: number): boolean {
  const at = holder.ingatOutageAt;
  return at !== undefined && nowMs - at < windowMs;
}
