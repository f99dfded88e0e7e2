import { databaseReachable } from '@/lib/data/health';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '@/lib/errors';
import { requestLogger } from '@/lib/log';

export const dynamic = 'force-dynamic';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export async function GET(request: Request) {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const ok = await databaseReachable();
  if (!ok) requestLogger(requestId).error('health: database unreachable');
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', database: ok ? 'reachable' : 'unreachable' },
    {
      status: ok ? 200 : 503,
      headers: {
        'Cache-Control': 'no-store',
        'x-request-id': requestId,
        ...(ok ? {} : { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) }),
      },
    },
  );
}
