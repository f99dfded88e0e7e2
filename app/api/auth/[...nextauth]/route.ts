/**
 * Auth.js's own endpoints (sessions, sign-out, CSRF token, the credentials callback). Their bodies are a few form
 * fields, so a body over 8 KiB is refused with 413 while it is read, whatever its headers claim: Auth.js would
 * otherwise read any body whole into memory.
 */
import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/config';
import { readAtMost } from '@/lib/http/bounded-body';

const MAX_AUTH_BODY_BYTES = 8 * 1024;

export const { GET } = handlers;

export async function POST(request: NextRequest): Promise<Response> {
  const body = await readAtMost(request.body, MAX_AUTH_BODY_BYTES, request.headers);
  if (body.over)
    return Response.json(
      { error: { code: 'too_large', message: `The request body is larger than ${MAX_AUTH_BODY_BYTES} bytes.` } },
      { status: 413, headers: { 'Cache-Control': 'no-store', Connection: 'close' } },
    );
  const headers = new Headers(request.headers);
  headers.delete('transfer-encoding');
  headers.set('content-length', String(body.bytes.byteLength));
  return handlers.POST(new NextRequest(request.url, { method: 'POST', headers, body: body.bytes }));
}
