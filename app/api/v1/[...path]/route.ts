/** Every /api/v1 operation. Which ones exist, and what each does, is declared once in lib/api/operations.ts. */
import { handleLiveApiRequest } from '@/lib/api/route-handlers';

export const dynamic = 'force-dynamic';

export const GET = handleLiveApiRequest;
export const POST = handleLiveApiRequest;
export const PUT = handleLiveApiRequest;
export const PATCH = handleLiveApiRequest;
export const DELETE = handleLiveApiRequest;
