/**
 * The one place that recognises "the database cannot be reached right now" among the errors node-postgres, the
 * Prisma driver adapter and the Prisma client throw, and turns it into the `Unavailable` AppError (503 with
 * Retry-After in the API, a clear message in forms, the "back in a moment" page). A failure of this kind says
 * nothing about the request, so it must never surface as 500 "internal", nor as "no access".
 *
 * Recognised: refused, reset or timed-out sockets; a connection the server ended (57P01 admin shutdown, 57P02 crash
 * shutdown, 57P03 starting up or shutting down, any 08xxx connection exception, 25P03 idle-in-transaction timeout);
 * too many connections (53300); a statement cancelled by statement_timeout (57014); node-postgres' own connect,
 * pool-wait and query-read timeouts; and Prisma's codes and driver-adapter errors that wrap any of these.
 */
import { Unavailable } from '@/lib/errors';
import { noteOutage } from './outage';

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** SQLSTATEs of a server that is going away or starting: any 08xxx connection exception, 57P01 admin shutdown,
 *  57P02 crash shutdown, 57P03 cannot connect now, 25P03 idle-in-transaction timeout (the session was ended). */
const GONE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|25P03)$/;
/** SQLSTATEs of a server that is there but too busy: 57014 cancelled by statement_timeout, 53300 too many
 *  connections. */
const BUSY_SQLSTATE = /^(57014|53300)$/;
/** Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection. */
const GONE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
/** Prisma: P2024 pool timeout, P2028 a transaction that could not start in time or expired, P2037 too many
 *  connections. */
const BUSY_PRISMA = new Set(['P2024', 'P2028', 'P2037']);
/** The driver adapter's kinds (DriverAdapterError.cause.kind). */
const GONE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
const BUSY_KINDS = new Set(['TooManyConnections']);
/** node-postgres reports these as plain Errors, with no code. */
const GONE_MESSAGES = [
  'Connection terminated',
  // pg-pool: no connection became free in time. Every connection is then stuck (or the server is not answering new
  // ones): answering pages with 503 for a few seconds sheds load instead of queueing it.
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * `gone`: the database cannot be reached, or stopped answering (down, restarting, frozen, unreachable).
 * `busy`: it answers, but not in time for this request (statement_timeout, too many connections, a Prisma
 * transaction that could not start in time).
 * Both are 503 for the caller; only `gone` makes the proxy answer pages with 503 for a while (./outage.ts), so one
 * slow statement does not take the site down.
 */
export type DatabaseFailure = 'gone' | 'busy';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function kindOf(e: Record<string, unknown>): DatabaseFailure | null {
  const code = typeof e.code === 'string' ? e.code : typeof e.errorCode === 'string' ? e.errorCode : undefined;
  const original = typeof e.originalCode === 'string' ? e.originalCode : undefined;
  const kind = typeof e.kind === 'string' ? e.kind : undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  if (
    (code && (SOCKET_CODES.has(code) || GONE_SQLSTATE.test(code) || GONE_PRISMA.has(code))) ||
    (original && GONE_SQLSTATE.test(original)) ||
    (kind && GONE_KINDS.has(kind)) ||
    GONE_MESSAGES.some((m) => message.includes(m))
  )
    return 'gone';
  if (
    (code && (BUSY_SQLSTATE.test(code) || BUSY_PRISMA.has(code))) ||
    (original && BUSY_SQLSTATE.test(original)) ||
    (kind && BUSY_KINDS.has(kind))
  )
    return 'busy';
  return null;
}

/**
 * What `error`, or anything it wraps (cause, Prisma's meta, an AggregateError's errors), says about the database:
 * `gone` wins over `busy`; null when it is not about reaching the database at all. Looks a few levels deep.
 */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  const seen = new Set<unknown>();
  const queue: [unknown, number][] = [[error, 0]];
  let found: DatabaseFailure | null = null;
  while (queue.length > 0) {
    const [value, depth] = queue.shift()!;
    if (!isObject(value) || seen.has(value) || depth > 5) continue;
    seen.add(value);
    const kind = kindOf(value);
    if (kind === 'gone') return 'gone';
    found ??= kind;
    for (const key of ['cause', 'meta', 'driverAdapterError', 'originalError']) queue.push([value[key], depth + 1]);
    if (Array.isArray(value.errors)) for (const inner of value.errors) queue.push([inner, depth + 1]);
  }
  return found;
}

/** True when the request failed because the database could not be reached or did not answer in time. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFailure(error) !== null;
}

/**
 * `error` as the application's error: an `Unavailable` when the database cannot be reached or is too busy (and, when
 * it is gone, the outage noted for the proxy, see ./outage.ts), otherwise `error` itself, unchanged.
 */
export function recogniseUnavailable(error: unknown, nowMs = Date.now()): unknown {
  const failure = databaseFailure(error);
  if (failure === null) return error;
  if (failure === 'gone') noteOutage(nowMs);
  return new Unavailable();
}
