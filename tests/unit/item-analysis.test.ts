import { describe, expect, it } from 'vitest';
import {
  analyzeItems,
  type FirstAttempt,
  type ItemAnalysis,
  type ItemMeta,
} from '@/lib/domain/analytics/item-analysis';

/** First attempts of one student on a non-choice item each: `{ itemId: correct }`. */
function student(studentId: string, answers: Record<string, boolean>): FirstAttempt[] {
  return Object.entries(answers).map(([itemId, correct]) => ({ studentId, itemId, correct, chosen: null }));
}

/** One first attempt on a choice item. */
function choice(studentId: string, itemId: string, chosen: string[], correct: boolean): FirstAttempt {
  return { studentId, itemId, correct, chosen };
}

const short = (id: string): ItemMeta => ({ id, kind: 'short' });

const choiceItem: ItemMeta = {
  id: 'c',
  kind: 'single',
  options: [
    { id: 'a', text: 'Ingatan jangka panjang', correct: true },
    { id: 'b', text: 'Ingatan kerja', correct: false },
    { id: 'c', text: 'Ingatan sensorik', correct: false },
    { id: 'd', text: 'Ingatan prosedural', correct: false },
  ],
};

/** `n` students answering only item `itemId`, the first `correct` of them correctly. */
function oneItemClass(itemId: string, n: number, correct: number): FirstAttempt[] {
  return Array.from({ length: n }, (_, k) => student(`s${k}`, { [itemId]: k < correct })).flat();
}

function only(report: { items: ItemAnalysis[] }, itemId: string): ItemAnalysis {
  const found = report.items.find((i) => i.itemId === itemId);
  if (!found) throw new Error(`no analysis for ${itemId}`);
  return found;
}

const codes = (a: ItemAnalysis) => a.flags.map((f) => f.code);

/** Four students, four other items each, so every student counts for discrimination with minOtherAttempts 4. */
const small = { minAttempts: 4, minOtherAttempts: 4 };
const others = (correctCount: number) =>
  Object.fromEntries(['o1', 'o2', 'o3', 'o4'].map((id, k) => [id, k < correctCount]));
const smallBank = ['t', 'o1', 'o2', 'o3', 'o4'].map(short);

describe('facility', () => {
  it('is the share of first attempts answered correctly', () => {
    // 7 of 10 correct: 7 / 10 = 0.7, inside [0.3, 0.9] so no difficulty flag.
    const q = only(analyzeItems(oneItemClass('q', 10, 7), [short('q')]), 'q');
    expect(q.attempts).toBe(10);
    expect(q.correct).toBe(7);
    expect(q.facility).toBeCloseTo(0.7, 12);
    expect(codes(q)).not.toContain('too_easy');
    expect(codes(q)).not.toContain('too_hard');
  });

  it('flags an item above 0.9 as too easy and one below 0.3 as too hard, the bounds themselves not', () => {
    const items = ['easy', 'edge', 'hard', 'floor'].map(short);
    const report = analyzeItems(
      [
        ...oneItemClass('easy', 10, 10), // 1.0 > 0.9
        ...oneItemClass('edge', 10, 9), // 0.9, not above 0.9
        ...oneItemClass('hard', 10, 2), // 0.2 < 0.3
        ...oneItemClass('floor', 10, 3), // 0.3, not below 0.3
      ],
      items,
    );
    expect(only(report, 'easy').flags).toContainEqual({ code: 'too_easy', facility: 1, threshold: 0.9 });
    expect(codes(only(report, 'edge'))).not.toContain('too_easy');
    expect(only(report, 'hard').flags).toContainEqual({ code: 'too_hard', facility: 0.2, threshold: 0.3 });
    expect(codes(only(report, 'floor'))).not.toContain('too_hard');
  });

  it('uses only the first attempt a student makes on an item', () => {
    const attempts = [...student('s1', { q: false }), ...student('s1', { q: true }), ...student('s2', { q: true })];
    const report = analyzeItems(attempts, [short('q')], { minAttempts: 2 });
    // s1's second attempt is ignored: 1 correct of 2.
    expect(only(report, 'q').facility).toBe(0.5);
    expect(report.duplicateAttempts).toBe(1);
  });

  it('leaves attempts on items outside the bank out of every number', () => {
    const report = analyzeItems([...oneItemClass('q', 10, 5), ...student('s0', { retired: true })], [short('q')]);
    expect(report.unknownItemAttempts).toBe(1);
    expect(report.items.map((i) => i.itemId)).toEqual(['q']);
  });
});

describe('discrimination', () => {
  it('is the point-biserial between the item and the rest score, worked out by hand', () => {
    // Rest scores (share correct on o1..o4): A 4/4 = 1, B 3/4 = 0.75, C 1/4 = 0.25, D 0/4 = 0. Mean 0.5.
    // Item t: A 1, B 1, C 0, D 0. Mean 0.5.
    // Centred x: .5, .5, -.5, -.5.  Centred rest: .5, .25, -.25, -.5.
    // Σ dx·dr = .25 + .125 + .125 + .25 = .75;  Σ dx² = 1;  Σ dr² = .25 + .0625 + .0625 + .25 = .625.
    // r = .75 / √(1 · .625) = .75 / (√10 / 4) = 3 / √10 ≈ 0.9487.
    const attempts = [
      ...student('A', { t: true, ...others(4) }),
      ...student('B', { t: true, ...others(3) }),
      ...student('C', { t: false, ...others(1) }),
      ...student('D', { t: false, ...others(0) }),
    ];
    const t = only(analyzeItems(attempts, smallBank, small), 't');
    expect(t.rankedStudents).toBe(4);
    expect(t.discrimination).toBeCloseTo(3 / Math.sqrt(10), 12);
    expect(t.discriminationMissing).toBeNull();
    expect(codes(t)).toEqual([]);
    // Upper/lower 27%: round(0.27 · 4) = 1 student each: A (right) and D (wrong). D = 1 − 0 = 1.
    expect(t.upperFacility).toBe(1);
    expect(t.lowerFacility).toBe(0);
    expect(t.upperLowerIndex).toBe(1);
  });

  it('excludes the item itself from the score it is correlated with', () => {
    // Same students as above. Had t been counted in the score, scores would be 5/5, 4/5, 1/5, 0/5 (centred
    // .5, .3, -.3, -.5): r = .8 / √(1 · .68) ≈ 0.9701. The corrected value stays 3 / √10 ≈ 0.9487.
    const attempts = [
      ...student('A', { t: true, ...others(4) }),
      ...student('B', { t: true, ...others(3) }),
      ...student('C', { t: false, ...others(1) }),
      ...student('D', { t: false, ...others(0) }),
    ];
    const t = only(analyzeItems(attempts, smallBank, small), 't');
    expect(t.discrimination).not.toBeCloseTo(0.8 / Math.sqrt(0.68), 3);
    expect(t.discrimination).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('is undefined when every rest score is equal, however the item itself splits the students', () => {
    // Everyone has 2 of 4 other items right: rest scores 0.5, 0.5, 0.5, 0.5 have no variance, so no correlation.
    // (Counting t in the score would give 3/5, 3/5, 2/5, 2/5 and a perfect, spurious r = 1.)
    const attempts = [
      ...student('A', { t: true, ...others(2) }),
      ...student('B', { t: true, ...others(2) }),
      ...student('C', { t: false, ...others(2) }),
      ...student('D', { t: false, ...others(2) }),
    ];
    const t = only(analyzeItems(attempts, smallBank, small), 't');
    expect(t.discrimination).toBeNull();
    expect(t.discriminationMissing).toBe('no_variance');
  });

  it('detects an item the stronger students get wrong', () => {
    // Rest scores as in the worked example (1, .75, .25, 0) but t is now 0, 0, 1, 1: every centred product
    // changes sign, so r = −3 / √10 ≈ −0.9487, below the threshold 0.
    const attempts = [
      ...student('A', { t: false, ...others(4) }),
      ...student('B', { t: false, ...others(3) }),
      ...student('C', { t: true, ...others(1) }),
      ...student('D', { t: true, ...others(0) }),
    ];
    const t = only(analyzeItems(attempts, smallBank, small), 't');
    expect(t.discrimination).toBeCloseTo(-3 / Math.sqrt(10), 12);
    expect(t.flags).toEqual([{ code: 'negative_discrimination', discrimination: t.discrimination, threshold: 0 }]);
    expect(t.upperLowerIndex).toBe(-1);
  });

  it('flags an item that does not separate students as weakly discriminating', () => {
    // Rest 1, .75, .25, 0 and t 1, 0, 0, 1: Σ dx·dr = .25 − .125 + .125 − .25 = 0, so r = 0: not negative, but
    // below 0.2.
    const attempts = [
      ...student('A', { t: true, ...others(4) }),
      ...student('B', { t: false, ...others(3) }),
      ...student('C', { t: false, ...others(1) }),
      ...student('D', { t: true, ...others(0) }),
    ];
    const t = only(analyzeItems(attempts, smallBank, small), 't');
    expect(t.discrimination).toBe(0);
    expect(t.flags).toEqual([{ code: 'weak_discrimination', discrimination: 0, threshold: 0.2 }]);
  });

  it('counts only students with enough other attempts', () => {
    // E answered only t: no rest score, so E is not ranked, though E's answer still counts for facility.
    const attempts = [
      ...student('A', { t: true, ...others(4) }),
      ...student('B', { t: true, ...others(3) }),
      ...student('C', { t: false, ...others(1) }),
      ...student('D', { t: false, ...others(0) }),
      ...student('E', { t: false }),
    ];
    const t = only(analyzeItems(attempts, smallBank, small), 't');
    expect(t.attempts).toBe(5);
    expect(t.facility).toBeCloseTo(2 / 5, 12);
    expect(t.rankedStudents).toBe(4);
    expect(t.discrimination).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('splits students tied on the group boundary evenly, whatever the input order', () => {
    // A and B tie on the top rest score (1) for one upper-group place: A right, B wrong, so each counts half.
    const attempts = [
      ...student('A', { t: true, ...others(4) }),
      ...student('B', { t: false, ...others(4) }),
      ...student('C', { t: false, ...others(1) }),
      ...student('D', { t: false, ...others(0) }),
    ];
    const forward = only(analyzeItems(attempts, smallBank, small), 't');
    const backward = only(analyzeItems([...attempts].reverse(), smallBank, small), 't');
    expect(forward.upperFacility).toBe(0.5);
    expect(forward.lowerFacility).toBe(0);
    expect(backward).toEqual(forward);
  });
});

describe('too few attempts', () => {
  it('reports counts but no ratios, and says why', () => {
    // 9 attempts < minAttempts 10; option d chosen by nobody, but with 9 answers that is not evidence.
    const attempts = Array.from({ length: 9 }, (_, k) => choice(`s${k}`, 'c', [k < 5 ? 'a' : 'b'], k < 5));
    const c = only(analyzeItems(attempts, [choiceItem]), 'c');
    expect(c.attempts).toBe(9);
    expect(c.correct).toBe(5);
    expect(c.facility).toBeNull();
    expect(c.discrimination).toBeNull();
    expect(c.discriminationMissing).toBe('too_few_attempts');
    expect(c.upperFacility).toBeNull();
    expect(c.lowerFacility).toBeNull();
    expect(c.upperLowerIndex).toBeNull();
    expect(c.options?.map((o) => [o.optionId, o.count, o.share])).toEqual([
      ['a', 5, null],
      ['b', 4, null],
      ['c', 0, null],
      ['d', 0, null],
    ]);
    expect(c.flags).toEqual([{ code: 'too_few_attempts', attempts: 9, minAttempts: 10 }]);
  });

  it('lists an item nobody attempted', () => {
    const report = analyzeItems([], [short('q')]);
    expect(report.items).toHaveLength(1);
    expect(only(report, 'q').flags).toEqual([{ code: 'too_few_attempts', attempts: 0, minAttempts: 10 }]);
  });
});

describe('distractors', () => {
  it('gives each option its count and share of first attempts', () => {
    // 10 attempts: a ×6 (correct), b ×3, c ×1, d ×0 → shares .6, .3, .1, 0.
    const picks = ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'c'];
    const attempts = picks.map((p, k) => choice(`s${k}`, 'c', [p], p === 'a'));
    const c = only(analyzeItems(attempts, [choiceItem]), 'c');
    expect(c.facility).toBeCloseTo(0.6, 12);
    expect(c.options).toEqual([
      { optionId: 'a', text: 'Ingatan jangka panjang', correct: true, count: 6, share: 0.6 },
      { optionId: 'b', text: 'Ingatan kerja', correct: false, count: 3, share: 0.3 },
      { optionId: 'c', text: 'Ingatan sensorik', correct: false, count: 1, share: 0.1 },
      { optionId: 'd', text: 'Ingatan prosedural', correct: false, count: 0, share: 0 },
    ]);
  });

  it('flags a distractor nobody chose, but not an unchosen correct option', () => {
    // Multi-select: a and b correct. Picks: [a,b] ×5, [a,c] ×3, [a] ×2, one of them listing a twice.
    // a 10/10, b 5/10, c 3/10, d 0/10: only d is an unused distractor.
    const multi: ItemMeta = {
      id: 'm',
      kind: 'multiple',
      options: [
        { id: 'a', text: 'satu', correct: true },
        { id: 'b', text: 'dua', correct: true },
        { id: 'c', text: 'tiga', correct: false },
        { id: 'd', text: 'empat', correct: false },
      ],
    };
    const picks = [...Array(5).fill(['a', 'b']), ...Array(3).fill(['a', 'c']), ['a'], ['a', 'a']] as string[][];
    const attempts = picks.map((p, k) => choice(`s${k}`, 'm', p, p.includes('b') && !p.includes('c')));
    const m = only(analyzeItems(attempts, [multi]), 'm');
    expect(m.options?.map((o) => o.share)).toEqual([1, 0.5, 0.3, 0]);
    expect(m.flags).toContainEqual({ code: 'unused_distractor', optionIds: ['d'] });

    // Nobody ticks the correct option b: that is a hard item, not an unused distractor.
    const noB = picks.map((p, k) =>
      choice(
        `s${k}`,
        'm',
        p.filter((id) => id !== 'b'),
        false,
      ),
    );
    const flags = only(analyzeItems(noB, [multi]), 'm').flags;
    expect(flags).toContainEqual({ code: 'unused_distractor', optionIds: ['d'] });
  });

  it('gives no option table for items without options', () => {
    expect(only(analyzeItems(oneItemClass('q', 10, 5), [short('q')]), 'q').options).toBeNull();
  });
});

describe('inputs', () => {
  it('refuses two items with the same id and thresholds out of range', () => {
    expect(() => analyzeItems([], [short('q'), short('q')])).toThrow(RangeError);
    expect(() => analyzeItems([], [short('q')], { groupShare: 0.6 })).toThrow(RangeError);
    expect(() => analyzeItems([], [short('q')], { minAttempts: 0 })).toThrow(RangeError);
  });
});
