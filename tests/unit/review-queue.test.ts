import { describe, expect, it } from 'vitest';
import { buildQueue, interleave, spread, type QueueCard, type QueueInput } from '@/lib/domain/review/queue';

const NOW = new Date('2026-12-01T02:00:00Z');
const DAY_END = new Date('2026-12-01T21:00:00Z');
const H = 3_600_000;

let n = 0;
function card(over: Partial<QueueCard> = {}): QueueCard {
  n++;
  return {
    id: `c${n}`,
    lessonId: 'a',
    sibling: `s${n}`,
    phase: 'review',
    due: new Date(NOW.getTime() - H),
    position: n,
    retrievability: 0.9,
    ...over,
  };
}

function queue(over: Partial<QueueInput>) {
  return buildQueue({
    now: NOW,
    dayEnd: DAY_END,
    scheduled: [],
    fresh: [],
    answeredToday: [],
    settings: { newPerDay: 20, maxReviewsPerDay: 200 },
    ...over,
  });
}

describe('the daily queue', () => {
  it('puts due reviews first, the least likely to be remembered first', () => {
    const strong = card({ retrievability: 0.95 });
    const weak = card({ retrievability: 0.6 });
    const middling = card({ retrievability: 0.8 });
    const fresh = card({ phase: 'new', retrievability: null });
    const q = queue({
      scheduled: [strong, weak, middling],
      fresh: [fresh],
      settings: { newPerDay: 0, maxReviewsPerDay: 200 },
    });
    expect(q.cards.map((c) => c.id)).toEqual([weak.id, middling.id, strong.id]);
  });

  it('shows reviews due later today, but not those due after the day rolls over', () => {
    const later = card({ due: new Date(DAY_END.getTime() - H) });
    const tomorrow = card({ due: new Date(DAY_END.getTime() + 1) });
    expect(queue({ scheduled: [later, tomorrow] }).cards.map((c) => c.id)).toEqual([later.id]);
  });

  it('shows a learning step only once it is due', () => {
    const due = card({ phase: 'learning', due: new Date(NOW.getTime() - 1000) });
    const notYet = card({ phase: 'relearning', due: new Date(NOW.getTime() + 5 * 60_000) });
    const q = queue({ scheduled: [notYet, due] });
    expect(q.cards.map((c) => c.id)).toEqual([due.id]);
    expect(q.counts.learning).toBe(2);
  });

  it('introduces new cards up to the daily limit, counting those already started today', () => {
    const fresh = Array.from({ length: 10 }, () => card({ phase: 'new', retrievability: null }));
    const started = [
      { cardId: 'gone1', sibling: 'x1', wasNew: true },
      { cardId: 'gone2', sibling: 'x2', wasNew: true },
    ];
    const q = queue({ fresh, answeredToday: started, settings: { newPerDay: 5, maxReviewsPerDay: 200 } });
    expect(q.cards).toHaveLength(3);
    expect(q.counts.new).toBe(3);
  });

  it('caps reviews at the daily maximum, counting reviews already done today', () => {
    const due = Array.from({ length: 10 }, () => card());
    const done = Array.from({ length: 6 }, (_, i) => ({ cardId: `d${i}`, sibling: `ds${i}`, wasNew: false }));
    expect(
      queue({ scheduled: due, answeredToday: done, settings: { newPerDay: 0, maxReviewsPerDay: 10 } }).cards,
    ).toHaveLength(4);
  });

  it('never shows two cards of the same fact on one day', () => {
    const a = card({ sibling: 'fact', retrievability: 0.5 });
    const b = card({ sibling: 'fact', retrievability: 0.7 });
    const c = card({ phase: 'new', sibling: 'fact', retrievability: null });
    const other = card({ sibling: 'answered-fact' });
    const q = queue({
      scheduled: [a, b, other],
      fresh: [c],
      answeredToday: [{ cardId: 'earlier', sibling: 'answered-fact', wasNew: false }],
    });
    expect(q.cards.map((x) => x.id)).toEqual([a.id]);
  });

  it('takes new cards from each lesson in turn', () => {
    const fresh = [
      card({ phase: 'new', lessonId: 'a', position: 1 }),
      card({ phase: 'new', lessonId: 'a', position: 2 }),
      card({ phase: 'new', lessonId: 'b', position: 1001 }),
      card({ phase: 'new', lessonId: 'b', position: 1002 }),
    ];
    expect(queue({ fresh, settings: { newPerDay: 3, maxReviewsPerDay: 200 } }).cards.map((c) => c.lessonId)).toEqual([
      'a',
      'b',
      'a',
    ]);
  });
});

describe('interleaving and mixing', () => {
  it('avoids two cards of the same lesson in a row when another lesson is close behind', () => {
    const cards = [card({ lessonId: 'a' }), card({ lessonId: 'a' }), card({ lessonId: 'b' }), card({ lessonId: 'a' })];
    expect(interleave(cards).map((c) => c.lessonId)).toEqual(['a', 'b', 'a', 'a']);
  });

  it('spreads new cards evenly among reviews', () => {
    const reviews = Array.from({ length: 6 }, () => card());
    const fresh = Array.from({ length: 2 }, () => card({ phase: 'new' }));
    expect(spread(reviews, fresh).map((c) => c.phase)).toEqual([
      'review',
      'review',
      'review',
      'new',
      'review',
      'review',
      'review',
      'new',
    ]);
  });
});
