/**
 * Accounts as an admin reads them through the API: paged by cursor in email order (a university has thousands),
 * and one account by id. The changes (role, disabling) stay in ./users.ts, which the admin page uses too.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireRole, type Actor } from './actor';
import { decodeCursor, DEFAULT_PAGE, pageInputSchema, pageOf, type Page } from './paging';

const adminView = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  locale: true,
  timeZone: true,
  disabledAt: true,
  createdAt: true,
} as const;

export interface AdminUserView {
  id: string;
  email: string;
  displayName: string;
  role: 'STUDENT' | 'INSTRUCTOR' | 'ADMIN';
  locale: string;
  timeZone: string;
  disabledAt: Date | null;
  createdAt: Date;
}

const cursorKey = z.object({ email: z.string() });

export async function listUsersPage(actor: Actor | null, query: unknown): Promise<Page<AdminUserView>> {
  requireRole(actor, 'ADMIN');
  const { cursor, limit = DEFAULT_PAGE } = parseOrThrow(pageInputSchema, query);
  const after = cursor ? decodeCursor(cursorKey, cursor) : null;
  const rows = await db().user.findMany({
    where: after ? { email: { gt: after.email } } : {},
    orderBy: { email: 'asc' },
    take: limit + 1,
    select: adminView,
  });
  return pageOf(
    rows,
    limit,
    (r) => ({ email: r.email }),
    (r) => r,
  );
}

export async function getUserForAdmin(actor: Actor | null, userId: string): Promise<AdminUserView> {
  requireRole(actor, 'ADMIN');
  const parsed = z.uuid().safeParse(userId);
  const user = parsed.success ? await db().user.findUnique({ where: { id: parsed.data }, select: adminView }) : null;
  if (!user) throw new NotFound();
  return user;
}
