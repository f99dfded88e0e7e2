/** The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the operations validate with. */
import { openApiResponse } from '@/lib/api/route-handlers';

export const dynamic = 'force-dynamic';

export function GET() {
  return openApiResponse();
}
