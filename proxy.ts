/**
 * Runs before every request: a per-request CSP nonce (Next applies it to its own scripts), a request id for the
 * logs, and the path for sign-in redirects. It does NOT decide access: pages, actions and routes check on the server.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { malformedPathResponse } from '@/lib/api/malformed-path';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function proxy(request: NextRequest) {
  // API paths come here only when they contain "%" (see the matcher): a broken escape is the API's JSON 400.
  if (request.nextUrl.pathname.startsWith('/api/')) return malformedPathResponse(request) ?? NextResponse.next();
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
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();

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

// API routes are left out: their JSON needs no nonce, their request id is set by lib/api (or the route), and the
// proxy's cost on every call showed in bench:review. Their static security headers come from next.config.mjs.
// Except API paths with a percent escape in them, which Next would fail to decode before the API sees them.
export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }, { source: '/api/:path(.*%.*)' }],
};
