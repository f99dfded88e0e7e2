/**
 * Test fixture: a right (or wrong) response for a bank item as a learner would give it, working only from what
 * the screen showed (the item view) plus the content file's key. Used by integration tests and browser journeys.
 */
import type { Item } from '@/lib/content/schema';
import type { ItemView, Response } from '@/lib/domain/item-view';

export function responseFor(item: Item, view: ItemView, correct: boolean): Response {
  switch (item.kind) {
    case 'single':
    case 'scenario': {
      const option = item.options.find((o) => o.correct === correct)!;
      return { kind: item.kind, optionId: option.id };
    }
    case 'multiple': {
      const right = item.options.filter((o) => o.correct).map((o) => o.id);
      const wrong = item.options.filter((o) => !o.correct).map((o) => o.id);
      return { kind: 'multiple', optionIds: correct ? right : wrong.slice(0, 1) };
    }
    case 'truefalse':
      return { kind: 'truefalse', value: correct ? item.answer : !item.answer };
    case 'cloze':
    case 'short':
      return { kind: item.kind, text: correct ? item.answers[0]! : 'jawaban yang sama sekali keliru' };
    case 'matching': {
      if (view.kind !== 'matching') throw new Error('view does not match item');
      const pairs: Record<string, string> = {};
      item.pairs.forEach((p, i) => {
        const target = correct ? p.right : item.pairs[(i + 1) % item.pairs.length]!.right;
        pairs[`l${i}`] = view.rights.find((r) => r.text === target)!.id;
      });
      return { kind: 'matching', pairs };
    }
    case 'ordering': {
      if (view.kind !== 'ordering') throw new Error('view does not match item');
      const order = item.steps.map((text) => view.steps.find((s) => s.text === text)!.id);
      return { kind: 'ordering', order: correct ? order : [...order].reverse() };
    }
  }
}
