/**
 * The client's address for rate limits and logs, and only from a source the client cannot choose.
 *
 * The HTTP server in front of Next (scripts/serve.ts) computes it from the socket and, when the operator says that
 * TRUSTED_PROXIES proxies stand in front of the app, from the X-Forwarded-For entry that the outermost trusted proxy
 * appended. It then sets CLIENT_IP_HEADER on every request, overwriting whatever the client sent. Routes read that
 * header, never X-Forwarded-For itself: the first X-Forwarded-For entry is whatever the client wrote.
 */
export const CLIENT_IP_HEADER = 'x-ingat-client-ip';

/** The address routes see when the request did not come through scripts/serve.ts (e.g. a test calling a handler). */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client address given the socket's peer and the X-Forwarded-For header, trusting the last `trustedProxies` hops.
 * Each proxy appends the address it received the request from, so with N trusted proxies the client is the N-th
 * address from the right of [...forwardedFor, socket]. Entries to the left of it were written by the client and are
 * ignored. IPv6 addresses are reduced to their /64 network: one home or phone is given a whole /64, so a key on the
 * full address would let one attacker rotate through 2^64 addresses.
 * @example clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9', 1) === '203.0.113.9'
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = [...forwarded, socketAddress ?? ''];
  const chosen = hops[hops.length - 1 - trustedProxies] ?? hops[0] ?? '';
  return normalise(chosen) || UNKNOWN_CLIENT;
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  return ipv6Network64(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
}

/** The first four groups of an IPv6 address, expanded (`2001:db8::1` → `2001:db8:0:0::/64`). */
function ipv6Network64(address: string): string {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (g || '0').toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The client's address as scripts/serve.ts recorded it. */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) || UNKNOWN_CLIENT;
}
