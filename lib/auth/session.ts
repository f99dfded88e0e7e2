/**
 * The current actor of a request. Reads the Auth.js JWT, then checks the server-side session row (or what this
 * process verified of it in the last minute, forgotten on any change: lib/data/users.ts), so a revoked session, a
 * disabled account or a changed password ends access on the next request. An error from `auth()` is
 * logged and treated as "no session", never as a session.
 */
import { cache } from 'react';
import { redirect, forbidden, notFound, unstable_rethrow } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { headers } from 'next/headers';
import type { Role } from '@/lib/generated/prisma/enums';
import { logger } from '@/lib/log';
import { actorForSession } from '@/lib/data/users';
import { requestNow } from '@/lib/clock';
import type { Actor } from '@/lib/data/actor';
import { auth } from './config';

export const currentActor = cache(async (): Promise<Actor | null> => {
  let sid: unknown;
  try {
    const session = await auth();
    sid = session && typeof session === 'object' && 'sid' in session ? session.sid : undefined;
  } catch (error) {
    // Next's own control-flow errors (dynamic rendering bail-out, redirects) are not auth failures.
    unstable_rethrow(error);
    logger.warn({ err: String(error) }, 'auth() failed; treating the request as signed out');
    return null;
  }
  return typeof sid === 'string' ? actorForSession(sid, await requestNow()) : null;
});

/** For pages: the actor, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageActor(...roles: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const path = (await headers()).get('x-ingat-path') ?? '/';
    redirect(`/signin?next=${encodeURIComponent(path)}`);
  }
  if (roles.length > 0 && !roles.includes(actor.role)) forbidden();
  return actor;
}

/**
 * For pages: the data, or the page answer an AppError calls for (404, 403, or sign-in), instead of an error page.
 * Anything that is not an AppError is a bug and still surfaces as one.
 */
export async function pageData<T>(data: Promise<T>): Promise<T> {
  try {
    return await data;
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === 'not_found') notFound();
      if (error.code === 'forbidden') forbidden();
      if (error.code === 'unauthenticated') {
        const path = (await headers()).get('x-ingat-path') ?? '/';
        redirect(`/signin?next=${encodeURIComponent(path)}`);
      }
    }
    throw error;
  }
}
