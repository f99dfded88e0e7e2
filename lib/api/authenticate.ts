/**
 * Who is calling the API. A request that carries an Authorization header is judged by it alone: a well-formed,
 * live bearer token, or 401. It never falls back to the browser cookie, so a client that sent a wrong token learns
 * so instead of acting as whoever is signed in in the same browser. Without the header, the browser session counts,
 * and then a request that changes something must come from our own origin (a cross-site form or fetch cannot).
 */
import { actorForToken } from '@/lib/data/api-tokens';
import type { Actor } from '@/lib/data/actor';
import { Forbidden, Unauthenticated } from '@/lib/errors';

export interface Authentication {
  actor: Actor;
  via: 'bearer' | 'session';
}

const BEARER = /^Bearer +(\S+) *$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function authenticate(
  request: Request,
  sessionActor: () => Promise<Actor | null>,
  now: Date,
): Promise<Authentication> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const token = BEARER.exec(header)?.[1];
    const actor = token ? await actorForToken(token, now) : null;
    if (!actor) throw new Unauthenticated('errors.tokenInvalid');
    return { actor, via: 'bearer' };
  }
  const actor = await sessionActor();
  if (!actor) throw new Unauthenticated();
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return { actor, via: 'session' };
}

/**
 * CSRF defence for cookie-authenticated writes: the Origin header (which browsers send with every cross-origin
 * and same-origin POST/PATCH/DELETE, and which pages cannot forge) must name this host. Compared with the host the
 * way Next's own server actions do: X-Forwarded-Host behind a proxy, else Host.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (!origin || !URL.canParse(origin)) throw new Forbidden();
  const host =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ||
    request.headers.get('host') ||
    new URL(request.url).host;
  if (new URL(origin).host !== host) throw new Forbidden();
}
