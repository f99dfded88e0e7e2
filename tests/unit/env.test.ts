import { describe, expect, it } from 'vitest';
import { parseDatabaseEnv, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  const good = { DATABASE_URL: 'postgresql://u:p@localhost:5432/db', AUTH_SECRET: 'x'.repeat(32) };

  it('accepts a complete configuration and fills defaults', () => {
    expect(parseEnv(good)).toMatchObject({ LOG_LEVEL: 'info', INGAT_DEMO: '0', INGAT_TEST_CLOCK: '0' });
  });

  it('names the missing variable', () => {
    expect(() => parseEnv({ AUTH_SECRET: good.AUTH_SECRET })).toThrow(/DATABASE_URL/);
  });

  it('names a malformed variable and says what is expected', () => {
    expect(() => parseEnv({ ...good, AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ ...good, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgresql/);
  });

  it('refuses the test clock outside the e2e profile, so no visitor can set the server time with a cookie', () => {
    expect(() => parseEnv({ ...good, INGAT_TEST_CLOCK: '1' })).toThrow(
      /INGAT_TEST_CLOCK=1 .* only with INGAT_PROFILE=e2e/,
    );
    expect(() => parseEnv({ ...good, INGAT_TEST_CLOCK: '1', INGAT_PROFILE: 'app' })).toThrow(/INGAT_TEST_CLOCK/);
    expect(parseEnv({ ...good, INGAT_TEST_CLOCK: '1', INGAT_PROFILE: 'e2e' }).INGAT_TEST_CLOCK).toBe('1');
  });
});

describe('parseDatabaseEnv (what scripts that only read the database need)', () => {
  it('needs no AUTH_SECRET', () => {
    expect(parseDatabaseEnv({ DATABASE_URL: 'postgresql://u:p@localhost:5432/db' }).DATABASE_URL).toBe(
      'postgresql://u:p@localhost:5432/db',
    );
  });

  it('bounds a request that cannot reach the database to under 10 s by default', () => {
    const e = parseDatabaseEnv({ DATABASE_URL: 'postgresql://localhost/db' });
    expect(e.DB_CONNECT_TIMEOUT_MS + e.DB_QUERY_TIMEOUT_MS).toBeLessThan(10_000);
    // The server's own cancel comes before the client gives up, so a slow statement on a live server reports 57014.
    expect(e.DB_STATEMENT_TIMEOUT_MS).toBeLessThan(e.DB_QUERY_TIMEOUT_MS);
  });

  it('reads the timeouts from the environment and names a bad one', () => {
    const e = parseDatabaseEnv({ DATABASE_URL: 'postgresql://localhost/db', DB_STATEMENT_TIMEOUT_MS: '30000' });
    expect(e.DB_STATEMENT_TIMEOUT_MS).toBe(30_000);
    expect(() => parseDatabaseEnv({ DATABASE_URL: 'postgresql://localhost/db', DB_QUERY_TIMEOUT_MS: 'soon' })).toThrow(
      /DB_QUERY_TIMEOUT_MS must be a number of milliseconds/,
    );
    expect(() => parseDatabaseEnv({ DATABASE_URL: 'postgresql://localhost/db', DB_CONNECT_TIMEOUT_MS: '5' })).toThrow(
      /DB_CONNECT_TIMEOUT_MS must be at least 100 ms/,
    );
  });
});
