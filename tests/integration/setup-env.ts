import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'integration-tests-secret-0123456789abcdef';
process.env.LOG_LEVEL ??= 'silent';
// Every test makes its own users through the real sign-up, hundreds in one run from one process: the site-wide
// sign-up allowance (lib/domain/auth/throttle.ts) is raised here; the per-address one is tested as configured.
process.env.SIGNUP_LIMIT_GLOBAL ??= '1000000';
