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
/** SQLSTATEs of a server that is going away, starting, overloaded, or that cancelled a statement for taking too long. */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|57014|53300|25P03)$/;
/** P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool
 *  timeout, P2028 a transaction that could not start in time or expired while a statement got no answer, P2037
 *  too many connections. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);
/** The driver adapter's kinds for the same conditions (DriverAdapterError.cause.kind). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** node-postgres and pg-pool report these as plain Errors, with no code. */
const DRIVER_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function matchesItself(e: Record<string, unknown>): boolean {
  const code = typeof e.code === 'string' ? e.code : typeof e.errorCode === 'string' ? e.errorCode : undefined;
  if (code && (SOCKET_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code))) return true;
  if (typeof e.originalCode === 'string' && SQLSTATE.test(e.originalCode)) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return DRIVER_MESSAGES.some((m) => message === m || message.includes(`${m}`));
}

/**
 * True when `error`, or anything it wraps (cause, Prisma's meta, an AggregateError's errors), says the database
 * could not be reached or did not answer in time. Looks a few levels deep, never at anything else.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: [unknown, number][] = [[error, 0]];
  while (queue.length > 0) {
    const [value, depth] = queue.shift()!;
    if (!isObject(value) || seen.has(value) || depth > 5) continue;
    seen.add(value);
    if (matchesItself(value)) return true;
    for (const key of ['cause', 'meta', 'driverAdapterError', 'originalError']) queue.push([value[key], depth + 1]);
    if (Array.isArray(value.errors)) for (const inner of value.errors) queue.push([inner, depth + 1]);
  }
  return false;
}

/**
 * `error` as the application's error: an `Unavailable` when the database cannot be reached (and the outage noted for
 * the proxy, see ./outage.ts), otherwise `error` itself, unchanged.
 */
export function recogniseUnavailable(error: unknown, nowMs = Date.now()): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  noteOutage(nowMs);
  return new Unavailable();
}
