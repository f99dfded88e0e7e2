/**
 * Configuration, read once and validated with zod. A missing or malformed variable stops the process with a message
 * naming it. The schema comes in parts so that each entry point asks only for what it uses: a script that reads the
 * database validates `databaseEnv()` (no AUTH_SECRET needed), the server validates `env()` (everything). The
 * launcher (scripts/start.ts) fills DATABASE_URL and AUTH_SECRET for the embedded default.
 */
import { z } from 'zod';

/** A whole number of milliseconds from an environment string, within [min, max]. */
function millis(name: string, fallback: number, min: number, max: number) {
  return z.coerce
    .number({ error: `${name} must be a number of milliseconds` })
    .int(`${name} must be a whole number of milliseconds`)
    .min(min, `${name} must be at least ${min} ms`)
    .max(max, `${name} must be at most ${max} ms`)
    .default(fallback);
}

/**
 * The database and its timeouts. The defaults bound a request that cannot reach the database: waiting for a
 * connection (1.5 s) plus one query that gets no answer (6 s) leaves room under 10 s for the rest of the request on
 * a busy machine (npm run test:faults measured 10.3 s worst with 2 s + 7 s), and then the caller gets 503 with
 * Retry-After instead of waiting for as long as the database is away (lib/db/connection.ts applies them).
 */
export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (a postgresql:// connection string)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql://'),
  /** Opening a connection, or waiting for a free one in the pool. */
  DB_CONNECT_TIMEOUT_MS: millis('DB_CONNECT_TIMEOUT_MS', 1_500, 100, 60_000),
  /** The server cancels a statement running longer (PostgreSQL's statement_timeout). */
  DB_STATEMENT_TIMEOUT_MS: millis('DB_STATEMENT_TIMEOUT_MS', 5_000, 100, 600_000),
  /** The client gives up on a statement that gets no answer at all (a frozen or unreachable server). */
  DB_QUERY_TIMEOUT_MS: millis('DB_QUERY_TIMEOUT_MS', 6_000, 100, 600_000),
  /** The server ends a session that holds a transaction open without working in it (idle_in_transaction_session_timeout). */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000, 100, 600_000),
  /** Connections in this process's pool (shared by requests, the job queue and sign-in throttling). */
  DB_POOL_MAX: z.coerce
    .number({ error: 'DB_POOL_MAX must be a number' })
    .int('DB_POOL_MAX must be a whole number')
    .min(2, 'DB_POOL_MAX must be at least 2')
    .max(500, 'DB_POOL_MAX must be at most 500')
    .default(10),
});

export const serverEnvSchema = databaseEnvSchema
  .extend({
    AUTH_SECRET: z
      .string({ error: 'AUTH_SECRET is required (at least 32 random characters)' })
      .min(32, 'AUTH_SECRET must be at least 32 characters'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Set by the launcher when it seeded demo accounts (embedded database only). */
    INGAT_DEMO: z.enum(['0', '1']).default('0'),
    /** The launcher's profile (`app`, `e2e`, …); only the throwaway e2e database may let a cookie set the time. */
    INGAT_PROFILE: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'INGAT_PROFILE must be a profile name such as app')
      .default('app'),
    /** Lets the `ingat-test-now` cookie set the server's time (lib/clock.ts): browser tests only. */
    INGAT_TEST_CLOCK: z.enum(['0', '1']).default('0'),
    /** How many proxies stand in front of the app (lib/auth/client-ip.ts); read by scripts/serve.ts. */
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    /** Sign-ups allowed from one address per hour, and on the whole site per 10 minutes, before waits grow. */
    SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    SIGNUP_LIMIT_GLOBAL: z.coerce.number().int().min(1).default(300),
    /** Outgoing mail (password reset links). Without it, resets are issued as links by an admin or instructor. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().default('Ingat <no-reply@ingat.invalid>'),
    /**
     * The app's public address, for links in mail. Required with SMTP_URL: a link built from the request's Host header
     * would let anyone who asks for a reset in a victim's name choose where the victim's secret link points.
     */
    APP_URL: z
      .string()
      .regex(/^https?:\/\/[^/]+$/, 'APP_URL must be an origin such as https://ingat.example.ac.id (no path)')
      .optional(),
    /**
     * 'off' lifts the API's per-user and per-IP request limits (lib/limits). Only for load tests that play thousands
     * of learners from one address at machine speed (npm run bench:review); never in service.
     */
    API_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  })
  .refine((e) => !e.SMTP_URL || e.APP_URL, {
    path: ['APP_URL'],
    message: 'APP_URL is required when SMTP_URL is set (mail links must point at the real site)',
  })
  .refine((e) => e.INGAT_TEST_CLOCK === '0' || e.INGAT_PROFILE === 'e2e', {
    path: ['INGAT_TEST_CLOCK'],
    message:
      'INGAT_TEST_CLOCK=1 lets any visitor set the server clock with a cookie; it is allowed only with INGAT_PROFILE=e2e (the browser tests)',
  });

export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;
export type Env = z.infer<typeof serverEnvSchema>;

function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The server's whole configuration. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(serverEnvSchema, source);
}

/** Only what talking to the database needs (scripts, migrations, the pool). */
export function parseDatabaseEnv(source: Record<string, string | undefined>): DatabaseEnv {
  return parseWith(databaseEnvSchema, source);
}

let cached: Env | undefined;
let cachedDatabase: DatabaseEnv | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function databaseEnv(): DatabaseEnv {
  cachedDatabase ??= parseDatabaseEnv(process.env);
  return cachedDatabase;
}
