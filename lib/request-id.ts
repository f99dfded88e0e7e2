/**
 * The id that ties a request to its log lines: the caller's `x-request-id` when it is a plausible id (so a proxy's
 * or client's id carries through), otherwise a new UUID. Runs in the proxy, the API dispatcher and route handlers
 * alike, so it uses the global Web Crypto, not node:crypto.
 */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function requestIdOf(headers: Headers): string {
  const incoming = headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
