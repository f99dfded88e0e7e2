import { databaseReachable } from '@/lib/data/health';
import { requestLogger } from '@/lib/log';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const ok = await databaseReachable();
  if (!ok) requestLogger(request.headers.get('x-request-id')).error('health: database unreachable');
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', database: ok ? 'reachable' : 'unreachable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
