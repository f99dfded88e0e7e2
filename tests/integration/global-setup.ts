/**
 * Integration tests run against a real PostgreSQL: DATABASE_URL when set, otherwise a fresh embedded cluster
 * (.data/pg-test) prepared exactly like the app's (migrations + content, no demo accounts).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EMBEDDED_PROFILES, provisionDatabase } from '../../lib/db/provision';
import { prepareDatabase } from '../../lib/startup/prepare';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!process.env.DATABASE_URL)
    rmSync(resolve('.data', EMBEDDED_PROFILES.test.name), { recursive: true, force: true });
  const db = await provisionDatabase('test');
  await prepareDatabase(db.url, { demo: false, now: new Date() });
  project.provide('databaseUrl', db.url);
  return async () => {
    await db.embedded?.stop();
  };
}
