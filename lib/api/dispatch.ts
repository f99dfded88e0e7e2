/**
 * Runs one /api/v1 request: find the operation by method and path, authenticate when it asks for a user, read the
 * JSON body, let the operation validate its input and call lib/data, check the result against the response schema,
 * answer with JSON (or, for a `produces: 'text/csv'` operation, the file it made), and turn any failure into the
 * API's error JSON. The session and the clock come in as dependencies, so tests can
 * call this without a Next request scope; the route handler passes the real ones (./route-handlers.ts).
 */
import { clientIp } from '@/lib/auth/client-ip';
import type { Actor } from '@/lib/data/actor';
import { Invalid, NotFound } from '@/lib/errors';
import { requestIdOf } from '@/lib/request-id';
import { authenticate } from './authenticate';
import { API_BASE, type Operation } from './operation';
import { operations as registry } from './operations';
import { errorResponse, fileResponse, jsonResponse, localeFromAcceptLanguage } from './respond';
import { csvFileSchema } from './schemas';

export interface ApiDeps {
  /** The signed-in browser user, if any (only consulted when no Authorization header is sent). */
  sessionActor: () => Promise<Actor | null>;
  now: () => Promise<Date>;
}

/** No operation takes more than a few kilobytes; a larger body is refused before it is parsed. */
const MAX_BODY_CHARS = 64 * 1024;

interface Match {
  operation: Operation;
  params: Record<string, string>;
}

function matchPath(template: string, path: string): Record<string, string> | null {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith('{') && w.endsWith('}')) {
      const value = decoded(g);
      if (!value) return null;
      params[w.slice(1, -1)] = value;
    } else if (w !== g) return null;
  }
  return params;
}

/** A path segment decoded, or null when it is empty or not valid percent-encoding (then no operation matches). */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment) || null;
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}

/**
 * The operation for a method and path, or the methods the path does allow (for the Allow header). A literal
 * segment beats a `{param}` (`/classes/mine` before `/classes/{classId}`), whatever the registry order. HEAD is
 * answered as GET (Next drops the body).
 */
export function findOperation(
  method: string,
  path: string,
  operations: readonly Operation[] = registry,
): Match | { allowed: string[] } {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  let best: Match | null = null;
  for (const operation of operations) {
    const params = matchPath(operation.path, path);
    if (!params) continue;
    if (operation.method !== wanted) allowed.push(operation.method);
    else if (!best || Object.keys(params).length < Object.keys(best.params).length) best = { operation, params };
  }
  return best ?? { allowed };
}

/** The request body as JSON. An empty body is `undefined` (the schema decides whether that is acceptable). */
async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_CHARS)
    throw new Invalid({ _form: ['errors.invalid'] });
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) throw new Invalid({ _form: ['errors.invalid'] });
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw new Invalid({ _form: ['errors.invalid'] });
    throw error;
  }
}

export async function handleApiRequest(
  request: Request,
  deps: ApiDeps,
  operations: readonly Operation[] = registry,
): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  const url = new URL(request.url);
  const path = url.pathname.startsWith(API_BASE) ? url.pathname.slice(API_BASE.length) : url.pathname;

  const found = findOperation(request.method, path.replace(/\/+$/, '') || '/', operations);
  if (!('operation' in found)) {
    const headers = found.allowed.length > 0 ? { Allow: found.allowed.join(', ') } : undefined;
    return errorResponse(new NotFound(), { locale, requestId, headers });
  }
  const { operation, params } = found;

  try {
    const now = await deps.now();
    const actor = operation.auth === 'user' ? (await authenticate(request, deps.sessionActor, now)).actor : null;
    const result = await operation.run({
      actor,
      body: operation.body ? await readJson(request) : undefined,
      query: Object.fromEntries(url.searchParams),
      params,
      now,
      client: { ip: clientIp(request.headers), userAgent: request.headers.get('user-agent') },
    });
    // A result that does not fit its schema is a bug: parse() throws, and the caller gets a 500.
    const output = operation.response.parse(result);
    const status = operation.successStatus ?? 200;
    if (operation.produces === 'text/csv')
      return fileResponse(csvFileSchema.parse(output), 'text/csv; charset=utf-8', status, requestId);
    return jsonResponse(output, status, requestId);
  } catch (error) {
    return errorResponse(error, { locale, requestId });
  }
}
