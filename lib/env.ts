/**
 * Server configuration, read once and validated with zod. A missing or malformed variable stops the process with a
 * message naming it. The launcher (scripts/start.ts) fills DATABASE_URL and AUTH_SECRET for the embedded default.
 */
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (a postgresql:// connection string)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql://'),
  AUTH_SECRET: z
    .string({ error: 'AUTH_SECRET is required (at least 32 random characters)' })
    .min(32, 'AUTH_SECRET must be at least 32 characters'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
  /** Set by the launcher when it seeded demo accounts (embedded database only). */
  INGAT_DEMO: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof envSchema>;

const checkedEnvSchema = envSchema.refine((e) => !e.SMTP_URL || e.APP_URL, {
  path: ['APP_URL'],
  message: 'APP_URL is required when SMTP_URL is set (mail links must point at the real site)',
});

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = checkedEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
