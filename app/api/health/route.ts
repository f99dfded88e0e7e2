import { databaseReachable } from '@/lib/data/health';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '@/lib/errors';
import { requestLogger } from '@/lib/log';
import { requestIdOf } from '@/lib/request-id';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const requestId = requestIdOf(request.headers);
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
