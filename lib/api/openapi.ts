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
  in: 'path' | 'query';
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
    securitySchemes: Record<string, unknown>;
  };
}

const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  invalid: 'The input is not valid; `fields` names each field and what is wrong with it.',
  unauthenticated: 'No valid bearer token or browser session.',
  forbidden: 'Not allowed (for browser sessions, also a write that did not come from this site).',
  not_found: 'No such resource, or not yours.',
  conflict: 'The resource changed or already exists.',
  rate_limited: 'Too many attempts; wait the seconds in Retry-After.',
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
  if (op.auth === 'user') {
    codes.add('unauthenticated');
    if (op.method !== 'GET') codes.add('forbidden');
  }
  codes.add('unavailable');
  codes.add('internal');
  return [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b]);
}

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
  return { description, content: { 'application/json': { schema: schemaOf(op.response, 'output', components) } } };
}

function operationObject(op: Operation, components: Record<string, JsonSchema>): OpenApiOperation {
  const parameters = [...parametersOf(op.params, 'path', components), ...parametersOf(op.query, 'query', components)];
  const responses: Record<string, unknown> = { [String(op.successStatus ?? 200)]: successResponse(op, components) };
  for (const code of errorCodesOf(op))
    responses[String(ERROR_STATUS[code])] = { $ref: `#/components/responses/${code}` };
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
  const errorResponses = Object.fromEntries(
    (Object.keys(ERROR_DESCRIPTIONS) as ErrorCode[]).map((code) => [
      code,
      {
        description: ERROR_DESCRIPTIONS[code],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ingat API',
      version: '1',
      description:
        'Authenticate with a personal access token (`Authorization: Bearer ingat_…`, created on the settings page ' +
        'or with createToken) or with the browser session. Errors are `{"error": {"code", "message", "fields"?}}`; ' +
        'messages follow Accept-Language (Indonesian by default, English on request).',
    },
    servers: [{ url: API_BASE }],
    tags: [...new Set(operations.flatMap((op) => op.tags))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses: errorResponses,
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
