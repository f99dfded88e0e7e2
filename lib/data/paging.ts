/**
 * Cursor paging for lists that grow (review history, class members). A cursor is opaque to the client: base64url of
 * the last row's sort key, so the next page starts after it even when rows are added meanwhile (no skipped or
 * repeated rows, unlike offsets). The query schema takes the query string as it comes (text) and checks it.
 */
import { z } from 'zod';
import { Invalid } from '@/lib/errors';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 50;

const cursorSchema = z
  .string()
  .max(200, 'api.cursorInvalid')
  .optional()
  .describe('nextCursor from the previous page; omit for the first page.');
const limitSchema = z
  .number({ error: 'api.limitRange' })
  .int('api.limitRange')
  .min(1, 'api.limitRange')
  .max(MAX_PAGE, 'api.limitRange');

/** A page request as lib/data takes it. */
export const pageInputSchema = z.object({ cursor: cursorSchema, limit: limitSchema.optional() });

/** The same from a query string, where everything is text: the limit in plain digits. */
export const pageQuerySchema = z.object({
  cursor: cursorSchema,
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'api.limitRange')
    .transform(Number)
    .pipe(limitSchema)
    .optional()
    .describe(`Rows per page, 1–${MAX_PAGE} (default ${DEFAULT_PAGE}).`),
});
export type PageInput = z.output<typeof pageInputSchema>;

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key in a cursor, or 400 naming the cursor when it is not one this API made. */
export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new Invalid({ cursor: ['api.cursorInvalid'] });
    throw error;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Invalid({ cursor: ['api.cursorInvalid'] });
  return parsed.data;
}

/** One page from `limit + 1` rows read: the extra row only tells that there is a next page. */
export function pageOf<R, T>(rows: R[], limit: number, keyOf: (row: R) => unknown, view: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
