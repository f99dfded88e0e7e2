import { describe, expect, it } from 'vitest';
import { bankErrors, bankReport, coverageByWeight, keyLengthCue } from '@/lib/content/bank-checks';
import { correctionSchema, type Correction, type Item, type Lesson } from '@/lib/content/schema';

// Fixture builders: a tiny course with one lesson per paragraph, and items of just the kinds a check looks at.
type Bank = Parameters<typeof bankReport>[0];

const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

function lesson(id: string, paragraphs: string[]): Lesson {
  return {
    id,
    order: 1,
    title: id,
    section: 's',
    summary: 'ringkasan',
    objectives: ['a', 'b'],
    parts: [{ title: 'bagian', paragraphs }],
    glossary: [],
  };
}

const base = (id: string, lessonId = 'l1') => ({
  id,
  lesson: lessonId,
  concepts: ['c'],
  level: 'understand' as const,
  difficulty: 2,
  sibling: id,
  prompt: 'Pertanyaan?',
  explanation: 'Penjelasan.',
  sources: [{ paragraph: 'p1', quote: 'kata0' }],
});

/** A single-choice item with the key at `keyAt` and option texts of the given lengths (key's length first). */
function single(id: string, keyAt: number, keyLength: number, distractorLengths: number[]): Item {
  const texts = distractorLengths.map((n) => 'x'.repeat(n));
  texts.splice(keyAt, 0, 'k'.repeat(keyLength));
  return {
    ...base(id),
    kind: 'single',
    options: texts.map((text, i) => ({ id: 'abcdef'[i]!, text: `${text}${i}`, correct: i === keyAt, feedback: 'f' })),
  };
}

function truefalse(id: string, answer: boolean): Item {
  return { ...base(id), kind: 'truefalse', answer, correction: answer ? undefined : 'Yang benar.' };
}

function multiple(id: string, correct: number[]): Item {
  return {
    ...base(id),
    kind: 'multiple',
    options: [0, 1, 2, 3, 4].map((i) => ({
      id: 'abcde'[i]!,
      text: `opsi ${i}`,
      correct: correct.includes(i),
      feedback: 'f',
    })),
  };
}

function bank(items: Item[], over: Partial<Bank> = {}): Bank {
  return {
    course: { id: 'uji', title: 'Uji', description: 'd', language: 'id', lessons: ['l1'], concepts: { c: 'C' } },
    source: {
      title: 't',
      sourceFile: 'f',
      note: 'n',
      sections: [
        { id: 's', title: 's', titleOriginal: null, paragraphs: [{ id: 'p1', sourceLine: 1, text: words(100) }] },
      ],
    },
    corrections: [],
    lessons: [lesson('l1', ['p1'])],
    items,
    ...over,
  };
}

const messages = (b: Bank) => bankErrors(b).map((e) => e.message);
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const id = (i: number) => `uj-${String(i + 1).padStart(3, '0')}`;

describe('key length cue', () => {
  it('fails when the key is strictly the longest option in more than 30% of single items', () => {
    // 4 of 10 keys are the longest (40%).
    const items = times(10, (i) =>
      i < 4 ? single(id(i), i % 4, 30, [20, 20, 20]) : single(id(i), i % 4, 20, [30, 20, 20]),
    );
    expect(messages(bank(items)).some((m) => m.includes('strictly the longest option in 4 of 10'))).toBe(true);
  });

  it('passes when the key is the longest in at most 30%, and reports the mean key/distractor ratio', () => {
    const items = times(10, (i) =>
      i < 3 ? single(id(i), i % 4, 30, [20, 20, 20]) : single(id(i), i % 4, 20, [30, 20, 20]),
    );
    expect(messages(bank(items)).filter((m) => m.includes('longest'))).toEqual([]);
    const cue = keyLengthCue(items);
    expect(cue.keyLongest).toBe(3);
    // Lengths include the one-digit suffix: 31/21 for the three long keys, 21/(31+21+21)/3 for the others.
    expect(cue.meanRatio).toBeCloseTo((3 * (31 / 21) + 7 * (21 / (73 / 3))) / 10, 5);
  });
});

describe('key positions', () => {
  it('fails when one position holds more than 1.5× its even share of single/scenario keys', () => {
    const items = times(20, (i) => single(id(i), i < 10 ? 0 : (i % 3) + 1, 20, [20, 20, 20]));
    // Position 1 holds 10 keys against an even 5.
    expect(messages(bank(items)).some((m) => m.includes('10 single/scenario keys are option 1'))).toBe(true);
  });

  it('passes when the keys are spread over the positions', () => {
    const items = times(20, (i) => single(id(i), i % 4, 20, [20, 20, 20]));
    expect(messages(bank(items)).filter((m) => m.includes('single/scenario keys'))).toEqual([]);
  });
});

describe('true/false balance', () => {
  it('fails when fewer than 40% or more than 60% of statements are true', () => {
    expect(
      messages(bank(times(10, (i) => truefalse(id(i), i < 7)))).some((m) => m.includes('7 of 10 true/false')),
    ).toBe(true);
    expect(
      messages(bank(times(10, (i) => truefalse(id(i), i < 3)))).some((m) => m.includes('3 of 10 true/false')),
    ).toBe(true);
  });

  it('passes within 40–60%', () => {
    expect(messages(bank(times(10, (i) => truefalse(id(i), i < 4)))).filter((m) => m.includes('true/false'))).toEqual(
      [],
    );
    expect(messages(bank(times(10, (i) => truefalse(id(i), i < 6)))).filter((m) => m.includes('true/false'))).toEqual(
      [],
    );
  });
});

describe('multiple-response positions', () => {
  it('fails when one position is correct in more than 75% of multiple-response items', () => {
    const items = times(8, (i) => multiple(id(i), i < 7 ? [0, 2] : [1, 3]));
    expect(messages(bank(items)).some((m) => m.includes('option 1 (file order) is correct in 7 of 8'))).toBe(true);
  });

  it('passes when the correct options move around', () => {
    const items = times(8, (i) =>
      multiple(
        id(i),
        [
          [0, 2],
          [1, 3],
          [2, 4],
          [0, 3],
        ][i % 4]!,
      ),
    );
    expect(messages(bank(items)).filter((m) => m.includes('multiple-response'))).toEqual([]);
  });
});

describe('answers resting on a likely correction', () => {
  const likely: Correction = {
    id: 'mungkin-politik',
    paragraph: 'p1',
    original: 'kata1 kata2',
    corrected: 'kata1 politik',
    kind: 'meaning',
    reason: 'Kemungkinan besar yang dimaksud adalah politik.',
    certainty: 'likely',
  };
  const tf = (over: Partial<Item>) => ({ ...truefalse('uj-001', true), ...over }) as Item;
  const balanced = [truefalse('uj-002', false)];

  it("fails an item naming a likely correction as its editor's note", () => {
    const b = bank([tf({ editorNote: 'mungkin-politik' }), ...balanced], { corrections: [likely] });
    expect(bankErrors(b).some((e) => e.itemId === 'uj-001' && e.message.includes('only likely'))).toBe(true);
  });

  it('fails an item whose quote occurs only in the reading the likely correction produces', () => {
    const b = bank([tf({ sources: [{ paragraph: 'p1', quote: 'kata0 kata1 politik' }] }), ...balanced], {
      corrections: [likely],
    });
    expect(bankErrors(b).some((e) => e.itemId === 'uj-001' && e.message.includes('corrected reading'))).toBe(true);
  });

  it('passes an item that quotes the original wording, and the same note once the editor is certain', () => {
    const quotesOriginal = bank([tf({ sources: [{ paragraph: 'p1', quote: 'kata0 kata1 kata2' }] }), ...balanced], {
      corrections: [likely],
    });
    const likelyErrors = (b: Bank) => messages(b).filter((m) => m.includes('likely'));
    expect(likelyErrors(quotesOriginal)).toEqual([]);
    const certain = bank([tf({ editorNote: 'mungkin-politik' }), ...balanced], {
      corrections: [{ ...likely, certainty: undefined }],
    });
    expect(likelyErrors(certain)).toEqual([]);
  });

  it('accepts certainty only on meaning and note corrections', () => {
    expect(correctionSchema.safeParse(likely).success).toBe(true);
    expect(correctionSchema.safeParse({ ...likely, kind: 'typo' }).success).toBe(false);
    expect(correctionSchema.safeParse({ ...likely, certainty: 'maybe' }).success).toBe(false);
  });
});

describe('coverage by the weight of the text', () => {
  const twoLessons = (itemsA: number, itemsB: number, wordsB: number): Bank => {
    const items = [
      ...times(itemsA, (i) => truefalse(id(i), i % 2 === 0)),
      ...times(itemsB, (i) => ({ ...truefalse(id(100 + i), i % 2 === 0), lesson: 'l2' }) as Item),
    ];
    return bank(items, {
      source: {
        title: 't',
        sourceFile: 'f',
        note: 'n',
        sections: [
          {
            id: 's',
            title: 's',
            titleOriginal: null,
            paragraphs: [
              { id: 'p1', sourceLine: 1, text: words(100) },
              { id: 'p2', sourceLine: 2, text: words(wordsB) },
            ],
          },
        ],
      },
      lessons: [lesson('l1', ['p1']), lesson('l2', ['p2'])],
    });
  };

  it('fails when one lesson has more than twice the items per 100 words of another', () => {
    // l1: 20 items / 100 words = 20; l2: 30 items / 400 words = 7.5.
    const b = twoLessons(20, 30, 400);
    expect(coverageByWeight(b).map((w) => w.itemsPer100Words)).toEqual([20, 7.5]);
    expect(messages(b).some((m) => m.includes('coverage ignores the weight'))).toBe(true);
  });

  it('passes within a factor of two', () => {
    expect(messages(twoLessons(20, 40, 300)).filter((m) => m.includes('weight'))).toEqual([]);
  });

  it('fails a lesson with fewer than 20 items, and passes one with 20', () => {
    expect(
      bankErrors(twoLessons(20, 19, 100)).some((e) => e.file.endsWith('/l2.json') && e.message.includes('19 items')),
    ).toBe(true);
    expect(bankErrors(twoLessons(20, 20, 100))).toEqual([]);
  });
});

describe('level distribution', () => {
  it('counts every level, evaluate included', () => {
    const items = [truefalse('uj-001', true), { ...truefalse('uj-002', false), level: 'evaluate' } as Item];
    expect(bankReport(bank(items)).levels).toEqual({ remember: 0, understand: 1, apply: 0, analyse: 0, evaluate: 1 });
  });
});
