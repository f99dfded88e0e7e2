/**
 * The API wired to a real Next request: the browser session from the Auth.js cookie and the request clock. Route
 * handlers export these; tests call ./dispatch.ts with their own session and clock instead.
 */
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { handleApiRequest, type ApiDeps } from './dispatch';
import { openApiDocument } from './openapi';

const live: ApiDeps = { sessionActor: currentActor, now: requestNow };

export function handleLiveApiRequest(request: Request): Promise<Response> {
  return handleApiRequest(request, live);
}

let document: string | undefined;

/** The OpenAPI document, built once per process (it depends only on the code). */
export function openApiResponse(): Response {
  document ??= JSON.stringify(openApiDocument());
  return new Response(document, {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
  });
}
