/**
 * What a learner sees of an item before answering (no answer key), and how a response is graded.
 * Option, step and match orders are shuffled from a seed (e.g. the card or attempt id) so the server can grade a
 * response against exactly what was shown, and the ids sent to the browser reveal nothing about the key.
 */
import type { Item } from '@/lib/content/schema';
import { matchTypedAnswer } from './text-match';
import { seededShuffle } from './seeded-shuffle';

export type ItemView =
  | { kind: 'single' | 'scenario' | 'multiple'; id: string; prompt: string; options: { id: string; text: string }[] }
  | { kind: 'truefalse'; id: string; prompt: string }
  | { kind: 'cloze'; id: string; prompt: string; before: string; after: string }
  | { kind: 'short'; id: string; prompt: string }
  | {
      kind: 'matching';
      id: string;
      prompt: string;
      lefts: { id: string; text: string }[];
      rights: { id: string; text: string }[];
    }
  | { kind: 'ordering'; id: string; prompt: string; steps: { id: string; text: string }[] };

export function viewItem(item: Item, seed: string): ItemView {
  const base = { id: item.id, prompt: item.prompt };
  switch (item.kind) {
    case 'single':
    case 'scenario':
    case 'multiple':
      return {
        ...base,
        kind: item.kind,
        options: seededShuffle(item.options, seed).map((o) => ({ id: o.id, text: o.text })),
      };
    case 'truefalse':
      return { ...base, kind: 'truefalse' };
    case 'cloze': {
      const [before = '', after = ''] = item.text.split('___');
      return { ...base, kind: 'cloze', before, after };
    }
    case 'short':
      return { ...base, kind: 'short' };
    case 'matching':
      return {
        ...base,
        kind: 'matching',
        lefts: item.pairs.map((p, i) => ({ id: `l${i}`, text: p.left })),
        rights: shuffledRights(item, seed).map((r, i) => ({ id: `r${i}`, text: r.text })),
      };
    case 'ordering':
      return {
        ...base,
        kind: 'ordering',
        steps: shuffledSteps(item, seed).map((s, i) => ({ id: `s${i}`, text: s.text })),
      };
  }
}

function shuffledRights(item: Extract<Item, { kind: 'matching' }>, seed: string) {
  return seededShuffle(
    item.pairs.map((p, index) => ({ text: p.right, index })),
    `${seed}:rights`,
  );
}

function shuffledSteps(item: Extract<Item, { kind: 'ordering' }>, seed: string) {
  // Never show the steps already in the right order: rotate by one if the shuffle left them sorted.
  const shuffled = seededShuffle(
    item.steps.map((text, index) => ({ text, index })),
    `${seed}:steps`,
  );
  return shuffled.every((s, i) => s.index === i) ? [...shuffled.slice(1), shuffled[0]!] : shuffled;
}

/** A learner's response, as sent by the review or lesson screen. */
export type Response =
  | { kind: 'single' | 'scenario'; optionId: string }
  | { kind: 'multiple'; optionIds: string[] }
  | { kind: 'truefalse'; value: boolean }
  | { kind: 'cloze' | 'short'; text: string }
  | { kind: 'matching'; pairs: Record<string, string> }
  | { kind: 'ordering'; order: string[] };

export interface Grade {
  correct: boolean;
  /** Share of parts right (1 for a right answer; partial credit for multiple, matching, ordering). */
  score: number;
  /** For typed answers accepted despite a typo. */
  withTypo: boolean;
}

/** Grades `response` against the item as it was shown with `seed`. A response of the wrong kind is simply wrong. */
export function gradeResponse(item: Item, response: Response, seed: string): Grade {
  const wrong: Grade = { correct: false, score: 0, withTypo: false };
  if (response.kind !== item.kind && !(item.kind === 'scenario' && response.kind === 'single')) return wrong;
  switch (item.kind) {
    case 'single':
    case 'scenario': {
      if (!('optionId' in response)) return wrong;
      const chosen = item.options.find((o) => o.id === response.optionId);
      return chosen?.correct ? { correct: true, score: 1, withTypo: false } : wrong;
    }
    case 'multiple': {
      if (!('optionIds' in response)) return wrong;
      const chosen = new Set(response.optionIds);
      const rightCount = item.options.filter((o) => o.correct === chosen.has(o.id)).length;
      const all = rightCount === item.options.length;
      return { correct: all, score: rightCount / item.options.length, withTypo: false };
    }
    case 'truefalse':
      return 'value' in response && response.value === item.answer
        ? { correct: true, score: 1, withTypo: false }
        : wrong;
    case 'cloze':
    case 'short': {
      if (!('text' in response)) return wrong;
      const m = matchTypedAnswer(response.text, item.answers, item.rejects);
      return { correct: m.accepted, score: m.accepted ? 1 : 0, withTypo: m.withTypo };
    }
    case 'matching': {
      if (!('pairs' in response)) return wrong;
      const rights = shuffledRights(item, seed);
      const ok = item.pairs.filter((_, i) => {
        const shownId = response.pairs[`l${i}`];
        const shownIndex = shownId ? Number(shownId.slice(1)) : NaN;
        return rights[shownIndex]?.index === i;
      }).length;
      return { correct: ok === item.pairs.length, score: ok / item.pairs.length, withTypo: false };
    }
    case 'ordering': {
      if (!('order' in response)) return wrong;
      const steps = shuffledSteps(item, seed);
      const indices = response.order.map((id) => steps[Number(id.slice(1))]?.index);
      const inPlace = item.steps.filter((_, i) => indices[i] === i).length;
      const complete =
        response.order.length === item.steps.length && new Set(response.order).size === item.steps.length;
      return {
        correct: complete && inPlace === item.steps.length,
        score: inPlace / item.steps.length,
        withTypo: false,
      };
    }
  }
}
