/**
 * The item-analysis table's query, read from the page URL (?flag=&lesson=&kind=&min=&sort=&dir=&page=). Each field
 * is checked on its own: an unknown value falls back to the default for that field and is reported by name, so a
 * stale or hand-edited link still shows a page and says what it ignored, instead of failing as a whole.
 */
import { z } from 'zod';
import {
  DEFAULT_ITEM_TABLE_QUERY,
  ITEM_FLAG_FILTERS,
  ITEM_SORTS,
  type ItemTableQuery,
} from '@/lib/domain/analytics/item-table';

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);
const fields = {
  flag: z.enum(ITEM_FLAG_FILTERS),
  lesson: slug,
  kind: z.string().regex(/^[a-z]{1,20}$/),
  min: z.coerce.number().int().min(0).max(100_000),
  sort: z.enum(ITEM_SORTS),
  dir: z.enum(['asc', 'desc']),
  page: z.coerce.number().int().min(1).max(100_000),
} as const;
type Field = keyof typeof fields;

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * @example parseItemTableQuery({ flag: 'flagged', min: 'x' }) // { query: { ...defaults, flag: 'flagged' }, ignored: ['min'] }
 */
export function parseItemTableQuery(params: RawSearchParams): { query: ItemTableQuery; ignored: Field[] } {
  const ignored: Field[] = [];
  const read = <F extends Field>(field: F): z.output<(typeof fields)[F]> | undefined => {
    const raw = params[field];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') return undefined;
    const parsed = fields[field].safeParse(value);
    if (!parsed.success) {
      ignored.push(field);
      return undefined;
    }
    return parsed.data as z.output<(typeof fields)[F]>;
  };
  const d = DEFAULT_ITEM_TABLE_QUERY;
  const sort = read('sort') ?? d.sort;
  return {
    query: {
      flag: read('flag') ?? d.flag,
      lesson: read('lesson') ?? d.lesson,
      kind: read('kind') ?? d.kind,
      minAttempts: read('min') ?? d.minAttempts,
      sort,
      // Each column's natural first direction: most serious / most attempts first, ids and rates ascending.
      dir: read('dir') ?? (sort === 'flags' || sort === 'attempts' ? 'desc' : 'asc'),
      page: read('page') ?? d.page,
    },
    ignored,
  };
}

/** The URL search string of a query, leaving defaults out so links stay short. */
export function itemTableSearch(query: ItemTableQuery): string {
  const p = new URLSearchParams();
  if (query.flag) p.set('flag', query.flag);
  if (query.lesson) p.set('lesson', query.lesson);
  if (query.kind) p.set('kind', query.kind);
  if (query.minAttempts > 0) p.set('min', String(query.minAttempts));
  if (query.sort !== DEFAULT_ITEM_TABLE_QUERY.sort) p.set('sort', query.sort);
  const naturalDir = query.sort === 'flags' || query.sort === 'attempts' ? 'desc' : 'asc';
  if (query.dir !== naturalDir) p.set('dir', query.dir);
  if (query.page > 1) p.set('page', String(query.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}
