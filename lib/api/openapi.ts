/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operation registry with zod 4's own JSON Schema output
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12). Request schemas are rendered as the input they accept, response
 * schemas as the output they produce; nothing here is written by hand except the prose.
 */
import { z } from 'zod';
import { HTTP_STATUS, type AppError } from '@/lib/errors';
import { API_BASE, type Operation } from './operation';
import { operations as registry } from './operations';
import { apiErrorSchema } from './schemas';

type JsonSchema = z.core.JSONSchema.BaseSchema;
type ErrorCode = AppError['code'] | 'internal';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    headers: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  invalid: 'The input is not valid; `fields` names each field and what is wrong with it.',
  unauthenticated: 'No valid bearer token or browser session.',
  forbidden: 'Not allowed (for browser sessions, also a write that did not come from this site).',
  not_found: 'No such resource, or not yours.',
  conflict: 'The resource changed or already exists.',
  rate_limited:
    'Too many requests (or sign-in attempts); wait the seconds in Retry-After. RateLimit-* headers tell the budget.',
  too_large: 'The request body is over 64 KiB (counted as it arrives, whatever Content-Length says).',
  unsupported_media_type: 'A request body must be `application/json` (a charset parameter is allowed).',
  idempotency_mismatch:
    'The idempotency key was already used with a different request body. Send a new key for a new request; ' +
    'send the same key only to repeat exactly the same request.',
  unavailable: 'The database is down, restarting or unreachable; retry after the seconds in Retry-After.',
  internal: 'A server error; `requestId` identifies it in the logs.',
};
const ERROR_STATUS: Record<ErrorCode, number> = { ...HTTP_STATUS, internal: 500 };

/**
 * One JSON Schema for the document. Named sub-schemas (zod `.meta({ id })`) come out as `$defs` with local refs;
 * they are hoisted into components.schemas, where a ref inside the document can reach them.
 */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const { $schema: _dialect, $defs, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'throw' });
  const relink = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(relink);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : relink(v),
      ]),
    );
  };
  for (const [id, def] of Object.entries($defs ?? {})) components[id] = relink(def) as JsonSchema;
  return relink(json) as JsonSchema;
}

function parametersOf(
  schema: z.ZodObject | undefined,
  where: 'path' | 'query',
  components: Record<string, JsonSchema>,
): Parameter[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input', components);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const p = typeof property === 'object' ? property : {};
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: p,
      ...(p.description ? { description: p.description } : {}),
    };
  });
}

function errorCodesOf(op: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>(op.errors ?? []);
  if (op.body || op.query || op.params) codes.add('invalid');
  if (op.body) {
    codes.add('too_large');
    codes.add('unsupported_media_type');
  }
  if (op.limit) codes.add('rate_limited');
  if (op.auth === 'user') {
    codes.add('unauthenticated');
    if (op.method !== 'GET') codes.add('forbidden');
  }
  codes.add('unavailable');
  codes.add('internal');
  return [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b]);
}

const LIMIT_HEADERS = {
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
};

const HEADERS = {
  'RateLimit-Limit': {
    description: 'Requests allowed in the current window (per user and per IP; the tighter one is shown).',
    schema: { type: 'integer' },
  },
  'RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window starts over.', schema: { type: 'integer' } },
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
  ETag: {
    description: 'A weak validator of this JSON. Send it back in If-None-Match: 304 without a body while unchanged.',
    schema: { type: 'string' },
  },
};

/** The success response: the JSON of the response schema, or for a download the file and its name. */
function successResponse(op: Operation, components: Record<string, JsonSchema>): unknown {
  const description = op.successStatus === 201 ? 'Created' : 'OK';
  if (op.produces === 'text/csv')
    return {
      description: `${description}: a CSV file (UTF-8 with a byte-order mark, CRLF line ends, header row in English).`,
      headers: {
        'Content-Disposition': {
          description: 'attachment; filename="…"',
          schema: { type: 'string' },
        },
      },
      content: { 'text/csv': { schema: { type: 'string' } } },
    };
  const headers = {
    ...(op.method === 'GET' ? { ETag: { $ref: '#/components/headers/ETag' } } : {}),
    ...(op.limit ? LIMIT_HEADERS : {}),
  };
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { 'application/json': { schema: schemaOf(op.response, 'output', components) } },
  };
}

/** For a GET: If-None-Match and its 304. */
const CONDITIONAL: { parameter: Parameter; response: unknown } = {
  parameter: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description: 'The ETag of a response you hold; 304 when it still matches.',
  },
  response: { $ref: '#/components/responses/not_modified' },
};

function operationObject(op: Operation, components: Record<string, JsonSchema>): OpenApiOperation {
  const conditional = op.method === 'GET' && op.produces !== 'text/csv';
  const parameters: Parameter[] = [
    ...parametersOf(op.params, 'path', components),
    ...parametersOf(op.query, 'query', components),
    ...(conditional ? [CONDITIONAL.parameter] : []),
  ];
  const responses: Record<string, unknown> = { [String(op.successStatus ?? 200)]: successResponse(op, components) };
  if (conditional) responses['304'] = CONDITIONAL.response;
  for (const code of errorCodesOf(op))
    responses[String(ERROR_STATUS[code])] =
      code === 'rate_limited' && op.limit
        ? { $ref: '#/components/responses/rate_limited_with_budget' }
        : { $ref: `#/components/responses/${code}` };
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [...op.tags],
    security: op.auth === 'user' ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            // A body schema that accepts "nothing" (e.g. undo with defaults) makes the body optional.
            required: !op.body.safeParse(undefined).success,
            content: { 'application/json': { schema: schemaOf(op.body, 'input', components) } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(operations: readonly Operation[] = registry): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  schemas.Error = schemaOf(apiErrorSchema, 'output', schemas);
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op, schemas);
  }
  const errorResponses: Record<string, unknown> = Object.fromEntries(
    (Object.keys(ERROR_DESCRIPTIONS) as ErrorCode[]).map((code) => [
      code,
      {
        description: ERROR_DESCRIPTIONS[code],
        ...(code === 'rate_limited'
          ? { headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } }
          : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  errorResponses.rate_limited_with_budget = {
    description: ERROR_DESCRIPTIONS.rate_limited,
    headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' }, ...LIMIT_HEADERS },
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  errorResponses.not_modified = {
    description: 'Not modified: the ETag sent in If-None-Match still matches. No body.',
    headers: { ETag: { $ref: '#/components/headers/ETag' } },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ingat API',
      version: '1',
      description: [
        'Everything a signed-in person does in the browser, as JSON. A guide (getting a token, a first request, ' +
          'idempotency, conflicts, errors) is at /developers, a rendered reference at /developers/reference.',
        'Authenticate with a personal access token (`Authorization: Bearer ingat_…`, created on the settings page ' +
          'or with createToken) or with the browser session (writes then need this site’s Origin).',
        'Errors are `{"error": {"code", "message", "fields"?, "requestId"?}}`: branch on `code`; messages follow ' +
          'Accept-Language (Indonesian by default, English on request). Request bodies are `application/json` ' +
          '(415 otherwise), at most 64 KiB (413, counted as they arrive). Numbers must be JSON numbers.',
        'Answers are idempotent by `idempotencyKey` (8–64 of A–Z a–z 0–9 - _; a new one per answer): the same ' +
          'request again returns the first result, the same key with another body is 422 idempotency_mismatch. ' +
          'A stale `cardVersion` is 409.',
        'Answering, readiness and starting a mock exam are limited per user and per IP: RateLimit-Limit, ' +
          'RateLimit-Remaining and RateLimit-Reset tell the budget; over it is 429 with Retry-After. Every JSON ' +
          'GET has an ETag: send it in If-None-Match to get 304 while nothing changed (poll the next card or the ' +
          'statistics this way). Lists that grow are paged: pass `nextCursor` back as `cursor`.',
      ].join('\n\n'),
    },
    servers: [{ url: API_BASE }],
    tags: [...new Set(operations.flatMap((op) => op.tags))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses: errorResponses,
      headers: HEADERS,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token (ingat_…).' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'authjs.session-token',
          description:
            'The browser session (`__Secure-authjs.session-token` over HTTPS). Writes must come from this site ' +
            '(same Origin).',
        },
      },
    },
  };
}
