/**
 * Bank-wide checks: properties of a question bank as a whole that no single item shows. A test-wise student
 * exploits cues (the key is the longest option, keys bunch at one position, true/false statements lean one way),
 * exports (GIFT, Moodle XML, print) show options in file order, an answer may rest on an editor's guess, and a
 * lesson's share of items may ignore the length of its text. Each check has a limit; `bankErrors` turns the
 * measurements past a limit into errors, which fail `npm run content:check`.
 *
 * Pure over a loaded course (no file system), so in-app authoring can run the same checks on a draft bank.
 */
import type { ContentError, LoadedCourse } from './load';
import { correctedText } from './reading';
import { LEVELS, type Correction, type Item } from './schema';
import { normalizeForQuote, quoteOccursIn } from './text';

export const BANK_LIMITS = {
  /** Single and scenario items whose key is strictly the longest option (chance is about 1 in 4). */
  keyLongestShare: 0.3,
  /** No option position (in file order) may hold the key more often than this many times its uniform share… */
  positionOverUniform: 1.5,
  /** …judged only where the uniform share is at least this many items (few items have a fifth or sixth option). */
  minExpectedAtPosition: 5,
  trueShare: { min: 0.4, max: 0.6 },
  /** Multiple-response items: no position may be correct in more than this share of them. */
  multiplePositionShare: 0.75,
  /** Items per 100 words of a lesson's text: the highest lesson at most this factor times the lowest. */
  coverageFactor: 2,
  itemsPerLesson: 20,
} as const;

type BankInput = Pick<LoadedCourse, 'course' | 'source' | 'corrections' | 'lessons' | 'items'>;
type Choice = Extract<Item, { kind: 'single' | 'scenario' }>;
type Multiple = Extract<Item, { kind: 'multiple' }>;

const isChoice = (i: Item): i is Choice => i.kind === 'single' || i.kind === 'scenario';
const isMultiple = (i: Item): i is Multiple => i.kind === 'multiple';
const lengthOf = (s: string) => normalizeForQuote(s).length;

export interface KeyLengthCue {
  items: number;
  /** Items whose key is strictly longer than every distractor. */
  keyLongest: number;
  /** Mean over items of (key length ÷ mean distractor length), in characters. */
  meanRatio: number;
}

export function keyLengthCue(items: readonly Item[]): KeyLengthCue {
  const choice = items.filter(isChoice);
  let keyLongest = 0;
  let ratioSum = 0;
  for (const item of choice) {
    const key = item.options.find((o) => o.correct);
    const distractors = item.options.filter((o) => !o.correct).map((o) => lengthOf(o.text));
    if (!key || distractors.length === 0) continue;
    const keyLength = lengthOf(key.text);
    if (distractors.every((d) => keyLength > d)) keyLongest++;
    ratioSum += keyLength / (distractors.reduce((s, d) => s + d, 0) / distractors.length);
  }
  return { items: choice.length, keyLongest, meanRatio: choice.length ? ratioSum / choice.length : 0 };
}

export interface KeyPositions {
  items: number;
  /** How many single/scenario keys sit at each array position (0 = first option in the file). */
  counts: number[];
  /** What a uniform spread would give at each position: Σ 1/n over the items with n options that reach it. */
  expected: number[];
}

export function keyPositions(items: readonly Item[]): KeyPositions {
  const choice = items.filter(isChoice);
  const width = Math.max(0, ...choice.map((i) => i.options.length));
  const counts = Array.from({ length: width }, () => 0);
  const expected = Array.from({ length: width }, () => 0);
  for (const item of choice) {
    const at = item.options.findIndex((o) => o.correct);
    if (at >= 0) counts[at]!++;
    for (let p = 0; p < item.options.length; p++) expected[p]! += 1 / item.options.length;
  }
  return { items: choice.length, counts, expected };
}

export interface TrueFalseBalance {
  items: number;
  trueCount: number;
}

export function trueFalseBalance(items: readonly Item[]): TrueFalseBalance {
  const tf = items.filter((i) => i.kind === 'truefalse');
  return { items: tf.length, trueCount: tf.filter((i) => i.answer).length };
}

export interface MultiplePositions {
  items: number;
  /** In how many multiple-response items the option at each array position is correct. */
  correctAt: number[];
}

export function multiplePositions(items: readonly Item[]): MultiplePositions {
  const multiple = items.filter(isMultiple);
  const width = Math.max(0, ...multiple.map((i) => i.options.length));
  const correctAt = Array.from({ length: width }, () => 0);
  for (const item of multiple) item.options.forEach((o, p) => o.correct && correctAt[p]!++);
  return { items: multiple.length, correctAt };
}

export function levelDistribution(items: readonly Item[]): Record<(typeof LEVELS)[number], number> {
  const out = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<(typeof LEVELS)[number], number>;
  for (const i of items) out[i.level]++;
  return out;
}

export interface LessonWeight {
  lesson: string;
  words: number;
  items: number;
  itemsPer100Words: number;
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Items per 100 words of each lesson's paragraphs (the original wording, as received). */
export function coverageByWeight(c: BankInput): LessonWeight[] {
  const text = new Map(c.source.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, p.text] as const)));
  return c.lessons.map((l) => {
    const words = l.parts.flatMap((p) => p.paragraphs).reduce((n, id) => n + wordCount(text.get(id) ?? ''), 0);
    const items = c.items.filter((i) => i.lesson === l.id).length;
    return { lesson: l.id, words, items, itemsPer100Words: words ? (100 * items) / words : 0 };
  });
}

export interface LikelyKeyed {
  item: string;
  correction: string;
  how: 'editorNote' | 'quote';
}

/**
 * Items whose answer rests on a correction the editor marks `certainty: "likely"`: they name it as their editor's
 * note, or one of their quotes occurs only once that correction is applied.
 */
export function likelyKeyedItems(c: BankInput): LikelyKeyed[] {
  const likely = c.corrections.filter((x) => x.certainty === 'likely');
  if (likely.length === 0) return [];
  const text = new Map(c.source.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, p.text] as const)));
  const inParagraph = (id: string) => c.corrections.filter((x) => x.paragraph === id);
  const readingWithout = (paragraph: string, left?: Correction) =>
    correctedText(
      text.get(paragraph) ?? '',
      inParagraph(paragraph).filter((x) => x !== left),
    );
  const out: LikelyKeyed[] = [];
  for (const item of c.items) {
    for (const x of likely) {
      if (item.editorNote === x.id) {
        out.push({ item: item.id, correction: x.id, how: 'editorNote' });
        continue;
      }
      const rests = item.sources.some(
        (s) =>
          s.paragraph === x.paragraph &&
          !quoteOccursIn(s.quote, text.get(s.paragraph) ?? '') &&
          quoteOccursIn(s.quote, readingWithout(s.paragraph)) &&
          !quoteOccursIn(s.quote, readingWithout(s.paragraph, x)),
      );
      if (rests) out.push({ item: item.id, correction: x.id, how: 'quote' });
    }
  }
  return out;
}

export interface BankReport {
  keyLength: KeyLengthCue;
  positions: KeyPositions;
  trueFalse: TrueFalseBalance;
  multiple: MultiplePositions;
  levels: Record<(typeof LEVELS)[number], number>;
  weights: LessonWeight[];
  likelyKeyed: LikelyKeyed[];
}

/** The measurements over one set of items (a whole bank, or one lesson's items for the per-lesson report). */
export function itemSetReport(items: readonly Item[]) {
  return {
    keyLength: keyLengthCue(items),
    positions: keyPositions(items),
    trueFalse: trueFalseBalance(items),
    multiple: multiplePositions(items),
    levels: levelDistribution(items),
  };
}

export function bankReport(c: BankInput): BankReport {
  return { ...itemSetReport(c.items), weights: coverageByWeight(c), likelyKeyed: likelyKeyedItems(c) };
}

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** Every limit the bank exceeds, as content errors naming what to change. */
export function bankErrors(c: BankInput, r: BankReport = bankReport(c)): ContentError[] {
  const file = `content/courses/${c.course.id}/items`;
  const errors: ContentError[] = [];
  const fail = (message: string, itemId?: string, itemFile = file) => errors.push({ file: itemFile, itemId, message });
  const L = BANK_LIMITS;

  const { keyLength: k } = r;
  if (k.items > 0 && k.keyLongest > L.keyLongestShare * k.items) {
    fail(
      `the key is strictly the longest option in ${k.keyLongest} of ${k.items} single/scenario items (${pct(k.keyLongest / k.items)}); at most ${pct(L.keyLongestShare)} allowed: shorten keys or make distractors as specific`,
    );
  }
  r.positions.counts.forEach((count, p) => {
    const expected = r.positions.expected[p]!;
    if (expected >= L.minExpectedAtPosition && count > L.positionOverUniform * expected) {
      fail(
        `${count} single/scenario keys are option ${p + 1} in file order, against ${expected.toFixed(1)} for an even spread; at most ${L.positionOverUniform}× allowed: reorder the options`,
      );
    }
  });
  const tf = r.trueFalse;
  if (tf.items > 0 && (tf.trueCount < L.trueShare.min * tf.items || tf.trueCount > L.trueShare.max * tf.items)) {
    fail(
      `${tf.trueCount} of ${tf.items} true/false statements are true (${pct(tf.trueCount / tf.items)}); ${pct(L.trueShare.min)}–${pct(L.trueShare.max)} required`,
    );
  }
  r.multiple.correctAt.forEach((count, p) => {
    if (r.multiple.items > 0 && count > L.multiplePositionShare * r.multiple.items) {
      fail(
        `option ${p + 1} (file order) is correct in ${count} of ${r.multiple.items} multiple-response items; at most ${pct(L.multiplePositionShare)} allowed: reorder the options`,
      );
    }
  });
  const lessonOf = new Map(c.items.map((i) => [i.id, i.lesson]));
  for (const x of r.likelyKeyed) {
    const via = x.how === 'editorNote' ? "names as its editor's note" : 'quotes only in the corrected reading of';
    fail(
      `its answer rests on a correction the editor calls only likely: it ${via} "${x.correction}" (certainty "likely"); key it on what the text states for certain, or retire it`,
      x.item,
      `${file}/${lessonOf.get(x.item)}.json`,
    );
  }
  for (const w of r.weights) {
    if (w.items < L.itemsPerLesson)
      errors.push({
        file: `${file}/${w.lesson}.json`,
        message: `${w.items} items; at least ${L.itemsPerLesson} per lesson are required`,
      });
  }
  const rated = r.weights.filter((w) => w.words > 0);
  if (rated.length > 1) {
    const low = rated.reduce((a, b) => (b.itemsPer100Words < a.itemsPer100Words ? b : a));
    const high = rated.reduce((a, b) => (b.itemsPer100Words > a.itemsPer100Words ? b : a));
    if (high.itemsPer100Words > L.coverageFactor * low.itemsPer100Words) {
      fail(
        `coverage ignores the weight of the text: ${high.lesson} has ${high.itemsPer100Words.toFixed(1)} items per 100 words, ${low.lesson} ${low.itemsPer100Words.toFixed(1)}; at most a factor of ${L.coverageFactor} allowed`,
      );
    }
  }
  return errors;
}
