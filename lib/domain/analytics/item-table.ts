/**
 * The item-analysis table as an instructor reads it: filtered (flags, lesson, kind, minimum attempts), sorted and
 * cut into pages. Pure; the page passes the query it read from the URL, so a filtered view is a link that works
 * without JavaScript and can be shared or bookmarked.
 *
 * The default order puts the items that need a look first: by the most serious flag (a negative discrimination
 * suggests a wrong key; then too hard / too easy; weak discrimination; an unused distractor), then the items with too
 * few attempts to judge, then the fine ones; within a rank, the items with more first attempts first (more evidence
 * behind the note), then by item id so the order is stable.
 */
import type { ItemFlagCode } from './item-analysis';

export const ITEM_SORTS = ['flags', 'id', 'attempts', 'facility', 'discrimination'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];
/** 'flagged': any flag but "too few attempts"; 'none': no flag at all; or one flag code. */
export const ITEM_FLAG_FILTERS = [
  'flagged',
  'none',
  'negative_discrimination',
  'too_hard',
  'too_easy',
  'weak_discrimination',
  'unused_distractor',
  'too_few_attempts',
] as const;
export type ItemFlagFilter = (typeof ITEM_FLAG_FILTERS)[number];
export const ITEMS_PER_PAGE = 25;

export interface ItemTableQuery {
  flag: ItemFlagFilter | null;
  lesson: string | null;
  kind: string | null;
  minAttempts: number;
  sort: ItemSort;
  dir: 'asc' | 'desc';
  /** 1-based. */
  page: number;
}

export const DEFAULT_ITEM_TABLE_QUERY: Readonly<ItemTableQuery> = {
  flag: null,
  lesson: null,
  kind: null,
  minAttempts: 0,
  sort: 'flags',
  dir: 'desc',
  page: 1,
};

/** What the table needs of an analysed item. */
export interface ItemRowLike {
  itemId: string;
  lessonId: string;
  kind: string;
  attempts: number;
  facility: number | null;
  discrimination: number | null;
  flags: readonly { code: ItemFlagCode }[];
}

/** How serious a flag is: higher first in the default order. */
const SEVERITY: Record<ItemFlagCode, number> = {
  negative_discrimination: 6,
  too_hard: 5,
  too_easy: 5,
  weak_discrimination: 4,
  unused_distractor: 3,
  too_few_attempts: 1,
};

/** The rank of an item in the default order: its most serious flag, 0 when it has none. */
export function flagRank(item: Pick<ItemRowLike, 'flags'>): number {
  return item.flags.reduce((m, f) => Math.max(m, SEVERITY[f.code]), 0);
}

/** Whether an item has a flag other than "too few attempts": one that asks for a look. */
export function needsLook(item: Pick<ItemRowLike, 'flags'>): boolean {
  return item.flags.some((f) => f.code !== 'too_few_attempts');
}

function matchesFlag(item: ItemRowLike, flag: ItemFlagFilter | null): boolean {
  if (flag === null) return true;
  if (flag === 'flagged') return needsLook(item);
  if (flag === 'none') return item.flags.length === 0;
  return item.flags.some((f) => f.code === flag);
}

export interface ItemPage<T> {
  rows: T[];
  /** Items matching the filters (all pages). */
  matching: number;
  page: number;
  pages: number;
}

/**
 * Filter, sort and page `items`. Items without a value for the sort column (facility or discrimination below the
 * minimum attempts) go last in either direction: an unknown is neither high nor low. A page beyond the last is
 * clamped to the last.
 *
 * @example itemTable(items, { ...DEFAULT_ITEM_TABLE_QUERY, flag: 'flagged', lesson: 'keamanan-kolektif' })
 *          // { rows: [the first 25 flagged items of the lesson, most serious first], matching: 31, page: 1, pages: 2 }
 */
export function itemTable<T extends ItemRowLike>(items: readonly T[], query: ItemTableQuery): ItemPage<T> {
  const matching = items.filter(
    (i) =>
      matchesFlag(i, query.flag) &&
      (query.lesson === null || i.lessonId === query.lesson) &&
      (query.kind === null || i.kind === query.kind) &&
      i.attempts >= query.minAttempts,
  );
  const sign = query.dir === 'asc' ? 1 : -1;
  const value = (i: T): number | null => {
    switch (query.sort) {
      case 'flags':
        return flagRank(i);
      case 'attempts':
        return i.attempts;
      case 'facility':
        return i.facility;
      case 'discrimination':
        return i.discrimination;
      case 'id':
        return 0;
    }
  };
  const byId = (a: T, b: T) => a.itemId.localeCompare(b.itemId);
  const sorted = [...matching].sort((a, b) => {
    if (query.sort === 'id') return sign * byId(a, b);
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || (query.sort === 'flags' ? b.attempts - a.attempts : 0) || byId(a, b);
  });
  const pages = Math.max(1, Math.ceil(sorted.length / ITEMS_PER_PAGE));
  const page = Math.min(Math.max(1, query.page), pages);
  return {
    rows: sorted.slice((page - 1) * ITEMS_PER_PAGE, page * ITEMS_PER_PAGE),
    matching: sorted.length,
    page,
    pages,
  };
}
