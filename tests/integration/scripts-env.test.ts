/** Scripts ask only for the configuration they use: review:rebuild reads the database and never AUTH_SECRET. */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';

describe('npm run review:rebuild', () => {
  it('runs without AUTH_SECRET', () => {
    const { AUTH_SECRET: _unused, ...env } = process.env;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/review/rebuild.ts', '--user', randomUUID()], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/AUTH_SECRET/);
    expect(run.stdout).toMatch(/learner\(s\), 0 card\(s\): 0 differ from the log/);
    expect(run.status).toBe(0);
  }, 90_000);
});
