import { describe, expect, it } from 'vitest';
import type { Item } from '@/lib/content/schema';
import { gradeResponse, viewItem } from '@/lib/domain/item-view';

const base = {
  lesson: 'pertahanan-kolektif',
  concepts: ['aliansi'],
  level: 'remember' as const,
  difficulty: 2,
  sibling: 'x',
  explanation: 'Karena teks menyatakannya.',
  sources: [{ paragraph: 'pertahanan-kolektif-01', quote: 'Aliansi adalah struktur' }],
};

const single: Item = {
  ...base,
  id: 'pk-001',
  kind: 'single',
  prompt: 'Siapa yang mendefinisikan aliansi sebagai kesepakatan formal?',
  options: [
    { id: 'a', text: 'Barry Buzan', correct: false, feedback: 'Buzan membahas level regional.' },
    { id: 'b', text: 'Robert Osgood', correct: true, feedback: 'Benar.' },
    { id: 'c', text: 'Alexander Wendt', correct: false, feedback: 'Wendt konstruktivis.' },
    { id: 'd', text: 'Gareth Evans', correct: false, feedback: 'Evans: keamanan kooperatif.' },
  ],
};

const matching: Item = {
  ...base,
  id: 'pk-002',
  kind: 'matching',
  prompt: 'Pasangkan traktat dengan komitmennya.',
  pairs: [
    { left: 'NATO', right: 'membantu anggota yang diserang' },
    { left: 'ANZUS', right: 'berkonsultasi' },
    { left: 'MST', right: 'pasukan AS ditempatkan permanen' },
  ],
};

const ordering: Item = {
  ...base,
  id: 'pk-003',
  kind: 'ordering',
  prompt: 'Urutkan.',
  steps: ['pertama', 'kedua', 'ketiga', 'keempat'],
};

describe('viewItem', () => {
  it('sends no correctness, feedback or answer to the browser', () => {
    const json = JSON.stringify([viewItem(single, 'seed'), viewItem(matching, 'seed'), viewItem(ordering, 'seed')]);
    expect(json).not.toContain('correct');
    expect(json).not.toContain('feedback');
    expect(json).not.toContain('explanation');
    expect(json).not.toContain('sources');
  });

  it('shows the same order for the same seed and may differ for another', () => {
    expect(viewItem(ordering, 's1')).toEqual(viewItem(ordering, 's1'));
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((s) => JSON.stringify(viewItem(ordering, s))));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never shows ordering steps already in the right order', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) {
      const v = viewItem(ordering, seed);
      if (v.kind !== 'ordering') throw new Error('kind');
      expect(v.steps.map((s) => s.text)).not.toEqual(ordering.steps);
    }
  });
});

describe('gradeResponse', () => {
  it('grades single choice by the option chosen', () => {
    expect(gradeResponse(single, { kind: 'single', optionId: 'b' }, 's').correct).toBe(true);
    expect(gradeResponse(single, { kind: 'single', optionId: 'a' }, 's').correct).toBe(false);
  });

  it('grades matching against the shuffled ids that were shown', () => {
    const v = viewItem(matching, 'seed-7');
    if (v.kind !== 'matching') throw new Error('kind');
    const idOf = (text: string) => v.rights.find((r) => r.text === text)!.id;
    const right = {
      l0: idOf('membantu anggota yang diserang'),
      l1: idOf('berkonsultasi'),
      l2: idOf('pasukan AS ditempatkan permanen'),
    };
    expect(gradeResponse(matching, { kind: 'matching', pairs: right }, 'seed-7')).toMatchObject({
      correct: true,
      score: 1,
    });
    const swapped = { ...right, l0: right.l1, l1: right.l0 };
    expect(gradeResponse(matching, { kind: 'matching', pairs: swapped }, 'seed-7')).toMatchObject({ correct: false });
  });

  it('grades ordering against the shuffled ids that were shown', () => {
    const v = viewItem(ordering, 'seed-3');
    if (v.kind !== 'ordering') throw new Error('kind');
    const correctOrder = ordering.steps.map((text) => v.steps.find((s) => s.text === text)!.id);
    expect(gradeResponse(ordering, { kind: 'ordering', order: correctOrder }, 'seed-3').correct).toBe(true);
    expect(gradeResponse(ordering, { kind: 'ordering', order: [...correctOrder].reverse() }, 'seed-3').correct).toBe(
      false,
    );
    expect(gradeResponse(ordering, { kind: 'ordering', order: correctOrder.slice(0, 3) }, 'seed-3').correct).toBe(
      false,
    );
  });

  it('treats a response of another kind as wrong, not as an error', () => {
    expect(gradeResponse(single, { kind: 'truefalse', value: true }, 's').correct).toBe(false);
  });
});
