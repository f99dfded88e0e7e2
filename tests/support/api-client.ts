/**
 * A typed /api/v1 client for integration tests, built the way a third-party developer would build one: openapi-fetch
 * over the types generated from the OpenAPI document (lib/api/client/v1.ts). Its fetch runs the real dispatcher
 * in-process (no Next server), with the browser session and the clock injected. A path, parameter, body field or
 * response field the document does not declare is a type error in the test that uses it, so the tests cannot
 * drift from the document, and `npm run api:check` keeps the document and the generated types together.
 */
import createClient from 'openapi-fetch';
import { handleApiRequest, type ApiDeps } from '@/lib/api/dispatch';
import type { paths } from '@/lib/api/client/v1';
import type { Actor } from '@/lib/data/actor';

export const API_ORIGIN = 'http://ingat.test';

export interface ClientSetup {
  /** A personal access token (Authorization: Bearer). */
  token?: string;
  /** Otherwise act as this browser session (writes carry this site's Origin, as a browser's would). */
  actor?: Actor | null;
  now: () => Date;
  /** The client IP the dispatcher sees (X-Forwarded-For); a fresh one per client keeps per-IP limits apart. */
  ip: string;
  headers?: Record<string, string>;
}

export function apiClient({ token, actor = null, now, ip, headers = {} }: ClientSetup) {
  const deps: ApiDeps = { sessionActor: async () => actor, now: async () => now() };
  return createClient<paths>({
    baseUrl: `${API_ORIGIN}/api/v1`,
    headers: {
      'x-forwarded-for': ip,
      ...(token ? { authorization: `Bearer ${token}` } : { origin: API_ORIGIN, host: 'ingat.test' }),
      ...headers,
    },
    fetch: (request) => handleApiRequest(request, deps),
  });
}

export type ApiClient = ReturnType<typeof apiClient>;
