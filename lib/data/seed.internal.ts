/** Demo accounts for the embedded local database. Creates missing ones; never changes an existing account. */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export async function seedDemoAccounts(prisma: PrismaClient): Promise<number> {
  const existing = new Set(
    (
      await prisma.user.findMany({
        where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
        select: { email: true },
      })
    ).map((u) => u.email),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.user.createMany({
    data: missing.map((a) => ({
      email: a.email,
      displayName: a.displayName,
      role: a.role,
      passwordHash,
      locale: 'id',
      timeZone: 'Asia/Jakarta',
    })),
    skipDuplicates: true,
  });
  return missing.length;
}
