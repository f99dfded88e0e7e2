/**
 * Cross-file rules of a course, applied after every file passed its zod schema. Pure over the loaded course
 * (the id lock is passed in). Produces errors (which fail `npm run content:check`), a coverage report, and the
 * bank-wide measurements of ./bank-checks.ts (whose limits fail the check too).
 */
import { matchTypedAnswer, normalizeAnswer } from '@/lib/domain/text-match';
import { bankErrors, bankReport, type BankReport } from './bank-checks';
import type { ContentError, LoadedCourse } from './load';
import { correctedText } from './reading';
import type { Item, ItemKind } from './schema';
import { quoteOccursIn } from './text';

/** Minimums over the whole course; the per-lesson minimum and the weight rule are in BANK_LIMITS. */
export const MINIMUMS = {
  itemsPerCourse: 240,
  aboveRememberShare: 0.25,
  kinds: ['single', 'multiple', 'truefalse', 'cloze', 'short', 'matching', 'ordering', 'scenario'] as ItemKind[],
  perKind: 8,
};

/** Every id ever published, with what it was, so an id is never reused for a different question. */
export type IdLock = Record<string, { lesson: string; kind: string; retired?: boolean }>;

export interface CoverageRow {
  lesson: string;
  section: string;
  items: number;
  paragraphs: number;
  paragraphsCovered: number;
  aboveRemember: number;
  kinds: Partial<Record<ItemKind, number>>;
}

export interface CheckResult {
  errors: ContentError[];
  notes: string[];
  coverage: CoverageRow[];
  totals: {
    items: number;
    aboveRemember: number;
    kinds: Partial<Record<ItemKind, number>>;
    levels: Record<string, number>;
  };
  bank: BankReport;
}

function tokens(s: string): Set<string> {
  return new Set(
    normalizeAnswer(s)
      .split(' ')
      .filter((w) => w.length > 2),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

function answerTextOf(item: Item): string {
  switch (item.kind) {
    case 'single':
    case 'scenario':
    case 'multiple':
      return item.options
        .filter((o) => o.correct)
        .map((o) => o.text)
        .join(' ');
    case 'truefalse':
      return String(item.answer);
    case 'cloze':
    case 'short':
      return item.answers.join(' ');
    case 'matching':
      return item.pairs.map((p) => `${p.left} ${p.right}`).join(' ');
    case 'ordering':
      return item.steps.join(' ');
  }
}

/** Does the prompt (or cloze sentence) contain its own answer? */
function givesAnswerAway(item: Item): string | null {
  const prompt = ` ${normalizeAnswer(item.prompt + (item.kind === 'cloze' ? ` ${item.text}` : ''))} `;
  if (item.kind === 'cloze' || item.kind === 'short') {
    const hit = item.answers.find((a) => normalizeAnswer(a).length > 0 && prompt.includes(` ${normalizeAnswer(a)} `));
    return hit ? `the prompt contains the answer "${hit}"` : null;
  }
  if (item.kind === 'single' || item.kind === 'scenario') {
    const right = item.options.find((o) => o.correct);
    const r = right ? normalizeAnswer(right.text) : '';
    // Only multi-word answers: a one-word option (e.g. "NATO") may legitimately appear in a scenario.
    if (right && r.split(' ').length >= 3 && prompt.includes(` ${r} `))
      return `the prompt contains the right option "${right.text}"`;
  }
  return null;
}

/** What the item, lesson and comparison rules need to know about the text. */
interface TextIndex {
  courseFile: string;
  paragraphs: Map<string, { text: string; section: string }>;
  quoteOk: (paragraph: string, quote: string) => boolean;
  /** Corrections of kind "meaning" or "note": the ones an item may name as its editor's note. */
  noteIds: Set<string>;
}

function indexText(c: LoadedCourse, errors: ContentError[]): TextIndex {
  const courseFile = `content/courses/${c.course.id}`;
  const paragraphs = new Map<string, { text: string; section: string }>();
  for (const s of c.source.sections)
    for (const p of s.paragraphs) {
      if (paragraphs.has(p.id))
        errors.push({ file: `${courseFile}/source.json`, field: p.id, message: 'duplicate paragraph id' });
      paragraphs.set(p.id, { text: p.text, section: s.id });
    }
  const correctionsByParagraph = new Map<string, typeof c.corrections>();
  const correctionIds = new Set<string>();
  for (const corr of c.corrections) {
    const file = `${courseFile}/corrections.json`;
    if (correctionIds.has(corr.id)) errors.push({ file, field: corr.id, message: 'duplicate correction id' });
    correctionIds.add(corr.id);
    const p = paragraphs.get(corr.paragraph);
    if (!p) errors.push({ file, field: corr.id, message: `unknown paragraph "${corr.paragraph}"` });
    else if (!p.text.includes(corr.original))
      errors.push({ file, field: corr.id, message: `"${corr.original}" does not occur in ${corr.paragraph}` });
    const list = correctionsByParagraph.get(corr.paragraph) ?? [];
    list.push(corr);
    correctionsByParagraph.set(corr.paragraph, list);
  }
  const correctedById = new Map(
    [...paragraphs].map(([id, p]) => [id, correctedText(p.text, correctionsByParagraph.get(id) ?? [])]),
  );
  const quoteOk = (paragraph: string, quote: string) =>
    quoteOccursIn(quote, paragraphs.get(paragraph)?.text ?? '') ||
    quoteOccursIn(quote, correctedById.get(paragraph) ?? '');
  const noteIds = new Set(c.corrections.filter((x) => x.kind !== 'typo').map((x) => x.id));
  return { courseFile, paragraphs, quoteOk, noteIds };
}

/** The course lists its lessons; their parts cover the section's paragraphs once. */
function checkLessons(c: LoadedCourse, t: TextIndex, errors: ContentError[]): void {
  const { courseFile, paragraphs } = t;
  for (const id of c.course.lessons)
    if (!c.lessons.some((l) => l.id === id))
      errors.push({
        file: `${courseFile}/course.json`,
        field: 'lessons',
        message: `lesson "${id}" has no file lessons/${id}.json`,
      });
  const partParagraphs = new Set<string>();
  for (const l of c.lessons) {
    const file = `${courseFile}/lessons/${l.id}.json`;
    if (!c.course.lessons.includes(l.id)) errors.push({ file, message: 'lesson is not listed in course.json' });
    if (!c.source.sections.some((s) => s.id === l.section))
      errors.push({ file, field: 'section', message: `unknown section "${l.section}"` });
    for (const part of l.parts)
      for (const pid of part.paragraphs) {
        const p = paragraphs.get(pid);
        if (!p) errors.push({ file, field: 'parts', message: `unknown paragraph "${pid}"` });
        else if (p.section !== l.section)
          errors.push({ file, field: 'parts', message: `paragraph "${pid}" is not in section "${l.section}"` });
        if (partParagraphs.has(pid))
          errors.push({ file, field: 'parts', message: `paragraph "${pid}" appears in more than one part` });
        partParagraphs.add(pid);
      }
    for (const g of l.glossary)
      if (!paragraphs.has(g.paragraph))
        errors.push({ file, field: `glossary.${g.term}`, message: `unknown paragraph "${g.paragraph}"` });
  }
  for (const pid of paragraphs.keys())
    if (c.lessons.length && !partParagraphs.has(pid))
      errors.push({ file: `${courseFile}/lessons`, message: `paragraph "${pid}" is in no lesson part` });
}

/** Rules of one item's own fields (its answer shape, quotes, names). */
function checkItemShape(
  item: Item,
  t: TextIndex,
  err: (message: string, field?: string) => void,
  covered: Map<string, number>,
): void {
  item.sources.forEach((s, i) => {
    if (!t.paragraphs.has(s.paragraph)) err(`unknown paragraph "${s.paragraph}"`, `sources.${i}.paragraph`);
    else if (!t.quoteOk(s.paragraph, s.quote))
      err(`quote does not occur in ${s.paragraph}: "${s.quote.slice(0, 80)}…"`, `sources.${i}.quote`);
    else covered.set(s.paragraph, (covered.get(s.paragraph) ?? 0) + 1);
  });
  if (item.editorNote && !t.noteIds.has(item.editorNote))
    err(`unknown editor's note "${item.editorNote}"`, 'editorNote');
  const away = givesAnswerAway(item);
  if (away) err(away, 'prompt');
  if (item.kind === 'single' || item.kind === 'scenario') {
    if (item.options.filter((o) => o.correct).length !== 1) err('needs exactly one correct option', 'options');
  }
  if (item.kind === 'multiple') {
    const n = item.options.filter((o) => o.correct).length;
    if (n < 2 || n === item.options.length)
      err('needs at least two correct options and at least one wrong one', 'options');
  }
  if ('options' in item) {
    const ids = item.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) err('option ids must be unique', 'options');
    const texts = item.options.map((o) => normalizeAnswer(o.text));
    if (new Set(texts).size !== texts.length) err('two options have the same text', 'options');
  }
  if (item.kind === 'truefalse' && !item.answer && !item.correction?.trim())
    err('a false statement needs its correction', 'correction');
  if (item.kind === 'cloze' || item.kind === 'short') {
    for (const reject of item.rejects) {
      if (matchTypedAnswer(reject, item.answers, item.rejects).accepted)
        err(`the grader would accept the wrong concept "${reject}"`, 'rejects');
    }
  }
  if (item.kind === 'matching') {
    const rights = item.pairs.map((p) => normalizeAnswer(p.right));
    const lefts = item.pairs.map((p) => normalizeAnswer(p.left));
    if (new Set(rights).size !== rights.length || new Set(lefts).size !== lefts.length)
      err('matching sides must be unique', 'pairs');
  }
  if (item.kind === 'ordering' && new Set(item.steps.map(normalizeAnswer)).size !== item.steps.length)
    err('ordering steps must be unique', 'steps');
}

/** Every item: unique id in its lesson's file, id never reused, named concepts; returns which paragraphs are cited. */
function checkItems(
  c: LoadedCourse,
  t: TextIndex,
  lock: IdLock,
  errors: ContentError[],
  notes: string[],
): Map<string, number> {
  const seen = new Set<string>();
  const covered = new Map<string, number>();
  const namedConceptsUsed = new Set<string>();
  for (const item of c.items) {
    const file = c.itemFiles.get(item.id) ?? t.courseFile;
    const err = (message: string, field?: string) => errors.push({ file, itemId: item.id, field, message });
    if (seen.has(item.id)) err(`duplicate id (also in ${c.itemFiles.get(item.id)})`, 'id');
    seen.add(item.id);
    if (!c.lessons.some((l) => l.id === item.lesson)) err(`unknown lesson "${item.lesson}"`, 'lesson');
    else if (!file.endsWith(`/${item.lesson}.json`))
      err(`item of lesson "${item.lesson}" is in the wrong file`, 'lesson');
    const locked = lock[item.id];
    if (locked && (locked.lesson !== item.lesson || locked.kind !== item.kind)) {
      err(
        `id was published as a ${locked.kind} item of "${locked.lesson}": ids are never reused; give this item a new id`,
        'id',
      );
    }
    for (const concept of item.concepts) {
      if (!Object.hasOwn(c.course.concepts, concept))
        err(`concept "${concept}" has no name in course.json "concepts"`, 'concepts');
      else namedConceptsUsed.add(concept);
    }
    checkItemShape(item, t, err, covered);
  }
  for (const concept of Object.keys(c.course.concepts)) {
    if (!namedConceptsUsed.has(concept))
      errors.push({
        file: `${t.courseFile}/course.json`,
        field: `concepts.${concept}`,
        message: 'no item tests this concept',
      });
  }
  for (const [id, entry] of Object.entries(lock)) {
    if (!seen.has(id) && !entry.retired) {
      errors.push({
        file: `${t.courseFile}/item-ids.lock.json`,
        itemId: id,
        message:
          'item disappeared: mark it "retired": true in the lock (its history is kept), never delete or reuse the id',
      });
    }
  }
  const newIds = c.items.filter((i) => !lock[i.id]).length;
  if (newIds > 0)
    notes.push(`${newIds} item id(s) not yet in item-ids.lock.json: run npm run content:lock after review.`);
  return covered;
}

/** Same kind, near-identical prompt and answer. */
function checkDuplicates(c: LoadedCourse, courseFile: string, errors: ContentError[]): void {
  const list = c.items.map((i) => ({
    i,
    p: tokens(i.prompt + (i.kind === 'cloze' ? i.text : '')),
    a: tokens(answerTextOf(i)),
  }));
  for (let x = 0; x < list.length; x++) {
    for (let y = x + 1; y < list.length; y++) {
      const A = list[x]!;
      const B = list[y]!;
      if (A.i.kind !== B.i.kind) continue;
      if (jaccard(A.p, B.p) >= 0.85 && jaccard(A.a, B.a) >= 0.85) {
        errors.push({
          file: c.itemFiles.get(B.i.id) ?? courseFile,
          itemId: B.i.id,
          message: `duplicates item ${A.i.id}`,
        });
      }
    }
  }
}

function coverageRows(c: LoadedCourse, covered: Map<string, number>): CoverageRow[] {
  return c.lessons.map((l) => {
    const items = c.items.filter((i) => i.lesson === l.id);
    const sectionParagraphs = l.parts.flatMap((p) => p.paragraphs);
    const kinds: Partial<Record<ItemKind, number>> = {};
    for (const i of items) kinds[i.kind] = (kinds[i.kind] ?? 0) + 1;
    return {
      lesson: l.id,
      section: l.section,
      items: items.length,
      paragraphs: sectionParagraphs.length,
      paragraphsCovered: sectionParagraphs.filter((p) => covered.has(p)).length,
      aboveRemember: items.filter((i) => i.level !== 'remember').length,
      kinds,
    };
  });
}

/** Every paragraph cited; enough items overall, of each kind, and above "remember". */
function checkMinimums(
  c: LoadedCourse,
  t: TextIndex,
  covered: Map<string, number>,
  errors: ContentError[],
): CheckResult['totals'] {
  for (const pid of t.paragraphs.keys()) {
    if (!covered.has(pid)) errors.push({ file: t.courseFile, message: `paragraph "${pid}" is cited by no item` });
  }
  const kinds: Partial<Record<ItemKind, number>> = {};
  const levels: Record<string, number> = {};
  for (const i of c.items) {
    kinds[i.kind] = (kinds[i.kind] ?? 0) + 1;
    levels[i.level] = (levels[i.level] ?? 0) + 1;
  }
  const aboveRemember = c.items.filter((i) => i.level !== 'remember').length;
  if (c.items.length < MINIMUMS.itemsPerCourse)
    errors.push({
      file: t.courseFile,
      message: `${c.items.length} items; at least ${MINIMUMS.itemsPerCourse} are required`,
    });
  if (aboveRemember < MINIMUMS.aboveRememberShare * c.items.length) {
    errors.push({
      file: t.courseFile,
      message: `only ${aboveRemember} of ${c.items.length} items are above "remember"; at least a quarter are required`,
    });
  }
  for (const k of MINIMUMS.kinds) {
    if ((kinds[k] ?? 0) < MINIMUMS.perKind)
      errors.push({
        file: t.courseFile,
        message: `${kinds[k] ?? 0} "${k}" items; at least ${MINIMUMS.perKind} are required`,
      });
  }
  return { items: c.items.length, aboveRemember, kinds, levels };
}

/** Comparison table: every structure has every dimension, every quote occurs. */
function checkComparison(c: LoadedCourse, t: TextIndex, errors: ContentError[]): void {
  const file = `${t.courseFile}/comparison.json`;
  if (!c.comparison) {
    errors.push({ file, message: 'file is missing (the side-by-side comparison of the structures)' });
    return;
  }
  for (const s of c.comparison.structures) {
    if (!c.lessons.some((l) => l.id === s.lesson))
      errors.push({ file, field: `${s.id}.lesson`, message: `unknown lesson "${s.lesson}"` });
    for (const d of c.comparison.dimensions) {
      const cell = s.cells[d.id];
      if (!cell) {
        errors.push({ file, field: `${s.id}.cells.${d.id}`, message: 'missing cell' });
        continue;
      }
      cell.sources.forEach((src, i) => {
        if (!t.paragraphs.has(src.paragraph))
          errors.push({
            file,
            field: `${s.id}.cells.${d.id}.sources.${i}`,
            message: `unknown paragraph "${src.paragraph}"`,
          });
        else if (!t.quoteOk(src.paragraph, src.quote))
          errors.push({
            file,
            field: `${s.id}.cells.${d.id}.sources.${i}`,
            message: `quote does not occur in ${src.paragraph}: "${src.quote.slice(0, 60)}…"`,
          });
      });
    }
  }
}

export function checkCourse(c: LoadedCourse, lock: IdLock): CheckResult {
  const errors: ContentError[] = [];
  const notes: string[] = [];
  const text = indexText(c, errors);
  checkLessons(c, text, errors);
  const covered = checkItems(c, text, lock, errors, notes);
  checkDuplicates(c, text.courseFile, errors);
  const coverage = coverageRows(c, covered);
  const totals = checkMinimums(c, text, covered, errors);
  checkComparison(c, text, errors);
  const bank = bankReport(c);
  errors.push(...bankErrors(c, bank));
  return { errors, notes, coverage, totals, bank };
}
