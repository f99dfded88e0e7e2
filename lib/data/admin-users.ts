/**
 * Accounts as an admin reads them, on the admin page and through the API: searched by email or name, paged by cursor
 * in email order (a university has thousands), and one account by id. Deleted accounts (pseudonymous rows kept for
 * the review log, ./account/deletion.ts) are not listed, only counted. The changes (role, disabling) stay in
 * ./users.ts.
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

/** A search: part of an email or a name, any case. */
export const userSearchSchema = z.string().trim().max(100, 'validation.searchTooLong').optional();
const listInputSchema = pageInputSchema.extend({ q: userSearchSchema });

export async function listUsersPage(actor: Actor | null, query: unknown): Promise<Page<AdminUserView>> {
  requireRole(actor, 'ADMIN');
  const { cursor, limit = DEFAULT_PAGE, q } = parseOrThrow(listInputSchema, query);
  const after = cursor ? decodeCursor(cursorKey, cursor) : null;
  const rows = await db().user.findMany({
    where: {
      deletedAt: null,
      ...(after ? { email: { gt: after.email } } : {}),
      ...(q
        ? {
            OR: [
              { email: { contains: q, mode: 'insensitive' as const } },
              { displayName: { contains: q, mode: 'insensitive' as const } },
            ],
          }
        : {}),
    },
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

/** How many accounts were deleted (not listed: nothing personal is left to manage). */
export async function deletedAccountCount(actor: Actor | null): Promise<number> {
  requireRole(actor, 'ADMIN');
  return db().user.count({ where: { deletedAt: { not: null } } });
}
