/**
 * How every connection of ours to PostgreSQL is opened: the pool of lib/db/client.ts, the LISTEN connection of
 * ./auth-changes.ts, migrations and start-up preparation. One place sets the timeouts (from lib/env.ts), so that a
 * database that is frozen, restarting or unreachable costs a request a bounded wait, never an unbounded one:
 *
 * - connect timeout: opening a connection (a frozen server accepts TCP and then says nothing) or, in a pool, waiting
 *   for a free one;
 * - statement_timeout: the server cancels a statement that runs too long (57014);
 * - query timeout: the client gives up on a statement that gets no answer at all (only the client can notice a
 *   server that is frozen); a little longer than statement_timeout, so a live server's own cancel comes first;
 * - idle_in_transaction_session_timeout: the server ends a session that holds a transaction (and its locks) open
 *   without working in it, e.g. of a process that hangs.
 */
import pg from 'pg';
import { parseDatabaseEnv, type DatabaseEnv } from '@/lib/env';
import { logger } from '@/lib/log';
import { noteOutage } from './outage';
import { databaseFailure } from './unavailable';

export type Timeouts = Pick<
  DatabaseEnv,
  'DB_CONNECT_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_QUERY_TIMEOUT_MS' | 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'
>;

type QueryMethod = (this: pg.Client, ...args: unknown[]) => unknown;
const baseQuery = pg.Client.prototype.query as unknown as QueryMethod;

function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

/** What every failed statement or connection attempt goes through: note an outage for the proxy (./outage.ts). */
function failed(client: pg.Client, error: unknown): void {
  if (isReadTimeout(error)) abandon(client);
  if (error && databaseFailure(error) === 'gone') noteOutage(Date.now());
}

/**
 * A node-postgres client that (1) never lets a lost connection become an uncaught exception: an 'error' event on a
 * connection nobody is using is logged (the queries that were on it get the error themselves), and (2) closes its
 * socket when a statement got no answer within the query timeout. node-postgres only reports such a timeout to the
 * caller and keeps the statement on the connection, so a Prisma transaction's ROLLBACK (and the next user of the
 * connection, which the pool would take back as healthy) would queue behind it for another full timeout. Closed,
 * everything queued on it fails at once and the pool drops it.
 */
export class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (error) => {
      if (databaseFailure(error) === 'gone') noteOutage(Date.now());
      logger.warn({ err: error.message }, 'database connection lost');
    });
  }
}

/** Closes the socket under a client (node-postgres has no public call for it: end() waits for the server). */
function abandon(client: pg.Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

(GuardedClient.prototype as unknown as { query: QueryMethod }).query = function guardedQuery(
  this: GuardedClient,
  ...args: unknown[]
) {
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === 'function') {
    args[last] = (error: unknown, result: unknown) => {
      failed(this, error);
      (callback as (e: unknown, r: unknown) => void)(error, result);
    };
    return baseQuery.apply(this, args);
  }
  const result = baseQuery.apply(this, args);
  if (result instanceof Promise) {
    return result.catch((error: unknown) => {
      failed(this, error);
      throw error;
    });
  }
  return result;
};

type ConnectMethod = (this: pg.Client, callback?: (error: Error | null) => void) => Promise<void> | undefined;
const baseConnect = pg.Client.prototype.connect as unknown as ConnectMethod;

// A connection that cannot be opened (refused, timed out, the server starting or stopping) is an outage too.
(GuardedClient.prototype as unknown as { connect: ConnectMethod }).connect = function guardedConnect(
  this: GuardedClient,
  callback?: (error: Error | null) => void,
) {
  if (callback)
    return baseConnect.call(this, (error) => {
      failed(this, error);
      callback(error);
    });
  return baseConnect.call(this)?.catch((error: unknown) => {
    failed(this, error);
    throw error;
  });
};

/**
 * Connection settings with our timeouts, for a pg.Pool or pg.Client. `statementTimeout: false` leaves statements
 * unbounded (migrations may legitimately run long; they run before the app serves anyone).
 */
export function connectionConfig(
  databaseUrl: string,
  timeouts: Timeouts,
  opts: { applicationName: string; statementTimeout?: boolean },
): pg.ClientConfig {
  const bounded = opts.statementTimeout !== false;
  return {
    connectionString: databaseUrl,
    application_name: opts.applicationName,
    connectionTimeoutMillis: timeouts.DB_CONNECT_TIMEOUT_MS,
    ...(bounded
      ? { statement_timeout: timeouts.DB_STATEMENT_TIMEOUT_MS, query_timeout: timeouts.DB_QUERY_TIMEOUT_MS }
      : {}),
    idle_in_transaction_session_timeout: timeouts.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    keepAlive: true,
  };
}

type PoolConnect = (
  this: pg.Pool,
  callback?: (error: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void,
) => Promise<pg.PoolClient> | undefined;
const basePoolConnect = pg.Pool.prototype.connect as unknown as PoolConnect;

/**
 * A pool that also notes an outage when no connection becomes free in time (every connection is stuck on a server
 * that does not answer): that happens seconds before the stuck statements' own timeouts, so pages get the proxy's
 * 503 sooner. pg-pool's own query() and Prisma's transactions both come through connect().
 */
class GuardedPool extends pg.Pool {}
(GuardedPool.prototype as unknown as { connect: PoolConnect }).connect = function guardedPoolConnect(
  this: pg.Pool,
  callback,
) {
  const note = (error: unknown) => {
    if (error && databaseFailure(error) === 'gone') noteOutage(Date.now());
  };
  if (callback)
    return basePoolConnect.call(this, (error, client, done) => {
      note(error);
      callback(error, client, done);
    });
  return basePoolConnect.call(this)?.catch((error: unknown) => {
    note(error);
    throw error;
  });
};

/** A pool of GuardedClients with our timeouts, whose idle-connection errors are logged instead of ending the process. */
export function guardedPool(config: pg.ClientConfig, max: number): pg.Pool {
  const pool = new GuardedPool({ ...config, max, Client: GuardedClient });
  // An idle connection that the server closes (a restart, a failover) is reported here; without a listener the
  // pool's 'error' event would end the process. The pool drops that connection and opens a new one when needed.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'database connection lost while idle'));
  return pool;
}

/** The timeouts from the environment (defaults where unset), for code that is handed its database URL. */
export function timeoutsFromEnv(source: Record<string, string | undefined> = process.env): Timeouts {
  const { DATABASE_URL: _url, ...timeouts } = parseDatabaseEnv({ ...source, DATABASE_URL: 'postgresql://unused' });
  return timeouts;
}
