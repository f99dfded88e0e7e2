/**
 * Runs before every request: a per-request CSP nonce (Next applies it to its own scripts), a request id for the
 * logs, and the path for sign-in redirects. It does NOT decide access: pages, actions and routes check on the server.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { requestIdOf } from '@/lib/request-id';

export function proxy(request: NextRequest) {
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

// API routes are left out: their JSON needs no nonce, their request id is set by lib/api (or the route), and the
// proxy's cost on every call showed in bench:review. Their static security headers come from next.config.mjs.
export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }],
};
