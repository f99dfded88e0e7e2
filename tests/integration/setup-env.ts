import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'integration-tests-secret-0123456789abcdef';
process.env.LOG_LEVEL ??= 'silent';
