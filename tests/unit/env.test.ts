import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  const good = { DATABASE_URL: 'postgresql://u:p@localhost:5432/db', AUTH_SECRET: 'x'.repeat(32) };

  it('accepts a complete configuration and fills defaults', () => {
    expect(parseEnv(good)).toMatchObject({ LOG_LEVEL: 'info', INGAT_DEMO: '0' });
  });

  it('names the missing variable', () => {
    expect(() => parseEnv({ AUTH_SECRET: good.AUTH_SECRET })).toThrow(/DATABASE_URL/);
  });

  it('names a malformed variable and says what is expected', () => {
    expect(() => parseEnv({ ...good, AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ ...good, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgresql/);
  });
});
