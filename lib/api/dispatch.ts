/**
 * Runs one /api/v1 request: find the operation by method and path, authenticate when it asks for a user, read the
 * JSON body, let the operation validate its input and call lib/data, check the result against the response schema,
 * answer with JSON (or, for a `produces: 'text/csv'` operation, the file it made), and turn any failure into the
 * API's error JSON. The session and the clock come in as dependencies, so tests can
 * call this without a Next request scope; the route handler passes the real ones (./route-handlers.ts).
 */
import { createHash } from 'node:crypto';
import { clientIp } from '@/lib/auth/client-ip';
import type { Actor } from '@/lib/data/actor';
import { Invalid, NotFound, RateLimited } from '@/lib/errors';
import { consume, type LimitState } from '@/lib/limits/limits';
import { requestIdOf } from '@/lib/request-id';
import { authenticate } from './authenticate';
import { readJsonBody } from './body';
import { decodablePath } from './malformed-path';
import { API_BASE, type Operation } from './operation';
import { operations as registry } from './operations';
import {
  errorResponse,
  fileResponse,
  jsonResponse,
  jsonTextResponse,
  localeFromAcceptLanguage,
  notModifiedResponse,
} from './respond';
import { csvFileSchema } from './schemas';

export interface ApiDeps {
  /** The signed-in browser user, if any (only consulted when no Authorization header is sent). */
  sessionActor: () => Promise<Actor | null>;
  now: () => Promise<Date>;
}

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

/** A path whose percent-encoding is broken (`%ZZ`) is a malformed request: 400, before any matching. */
function assertDecodablePath(path: string): void {
  if (!decodablePath(path)) throw new Invalid({ _form: ['api.malformedPath'] });
}

function limitHeaders(state: LimitState | null): Record<string, string> {
  if (!state) return {};
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
  };
}

/**
 * A weak validator of a JSON body: a client that polls (the next card, statistics) sends it back in If-None-Match
 * and gets 304 without a body while nothing changed. Weak, because the same JSON may be encoded differently.
 */
function etagOf(json: string): string {
  return `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
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

  let limit: LimitState | null = null;
  try {
    assertDecodablePath(path);
    const found = findOperation(request.method, path.replace(/\/+$/, '') || '/', operations);
    if (!('operation' in found)) {
      const headers = found.allowed.length > 0 ? { Allow: found.allowed.join(', ') } : undefined;
      return errorResponse(new NotFound(), { locale, requestId, headers });
    }
    const { operation, params } = found;
    const now = await deps.now();
    const actor = operation.auth === 'user' ? (await authenticate(request, deps.sessionActor, now)).actor : null;
    const client = { ip: clientIp(request.headers), userAgent: request.headers.get('user-agent') };
    if (operation.limit) {
      const outcome = await consume(operation.limit, { userId: actor?.id ?? null, ip: client.ip });
      limit = outcome;
      if (outcome && !outcome.allowed) throw new RateLimited(outcome.retryAfterSeconds, 'api.tooManyRequests');
    }
    const result = await operation.run({
      actor,
      body: operation.body ? await readJsonBody(request, operation.maxBodyBytes) : undefined,
      query: Object.fromEntries(url.searchParams),
      params,
      now,
      client,
    });
    // A result that does not fit its schema is a bug: parse() throws, and the caller gets a 500.
    const output = operation.response.parse(result);
    const status = operation.successStatus ?? 200;
    if (operation.produces === 'text/csv')
      return fileResponse(csvFileSchema.parse(output), 'text/csv; charset=utf-8', status, requestId);
    if (operation.method !== 'GET') return jsonResponse(output, status, requestId, limitHeaders(limit));
    const json = JSON.stringify(output);
    const etag = etagOf(json);
    if (matchesEtag(request.headers.get('if-none-match'), etag))
      return notModifiedResponse(etag, requestId, limitHeaders(limit));
    return jsonTextResponse(json, status, requestId, { ETag: etag, ...limitHeaders(limit) });
  } catch (error) {
    return errorResponse(error, { locale, requestId, headers: limitHeaders(limit) });
  }
}
