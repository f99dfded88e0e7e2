/**
 * What one API operation is: its address, who may call it, the zod schemas of its input and output, and a handler
 * that calls one lib/data function. `defineOperation` keeps the handler typed against the schemas (the body it
 * receives is the schema's output; what it returns must fit the response schema) and erases the types for the
 * registry, the dispatcher and the OpenAPI generator, which treat every operation alike.
 */
import type { z } from 'zod';
import { requireActor, type Actor } from '@/lib/data/actor';
import type { AppError } from '@/lib/errors';
import type { PolicyName } from '@/lib/limits/limits';
import { parseOrThrow } from '@/lib/validation/parse';

/** Where the operations live; their paths are relative to it. */
export const API_BASE = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** 'none': anyone may call. 'user': a bearer token or a browser session is required. */
export type AuthMode = 'none' | 'user';
/** What a successful response carries: JSON, or a CSV file to download. */
export type MediaType = 'application/json' | 'text/csv';

/** The handler's result for a download (the output of csvFileSchema in ./schemas.ts). */
interface FileResult {
  filename: string;
  body: string;
}
/** 'text/csv' is possible only for an operation whose response schema yields a file (csvFileSchema). */
type Produces<R> = R extends z.ZodType<FileResult> ? MediaType : 'application/json';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

type ObjectSchema = z.ZodObject;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

interface Context<B, Q, P> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  now: Date;
  client: ClientInfo;
}

interface Meta<B, Q, P, R> {
  operationId: string;
  method: HttpMethod;
  /** Relative to /api/v1, OpenAPI style: `/classes/{classId}`. Each `{name}` needs a key in `params`. */
  path: `/${string}`;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** 201 for operations that create something; 200 otherwise. */
  successStatus?: 200 | 201;
  /** The JSON request body. Omit for operations without one. */
  body?: B;
  /** Query-string parameters: an object of (coerced) scalars. */
  query?: Q;
  /** Path parameters named in `path`. */
  params?: P;
  response: R;
  /**
   * 'text/csv' turns a success into a download: the response schema is csvFileSchema, the handler returns
   * `{ filename, body }`, and the client gets the body as `text/csv; charset=utf-8` in an attachment of that name.
   * JSON when omitted. Errors stay JSON either way.
   */
  produces?: Produces<R>;
  /** Errors the handler itself may answer with, for the document (input, auth and CSRF errors are added). */
  errors?: readonly AppError['code'][];
  /**
   * A request limit (lib/limits) for an expensive operation: one point per call, per user and per IP, taken before
   * the handler runs. Responses carry RateLimit-* headers; over the limit is 429 with Retry-After.
   */
  limit?: PolicyName;
  /** A body limit above the usual 64 KiB, for an operation whose body is a batch (counted as it arrives). */
  maxBodyBytes?: number;
}

export type OperationSpec<B, Q, P, R extends z.ZodType> = Meta<B, Q, P, R> &
  (
    | { auth: 'none'; handler: (ctx: Context<B, Q, P>) => Promise<z.input<R>> }
    | { auth: 'user'; handler: (ctx: Context<B, Q, P> & { actor: Actor }) => Promise<z.input<R>> }
  );

/** The raw material of one request, after authentication: the dispatcher's side of the contract. */
export interface RawInput {
  actor: Actor | null;
  body: unknown;
  query: Record<string, string>;
  params: Record<string, string>;
  now: Date;
  client: ClientInfo;
}

export interface Operation extends Omit<Meta<z.ZodType, ObjectSchema, ObjectSchema, z.ZodType>, 'produces'> {
  auth: AuthMode;
  produces?: MediaType;
  /** Validates the raw input against the schemas (Invalid with field errors) and runs the handler. */
  run(input: RawInput): Promise<unknown>;
}

function parseOptional<S extends z.ZodType | undefined>(schema: S | undefined, input: unknown): Out<S> {
  // The conditional type cannot be narrowed by TypeScript; the branches are exactly its two cases.
  return (schema ? parseOrThrow(schema, input) : undefined) as Out<S>;
}

/**
 * Declares an operation. Adding one to the API is this declaration plus a line in ./operations.ts.
 * @example
 * defineOperation({
 *   operationId: 'getSettings', method: 'GET', path: '/settings', summary: 'Review settings', tags: ['settings'],
 *   auth: 'user', response: reviewSettingsViewSchema,
 *   handler: ({ actor }) => getReviewSettings(actor),
 * })
 */
export function defineOperation<
  R extends z.ZodType,
  B extends z.ZodType | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  P extends ObjectSchema | undefined = undefined,
>(spec: OperationSpec<B, Q, P, R>): Operation {
  return {
    ...spec,
    run: async (input) => {
      const ctx: Context<B, Q, P> = {
        body: parseOptional(spec.body, input.body),
        query: parseOptional(spec.query, input.query),
        params: parseOptional(spec.params, input.params),
        now: input.now,
        client: input.client,
      };
      if (spec.auth === 'user') return spec.handler({ ...ctx, actor: requireActor(input.actor) });
      return spec.handler(ctx);
    },
  };
}
