/**
 * What a learner has put into a question so far, before it is sent: one shape per family of item kinds, the
 * response it makes (or none yet), and what a number key does to it. Pure, so the question card's rules are tested
 * without a browser.
 */
import type { ItemView, Response } from './item-view';

export type AnswerDraft =
  | { family: 'choice'; selected: string[] }
  | { family: 'truefalse'; value: boolean | null }
  | { family: 'text'; text: string }
  | { family: 'matching'; pairs: Record<string, string> }
  | { family: 'ordering'; order: string[] };

/** The draft a question starts from: empty, or a saved answer restored (a mock exam after a reload). */
export function initialDraft(view: ItemView, saved: Response | null): AnswerDraft {
  switch (view.kind) {
    case 'single':
    case 'scenario':
      return { family: 'choice', selected: saved && 'optionId' in saved ? [saved.optionId] : [] };
    case 'multiple':
      return { family: 'choice', selected: saved && 'optionIds' in saved ? saved.optionIds : [] };
    case 'truefalse':
      return { family: 'truefalse', value: saved && 'value' in saved ? saved.value : null };
    case 'cloze':
    case 'short':
      return { family: 'text', text: saved && 'text' in saved ? saved.text : '' };
    case 'matching':
      return { family: 'matching', pairs: saved && 'pairs' in saved ? saved.pairs : {} };
    case 'ordering':
      // An ordering always has an answer: the steps in the order shown, until the learner moves them.
      return { family: 'ordering', order: saved && 'order' in saved ? saved.order : view.steps.map((s) => s.id) };
  }
}

/** The response the draft makes, or null while it is incomplete (no option, blank text, a pair left open). */
export function draftResponse(view: ItemView, draft: AnswerDraft): Response | null {
  switch (view.kind) {
    case 'single':
    case 'scenario':
      return draft.family === 'choice' && draft.selected[0] ? { kind: view.kind, optionId: draft.selected[0] } : null;
    case 'multiple':
      return draft.family === 'choice' && draft.selected.length
        ? { kind: 'multiple', optionIds: draft.selected }
        : null;
    case 'truefalse':
      return draft.family === 'truefalse' && draft.value !== null ? { kind: 'truefalse', value: draft.value } : null;
    case 'cloze':
    case 'short':
      return draft.family === 'text' && draft.text.trim() ? { kind: view.kind, text: draft.text } : null;
    case 'matching':
      return draft.family === 'matching' && Object.keys(draft.pairs).length === view.lefts.length
        ? { kind: 'matching', pairs: draft.pairs }
        : null;
    case 'ordering':
      return draft.family === 'ordering' ? { kind: 'ordering', order: draft.order } : null;
  }
}

/** Choosing an option: the only one for single-answer kinds, toggled for multiple response. */
export function chooseOption(view: ItemView, draft: AnswerDraft, optionId: string): AnswerDraft {
  if (draft.family !== 'choice') return draft;
  if (view.kind !== 'multiple') return { family: 'choice', selected: [optionId] };
  const selected = draft.selected.includes(optionId)
    ? draft.selected.filter((id) => id !== optionId)
    : [...draft.selected, optionId];
  return { family: 'choice', selected };
}

/**
 * What number key `n` (1-based) does: picks the n-th option, or true (1) / false (2). Null when the key means
 * nothing for this question, so the browser keeps its default.
 */
export function numberKey(
  view: ItemView,
  draft: AnswerDraft,
  n: number,
): { draft: AnswerDraft; optionId?: string } | null {
  if (view.kind === 'single' || view.kind === 'scenario' || view.kind === 'multiple') {
    const option = view.options[n - 1];
    return option ? { draft: chooseOption(view, draft, option.id), optionId: option.id } : null;
  }
  if (view.kind === 'truefalse' && (n === 1 || n === 2)) return { draft: { family: 'truefalse', value: n === 1 } };
  return null;
}

/** An ordering with the step at `index` moved by `delta` places (−1 up, +1 down). */
export function moveStep(draft: AnswerDraft, index: number, delta: number): AnswerDraft {
  if (draft.family !== 'ordering') return draft;
  const order = draft.order.slice();
  const [step] = order.splice(index, 1);
  order.splice(index + delta, 0, step!);
  return { family: 'ordering', order };
}
