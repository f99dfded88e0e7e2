/**
 * Who is asking. Every lib/data entry point that reads or changes user data takes an Actor and checks it; the
 * helpers behind them, which take raw ids and check nothing, live in *.internal.ts modules that app/ cannot import
 * (eslint.config.mjs).
 */
import type { Role } from '@/lib/generated/prisma/enums';
import { Forbidden, Unauthenticated } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n/locales';

export type UserId = string & { readonly __brand: 'UserId' };
export type SessionId = string & { readonly __brand: 'SessionId' };

export interface Actor {
  id: UserId;
  sessionId: SessionId;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  timeZone: string;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new Unauthenticated();
  return actor;
}

export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  const a = requireActor(actor);
  if (!roles.includes(a.role)) throw new Forbidden();
  return a;
}

/** The actor of a signed-in user row, for a browser session or an API token (whose id plays the session's part). */
export function actorOf(
  user: { id: string; email: string; displayName: string; role: Role; locale: string; timeZone: string },
  sessionId: string,
): Actor {
  return {
    id: user.id as UserId,
    sessionId: sessionId as SessionId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: isLocale(user.locale) ? user.locale : 'id',
    timeZone: user.timeZone,
  };
}
