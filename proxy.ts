/**
 * Runs before every request: a per-request CSP nonce (Next applies it to its own scripts), a request id for the
 * logs, and the path for sign-in redirects. It does NOT decide access: pages, actions and routes check on the server.
 *
 * While this process has seen the database unreachable in the last few seconds (lib/db/outage.ts), a page request
 * is answered here with 503, Retry-After and a small "back in a moment" page that reloads itself, instead of each
 * page waiting for its own database timeout and failing with 500. Server actions go through: their forms show
 * their own message (lib/forms) and keep what was typed.
 *
 * A POST (a server action) over the actions' body limit is answered 413 here: Next itself refuses it with a 500
 * (it renders the limit error as a server error). A Content-Length over the limit is refused unread; a body without
 * one is counted as it is read, up to just past the limit.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { malformedPathResponse } from '@/lib/api/malformed-path';
import { outageSeenWithin } from '@/lib/db/outage';
import { declaredLength, readAtMost, SERVER_ACTION_BODY_LIMIT } from '@/lib/http/bounded-body';
import { UNAVAILABLE_RETRY_AFTER_SECONDS as RETRY_AFTER_SECONDS } from '@/lib/errors';
import { translator } from '@/lib/i18n/catalogue';

/** How long after seeing the database unreachable pages get the 503 page without trying. */
const OUTAGE_WINDOW_MS = 5_000;
import { requestIdOf } from '@/lib/request-id';

export async function proxy(request: NextRequest) {
  // API paths come here only when they contain "%" (see the matcher): a broken escape is the API's JSON 400.
  if (request.nextUrl.pathname.startsWith('/api/')) return malformedPathResponse(request) ?? NextResponse.next();
  if (request.method === 'POST' && (await overActionLimit(request))) return tooLarge();
  if (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.headers.has('next-action') &&
    outageSeenWithin(OUTAGE_WINDOW_MS, Date.now())
  )
    return unavailablePage();
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const requestId = requestIdOf(request.headers);

  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('x-request-id', requestId);
  headers.set('x-ingat-path', request.nextUrl.pathname + request.nextUrl.search);
  headers.set('Content-Security-Policy', csp);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('x-request-id', requestId);
  return response;
}

async function overActionLimit(request: NextRequest): Promise<boolean> {
  const declared = declaredLength(request.headers);
  if (declared !== null) return declared > SERVER_ACTION_BODY_LIMIT;
  // Next hands the proxy a copy of the body, buffered up to proxyClientMaxBodySize (twice the limit, so a body
  // over the limit always shows as over it here).
  return (await readAtMost(request.body, SERVER_ACTION_BODY_LIMIT)).over;
}

function tooLarge(): Response {
  const id = translator('id');
  const en = translator('en');
  return new Response(`${id('errors.tooLarge')}\n${en('errors.tooLarge')}\n`, {
    status: 413,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' },
  });
}

/** Both languages, Indonesian first (the proxy does not read the locale); no script, so no nonce is needed. */
function unavailablePage(): Response {
  const id = translator('id');
  const en = translator('en');
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>Ingat · ${id('errors.unavailableTitle')}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head><body><main><h1>${id('errors.unavailableTitle')} · <span lang="en">${en('errors.unavailableTitle')}</span></h1><p>${id('errors.unavailable')} ${id('errors.unavailableRetrying')}</p><p lang="en">${en('errors.unavailable')} ${en('errors.unavailableRetrying')}</p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}

// API routes are left out: their JSON needs no nonce, their request id is set by lib/api (or the route), and the
// proxy's cost on every call showed in bench:review. Their static security headers come from next.config.mjs.
// Except API paths with a percent escape in them, which Next would fail to decode before the API sees them.
export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }, { source: '/api/:path(.*%.*)' }],
};
