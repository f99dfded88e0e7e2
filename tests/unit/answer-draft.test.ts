import { describe, expect, it } from 'vitest';
import { chooseOption, draftResponse, initialDraft, moveStep, numberKey } from '@/lib/domain/answer-draft';
import type { ItemView } from '@/lib/domain/item-view';

const options = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B' },
  { id: 'c', text: 'C' },
];
const single: ItemView = { kind: 'single', id: 's', prompt: 'p', options };
const multiple: ItemView = { kind: 'multiple', id: 'm', prompt: 'p', options };
const tf: ItemView = { kind: 'truefalse', id: 't', prompt: 'p' };
const cloze: ItemView = { kind: 'cloze', id: 'c', prompt: 'p', before: 'x ', after: ' y' };
const matching: ItemView = {
  kind: 'matching',
  id: 'g',
  prompt: 'p',
  lefts: [
    { id: 'l1', text: '1' },
    { id: 'l2', text: '2' },
  ],
  rights: [
    { id: 'r1', text: 'x' },
    { id: 'r2', text: 'y' },
  ],
};
const ordering: ItemView = { kind: 'ordering', id: 'o', prompt: 'p', steps: options };

describe('an answer being written', () => {
  it('is no response until something is chosen or typed', () => {
    for (const view of [single, multiple, tf, cloze, matching])
      expect(draftResponse(view, initialDraft(view, null))).toBeNull();
    expect(draftResponse(cloze, { family: 'text', text: '   ' })).toBeNull();
  });

  it('an ordering answers with the order shown until a step is moved', () => {
    const draft = initialDraft(ordering, null);
    expect(draftResponse(ordering, draft)).toEqual({ kind: 'ordering', order: ['a', 'b', 'c'] });
    expect(draftResponse(ordering, moveStep(draft, 2, -1))).toEqual({ kind: 'ordering', order: ['a', 'c', 'b'] });
  });

  it('a single-answer question keeps one option; multiple response toggles each', () => {
    const one = chooseOption(single, chooseOption(single, initialDraft(single, null), 'a'), 'b');
    expect(draftResponse(single, one)).toEqual({ kind: 'single', optionId: 'b' });
    let many = chooseOption(multiple, initialDraft(multiple, null), 'a');
    many = chooseOption(multiple, many, 'c');
    many = chooseOption(multiple, many, 'a');
    expect(draftResponse(multiple, many)).toEqual({ kind: 'multiple', optionIds: ['c'] });
  });

  it('number keys pick the n-th option shown, or true (1) and false (2); other keys do nothing', () => {
    expect(numberKey(single, initialDraft(single, null), 3)).toEqual({
      draft: { family: 'choice', selected: ['c'] },
      optionId: 'c',
    });
    expect(numberKey(single, initialDraft(single, null), 4)).toBeNull();
    expect(numberKey(tf, initialDraft(tf, null), 2)?.draft).toEqual({ family: 'truefalse', value: false });
    expect(numberKey(tf, initialDraft(tf, null), 3)).toBeNull();
    expect(numberKey(cloze, initialDraft(cloze, null), 1)).toBeNull();
  });

  it('a matching answers only when every left item has its pair', () => {
    expect(draftResponse(matching, { family: 'matching', pairs: { l1: 'r2' } })).toBeNull();
    expect(draftResponse(matching, { family: 'matching', pairs: { l1: 'r2', l2: 'r1' } })).toEqual({
      kind: 'matching',
      pairs: { l1: 'r2', l2: 'r1' },
    });
  });

  it('a saved answer comes back as it was (a mock exam after a reload)', () => {
    const saved = { kind: 'multiple' as const, optionIds: ['b', 'c'] };
    expect(draftResponse(multiple, initialDraft(multiple, saved))).toEqual(saved);
    expect(draftResponse(tf, initialDraft(tf, { kind: 'truefalse', value: false }))).toEqual({
      kind: 'truefalse',
      value: false,
    });
  });
});
