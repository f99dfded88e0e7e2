import { describe, expect, it } from 'vitest';
import type { ItemFlagCode } from '@/lib/domain/analytics/item-analysis';
import {
  DEFAULT_ITEM_TABLE_QUERY,
  ITEMS_PER_PAGE,
  itemTable,
  type ItemRowLike,
} from '@/lib/domain/analytics/item-table';
import { itemTableSearch, parseItemTableQuery } from '@/lib/validation/item-table';

const item = (itemId: string, flags: ItemFlagCode[] = [], over: Partial<ItemRowLike> = {}): ItemRowLike => ({
  itemId,
  lessonId: 'l1',
  kind: 'single',
  attempts: 20,
  facility: 0.6,
  discrimination: 0.3,
  flags: flags.map((code) => ({ code })),
  ...over,
});

describe('the item-analysis table', () => {
  const items = [
    item('a-fine'),
    item('b-few', ['too_few_attempts'], { attempts: 3, facility: null, discrimination: null }),
    item('c-easy', ['too_easy'], { facility: 0.95 }),
    item('d-negative', ['negative_discrimination', 'unused_distractor'], { discrimination: -0.2 }),
    item('e-weak', ['weak_discrimination'], { lessonId: 'l2', kind: 'truefalse', discrimination: 0.1 }),
  ];

  it('puts the items that need a look first by default, the most serious note first, the fine ones last', () => {
    const { rows } = itemTable(items, DEFAULT_ITEM_TABLE_QUERY);
    expect(rows.map((r) => r.itemId)).toEqual(['d-negative', 'c-easy', 'e-weak', 'b-few', 'a-fine']);
  });

  it('puts, within one note, the items with more first attempts first', () => {
    const few = [
      item('x-none', ['too_few_attempts'], { attempts: 0 }),
      item('y-some', ['too_few_attempts'], { attempts: 4 }),
      item('z-one', ['too_few_attempts'], { attempts: 1 }),
    ];
    expect(itemTable(few, DEFAULT_ITEM_TABLE_QUERY).rows.map((r) => r.itemId)).toEqual(['y-some', 'z-one', 'x-none']);
  });

  it('filters by note, lesson, kind and minimum attempts together', () => {
    const q = DEFAULT_ITEM_TABLE_QUERY;
    expect(itemTable(items, { ...q, flag: 'flagged' }).rows.map((r) => r.itemId)).toEqual([
      'd-negative',
      'c-easy',
      'e-weak',
    ]);
    expect(itemTable(items, { ...q, flag: 'none' }).rows.map((r) => r.itemId)).toEqual(['a-fine']);
    expect(itemTable(items, { ...q, flag: 'unused_distractor' }).rows.map((r) => r.itemId)).toEqual(['d-negative']);
    expect(itemTable(items, { ...q, lesson: 'l2' }).rows.map((r) => r.itemId)).toEqual(['e-weak']);
    expect(itemTable(items, { ...q, kind: 'single', minAttempts: 10 }).matching).toBe(3);
  });

  it('sorts by a column either way, items without a value last in both directions', () => {
    const q = { ...DEFAULT_ITEM_TABLE_QUERY, sort: 'discrimination' as const };
    expect(itemTable(items, { ...q, dir: 'asc' }).rows.map((r) => r.itemId)).toEqual([
      'd-negative',
      'e-weak',
      'a-fine',
      'c-easy',
      'b-few',
    ]);
    expect(
      itemTable(items, { ...q, dir: 'desc' })
        .rows.map((r) => r.itemId)
        .at(-1),
    ).toBe('b-few');
  });

  it('cuts 271 items into pages of 25, clamping a page past the end to the last', () => {
    const many = Array.from({ length: 271 }, (_, i) => item(`q${String(i).padStart(3, '0')}`));
    const first = itemTable(many, DEFAULT_ITEM_TABLE_QUERY);
    expect(first).toMatchObject({ matching: 271, page: 1, pages: 11 });
    expect(first.rows).toHaveLength(ITEMS_PER_PAGE);
    const last = itemTable(many, { ...DEFAULT_ITEM_TABLE_QUERY, page: 99 });
    expect(last.page).toBe(11);
    expect(last.rows.map((r) => r.itemId)).toEqual(['q250', ...many.slice(251).map((r) => r.itemId)]);
  });
});

describe('the item-analysis query in the URL', () => {
  it('reads the filters, and gives each column its natural first direction', () => {
    const { query, ignored } = parseItemTableQuery({
      flag: 'flagged',
      lesson: 'keamanan-kolektif',
      min: '5',
      sort: 'facility',
    });
    expect(ignored).toEqual([]);
    expect(query).toEqual({
      flag: 'flagged',
      lesson: 'keamanan-kolektif',
      kind: null,
      minAttempts: 5,
      sort: 'facility',
      dir: 'asc',
      page: 1,
    });
  });

  it('ignores what it does not understand, field by field, and names it', () => {
    const { query, ignored } = parseItemTableQuery({ flag: 'bogus', min: '-3', page: 'two', kind: 'single' });
    expect(ignored).toEqual(['flag', 'min', 'page']);
    expect(query).toEqual({ ...DEFAULT_ITEM_TABLE_QUERY, kind: 'single' });
  });

  it('writes a query back as a short link, defaults left out, and reads it back the same', () => {
    const q = { ...DEFAULT_ITEM_TABLE_QUERY, flag: 'too_hard' as const, minAttempts: 10, page: 2 };
    const search = itemTableSearch(q);
    expect(search).toBe('?flag=too_hard&min=10&page=2');
    expect(parseItemTableQuery(Object.fromEntries(new URLSearchParams(search))).query).toEqual(q);
    expect(itemTableSearch(DEFAULT_ITEM_TABLE_QUERY)).toBe('');
  });
});
