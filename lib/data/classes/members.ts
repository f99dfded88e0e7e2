/**
 * A class's active members, for its instructors (and admins), paged by cursor in joining order, so a class of
 * thousands is read a page at a time. The dashboard (./progress.ts) gives their statistics; this is the roster.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { parseOrThrow } from '@/lib/validation/parse';
import type { Actor } from '../actor';
import { decodeCursor, DEFAULT_PAGE, pageOf, pageInputSchema, type Page } from '../paging';
import { classForInstructor } from './access.internal';

export interface MemberView {
  id: string;
  displayName: string;
  email: string;
  joinedAt: string;
}

const cursorKey = z.object({ at: z.iso.datetime(), id: z.uuid() });

export async function listMembers(actor: Actor | null, classId: string, query: unknown): Promise<Page<MemberView>> {
  await classForInstructor(actor, classId);
  const { cursor, limit = DEFAULT_PAGE } = parseOrThrow(pageInputSchema, query);
  const after = cursor ? decodeCursor(cursorKey, cursor) : null;
  const at = after ? new Date(after.at) : null;
  const rows = await db().classMember.findMany({
    where: {
      classId,
      removedAt: null,
      ...(after && at ? { OR: [{ joinedAt: { gt: at } }, { joinedAt: at, userId: { gt: after.id } }] } : {}),
    },
    orderBy: [{ joinedAt: 'asc' }, { userId: 'asc' }],
    take: limit + 1,
    include: { user: { select: { displayName: true, email: true } } },
  });
  return pageOf(
    rows,
    limit,
    (r) => ({ at: r.joinedAt.toISOString(), id: r.userId }),
    (r) => ({ id: r.userId, displayName: r.user.displayName, email: r.user.email, joinedAt: r.joinedAt.toISOString() }),
  );
}
