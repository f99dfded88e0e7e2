/**
 * Demo accounts, created by the seed only on the embedded local database (never when DATABASE_URL is set).
 * The password is public on purpose: it is printed on start and in the README.
 */
import type { Role } from '@/lib/generated/prisma/enums';

export const DEMO_PASSWORD = 'ingat-demo-2026';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; displayName: string; role: Role }> = [
  { email: 'dosen@ingat.test', displayName: 'Dr. Ratna Dewi', role: 'INSTRUCTOR' },
  { email: 'sari@ingat.test', displayName: 'Sari Wulandari', role: 'STUDENT' },
  { email: 'budi@ingat.test', displayName: 'Budi Santoso', role: 'STUDENT' },
  { email: 'admin@ingat.test', displayName: 'Admin Ingat', role: 'ADMIN' },
];
