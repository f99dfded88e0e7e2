/**
 * A user's own browser sessions: the list on the account page (device, when it signed in, when it was last seen)
 * and signing one or all of them out. The session row is what decides access on every request (lib/auth/session.ts),
 * so revoking it ends that browser's access on its next request, in every app process (NOTIFY ingat_auth).
 */
import { z } from 'zod';
import { authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import { NotFound } from '@/lib/errors';
import { requireActor, type Actor } from '../actor';

export interface SessionView {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** The session this request is made in. */
  current: boolean;
}

/** The actor's live sessions, most recently seen first. */
export async function listSessions(actor: Actor | null): Promise<SessionView[]> {
  const a = requireActor(actor);
  const rows = await db().authSession.findMany({
    where: { userId: a.id, revokedAt: null },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: 'desc' },
  });
  return rows.map((r) => ({ ...r, current: r.id === a.sessionId }));
}

/** Signs one of the actor's own sessions out. Someone else's session, or a malformed id, is NotFound. */
export async function revokeSession(actor: Actor | null, sessionId: unknown, now: Date): Promise<void> {
  const a = requireActor(actor);
  const id = z.uuid().safeParse(sessionId);
  if (!id.success) throw new NotFound();
  const result = await db().authSession.updateMany({
    where: { id: id.data, userId: a.id, revokedAt: null },
    data: { revokedAt: now },
  });
  if (result.count === 0) throw new NotFound();
  authChanges().changed();
}

/** Signs every session of the actor out, this one included. Returns how many were ended. */
export async function signOutEverywhere(actor: Actor | null, now: Date): Promise<number> {
  const a = requireActor(actor);
  const result = await db().authSession.updateMany({
    where: { userId: a.id, revokedAt: null },
    data: { revokedAt: now },
  });
  authChanges().changed();
  return result.count;
}
