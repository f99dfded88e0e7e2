/**
 * Hears, in this process, every change in the database to what a verified API token or browser session stands for:
 * a token or session revoked, an account disabled, deleted, or its role, name, email, language or time zone
 * changed. Triggers (migration `auth_change_notifications`) send `NOTIFY ingat_auth` on such changes, from any
 * process or tool, and one dedicated connection per app process LISTENs.
 *
 * What callers get is an *epoch*: a number that moves on every change heard, and whenever hearing stops or starts.
 * Something verified against the database under epoch E may be reused while the epoch is still E, and only while
 * this process is listening (lib/data/verified-cache.ts). If the connection drops, the epoch moves and nothing is
 * reused until listening is re-established and proven.
 *
 * Listening counts as established only once a NOTIFY this connection sent has come back to it: behind a pooler in
 * transaction mode, LISTEN is accepted but nothing is ever delivered, and then nothing is cached.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { databaseEnv } from '@/lib/env';
import { logger } from '@/lib/log';
import { connectionConfig } from './connection';

export const AUTH_CHANNEL = 'ingat_auth';
/** How long the proof that notifications arrive may take before listening is given up as not working. */
const PROOF_TIMEOUT_MS = 2_000;
/** After a failure, how long before this process tries to listen again (lookups go to the database meanwhile). */
const RETRY_AFTER_MS = 5_000;
/** The connection's application_name, followed by `:<pid>` (so an operator, or a test, can find it). */
export const APPLICATION_NAME = 'ingat-auth-listener';

type State = 'idle' | 'connecting' | 'listening';

export class AuthChangeListener {
  private state: State = 'idle';
  private client: pg.Client | null = null;
  private currentEpoch = 0;
  private retryAt = 0;
  private starting: Promise<void> = Promise.resolve();
  private readonly echoes = new Map<string, () => void>();

  /** `config`: where to connect, with the timeouts of ./connection.ts (its application_name is set here). */
  constructor(private readonly config: pg.ClientConfig) {}

  /** The current epoch, or null when changes are not being heard (then nothing verified may be reused). */
  epoch(): number | null {
    this.start();
    return this.state === 'listening' ? this.currentEpoch : null;
  }

  isListening(): boolean {
    return this.state === 'listening';
  }

  /** Starts listening now (whatever the retry delay) and resolves once it works; throws if it does not. */
  async whenListening(): Promise<void> {
    if (this.state === 'idle') this.retryAt = 0;
    this.start();
    await this.starting;
    if (this.state !== 'listening') throw new Error('could not listen for authentication changes');
  }

  /** This process changed something itself: forget at once, without waiting for its own notification. */
  changed(): void {
    this.currentEpoch++;
  }

  /**
   * Resolves once every change committed before the call has been heard. Notifications arrive in commit order, so
   * an echo sent now comes back after all of them. Throws when not listening.
   */
  async heardEverything(): Promise<void> {
    const client = this.client;
    if (this.state !== 'listening' || !client) throw new Error('not listening for authentication changes');
    await this.echo(client);
  }

  private start(): void {
    if (this.state !== 'idle' || performance.now() < this.retryAt) return;
    this.state = 'connecting';
    const client = new pg.Client({ ...this.config, application_name: `${APPLICATION_NAME}:${process.pid}` });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== AUTH_CHANNEL) return;
      const echo = message.payload?.startsWith('echo:') ? this.echoes.get(message.payload) : undefined;
      if (echo) echo();
      else this.currentEpoch++;
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.starting = this.listen(client);
  }

  private async listen(client: pg.Client): Promise<void> {
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      await this.echo(client);
      if (this.client !== client) return;
      this.currentEpoch++;
      this.state = 'listening';
    } catch (error) {
      this.lost(client, error as Error);
      await client.end().catch(() => undefined);
    }
  }

  /** Sends a notification on `client` and waits for it to come back (or times out). */
  private echo(client: pg.Client): Promise<void> {
    const payload = `echo:${randomUUID()}`;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.echoes.delete(payload);
        reject(new Error(`no notification came back within ${PROOF_TIMEOUT_MS} ms`));
      }, PROOF_TIMEOUT_MS);
      this.echoes.set(payload, () => {
        clearTimeout(timer);
        this.echoes.delete(payload);
        resolve();
      });
      client.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, payload]).catch((error: Error) => {
        clearTimeout(timer);
        this.echoes.delete(payload);
        reject(error);
      });
    });
  }

  private lost(client: pg.Client | null, error?: Error): void {
    if (client === null || this.client !== client) return;
    if (error) logger.warn({ err: error.message }, 'not listening for authentication changes; verifying every request');
    this.client = null;
    this.state = 'idle';
    this.currentEpoch++;
    this.retryAt = performance.now() + RETRY_AFTER_MS;
  }
}

const globalForListener = globalThis as unknown as { ingatAuthChanges?: AuthChangeListener };

/** The process's listener, started lazily by the first `epoch()` call. */
export function authChanges(): AuthChangeListener {
  if (!globalForListener.ingatAuthChanges) {
    const config = databaseEnv();
    globalForListener.ingatAuthChanges = new AuthChangeListener(
      connectionConfig(config.DATABASE_URL, config, { applicationName: APPLICATION_NAME }),
    );
  }
  return globalForListener.ingatAuthChanges;
}
