/**
 * What a learner is told after answering: right or wrong, the right answer (in terms of what was shown), the
 * feedback for each option they chose and for the right one, and the explanation. Pure.
 */
import type { Item } from '@/lib/content/schema';
import { gradeResponse, viewItem, type Grade, type Response } from './item-view';

export type KeyView =
  | { kind: 'options'; correctOptionIds: string[] }
  | { kind: 'truefalse'; answer: boolean; correction?: string }
  | { kind: 'text'; answers: string[] }
  | { kind: 'matching'; pairs: Record<string, string> }
  | { kind: 'ordering'; order: string[] };

export interface Feedback extends Grade {
  key: KeyView;
  /** Feedback for options the learner chose and for the right ones, in display order. */
  optionFeedback: { optionId: string; text: string; correct: boolean; chosen: boolean; feedback: string }[];
  explanation: string;
}

export function feedbackFor(item: Item, response: Response, seed: string): Feedback {
  const grade = gradeResponse(item, response, seed);
  const view = viewItem(item, seed);
  const base = { ...grade, explanation: item.explanation, optionFeedback: [] as Feedback['optionFeedback'] };
  switch (item.kind) {
    case 'single':
    case 'scenario':
    case 'multiple': {
      const chosen = new Set(
        'optionId' in response ? [response.optionId] : 'optionIds' in response ? response.optionIds : [],
      );
      const order = view.kind === item.kind ? view.options.map((o) => o.id) : item.options.map((o) => o.id);
      const optionFeedback = order
        .map((id) => item.options.find((o) => o.id === id)!)
        .filter((o) => o.correct || chosen.has(o.id))
        .map((o) => ({
          optionId: o.id,
          text: o.text,
          correct: o.correct,
          chosen: chosen.has(o.id),
          feedback: o.feedback,
        }));
      return {
        ...base,
        optionFeedback,
        key: { kind: 'options', correctOptionIds: item.options.filter((o) => o.correct).map((o) => o.id) },
      };
    }
    case 'truefalse':
      return { ...base, key: { kind: 'truefalse', answer: item.answer, correction: item.correction } };
    case 'cloze':
    case 'short':
      return { ...base, key: { kind: 'text', answers: item.answers } };
    case 'matching': {
      if (view.kind !== 'matching') throw new Error('unreachable');
      const pairs: Record<string, string> = {};
      item.pairs.forEach((p, i) => {
        const right = view.rights.find((r) => r.text === p.right);
        if (right) pairs[`l${i}`] = right.id;
      });
      return { ...base, key: { kind: 'matching', pairs } };
    }
    case 'ordering': {
      if (view.kind !== 'ordering') throw new Error('unreachable');
      const order = item.steps.map((text) => view.steps.find((s) => s.text === text)!.id);
      return { ...base, key: { kind: 'ordering', order } };
    }
  }
}
