/**
 * Where the database comes from: DATABASE_URL when set, otherwise the embedded PostgreSQL of this checkout.
 * Used by the launcher (npm start), the scripts and the test setup, so all three agree.
 */
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export const EMBEDDED_PROFILES = {
  /** npm start / npm run dev */
  app: { name: 'pg', port: 54329, database: 'ingat' },
  /** vitest integration tests */
  test: { name: 'pg-test', port: 54330, database: 'ingat_test' },
  /** Playwright end-to-end tests */
  e2e: { name: 'pg-e2e', port: 54331, database: 'ingat_e2e' },
  /** npm run test:faults (54332 is the review benchmark's) */
  faults: { name: 'pg-faults', port: 54333, database: 'ingat_faults' },
} as const;

export type EmbeddedProfile = keyof typeof EMBEDDED_PROFILES;

export interface ProvisionedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export async function provisionDatabase(
  profile: EmbeddedProfile,
  env: NodeJS.ProcessEnv = process.env,
  log?: (line: string) => void,
): Promise<ProvisionedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: null };
  // INGAT_PORT_OFFSET moves every embedded port (and the e2e server's) so several checkouts can test side by side.
  const base = EMBEDDED_PROFILES[profile];
  const port = base.port + Number(env.INGAT_PORT_OFFSET ?? 0);
  const embedded = await startEmbeddedPostgres({ ...base, port, log });
  return { url: embedded.url, embedded };
}
