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
  /**
   * 'off' lifts the API's per-user and per-IP request limits (lib/limits). Only for load tests that play thousands
   * of learners from one address at machine speed (npm run bench:review); never in service.
   */
  API_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /** Set by the launcher when it seeded demo accounts (embedded database only). */
  INGAT_DEMO: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
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
