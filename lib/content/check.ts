/**
 * Cross-file rules of a course, applied after every file passed its zod schema. Pure over the loaded course
 * (the id lock is passed in). Produces errors (which fail `npm run content:check`) and a coverage report.
 */
import { matchTypedAnswer, normalizeAnswer } from '@/lib/domain/text-match';
import type { ContentError, LoadedCourse } from './load';
import { correctedText } from './reading';
import type { Item, ItemKind } from './schema';
import { quoteOccursIn } from './text';

export const MINIMUMS = {
  itemsPerCourse: 240,
  itemsPerLesson: 30,
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
  totals: { items: number; aboveRemember: number; kinds: Partial<Record<ItemKind, number>>; levels: Record<string, number> };
}

function tokens(s: string): Set<string> {
  return new Set(normalizeAnswer(s).split(' ').filter((w) => w.length > 2));
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
      return item.options.filter((o) => o.correct).map((o) => o.text).join(' ');
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
    if (right && r.split(' ').length >= 3 && prompt.includes(` ${r} `)) return `the prompt contains the right option "${right.text}"`;
  }
  return null;
}

export function checkCourse(c: LoadedCourse, lock: IdLock): CheckResult {
  const errors: ContentError[] = [];
  const notes: string[] = [];
  const courseFile = `content/courses/${c.course.id}`;
  const paragraphs = new Map<string, { text: string; section: string }>();
  for (const s of c.source.sections) for (const p of s.paragraphs) {
    if (paragraphs.has(p.id)) errors.push({ file: `${courseFile}/source.json`, field: p.id, message: 'duplicate paragraph id' });
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
    else if (!p.text.includes(corr.original)) errors.push({ file, field: corr.id, message: `"${corr.original}" does not occur in ${corr.paragraph}` });
    const list = correctionsByParagraph.get(corr.paragraph) ?? [];
    list.push(corr);
    correctionsByParagraph.set(corr.paragraph, list);
  }
  const correctedById = new Map([...paragraphs].map(([id, p]) => [id, correctedText(p.text, correctionsByParagraph.get(id) ?? [])]));
  const quoteOk = (paragraph: string, quote: string) =>
    quoteOccursIn(quote, paragraphs.get(paragraph)?.text ?? '') || quoteOccursIn(quote, correctedById.get(paragraph) ?? '');
  const noteIds = new Set(c.corrections.filter((x) => x.kind !== 'typo').map((x) => x.id));

  // Lessons: the course lists them; parts cover the section's paragraphs once, in order.
  const lessonById = new Map(c.lessons.map((l) => [l.id, l]));
  for (const id of c.course.lessons) if (!lessonById.has(id)) errors.push({ file: `${courseFile}/course.json`, field: 'lessons', message: `lesson "${id}" has no file lessons/${id}.json` });
  const partParagraphs = new Set<string>();
  for (const l of c.lessons) {
    const file = `${courseFile}/lessons/${l.id}.json`;
    if (!c.course.lessons.includes(l.id)) errors.push({ file, message: 'lesson is not listed in course.json' });
    if (!c.source.sections.some((s) => s.id === l.section)) errors.push({ file, field: 'section', message: `unknown section "${l.section}"` });
    for (const part of l.parts) for (const pid of part.paragraphs) {
      const p = paragraphs.get(pid);
      if (!p) errors.push({ file, field: 'parts', message: `unknown paragraph "${pid}"` });
      else if (p.section !== l.section) errors.push({ file, field: 'parts', message: `paragraph "${pid}" is not in section "${l.section}"` });
      if (partParagraphs.has(pid)) errors.push({ file, field: 'parts', message: `paragraph "${pid}" appears in more than one part` });
      partParagraphs.add(pid);
    }
    for (const g of l.glossary) if (!paragraphs.has(g.paragraph)) errors.push({ file, field: `glossary.${g.term}`, message: `unknown paragraph "${g.paragraph}"` });
  }
  for (const pid of paragraphs.keys()) if (c.lessons.length && !partParagraphs.has(pid)) errors.push({ file: `${courseFile}/lessons`, message: `paragraph "${pid}" is in no lesson part` });

  // Items.
  const seen = new Map<string, Item>();
  const covered = new Map<string, number>();
  const namedConceptsUsed = new Set<string>();
  for (const item of c.items) {
    const file = c.itemFiles.get(item.id) ?? courseFile;
    const err = (message: string, field?: string) => errors.push({ file, itemId: item.id, field, message });
    if (seen.has(item.id)) err(`duplicate id (also in ${c.itemFiles.get(item.id)})`, 'id');
    seen.set(item.id, item);
    if (!lessonById.has(item.lesson)) err(`unknown lesson "${item.lesson}"`, 'lesson');
    else if (!file.endsWith(`/${item.lesson}.json`)) err(`item of lesson "${item.lesson}" is in the wrong file`, 'lesson');
    const locked = lock[item.id];
    if (locked && (locked.lesson !== item.lesson || locked.kind !== item.kind)) {
      err(`id was published as a ${locked.kind} item of "${locked.lesson}": ids are never reused; give this item a new id`, 'id');
    }
    item.sources.forEach((s, i) => {
      if (!paragraphs.has(s.paragraph)) err(`unknown paragraph "${s.paragraph}"`, `sources.${i}.paragraph`);
      else if (!quoteOk(s.paragraph, s.quote)) err(`quote does not occur in ${s.paragraph}: "${s.quote.slice(0, 80)}…"`, `sources.${i}.quote`);
      else covered.set(s.paragraph, (covered.get(s.paragraph) ?? 0) + 1);
    });
    if (item.editorNote && !noteIds.has(item.editorNote)) err(`unknown editor's note "${item.editorNote}"`, 'editorNote');
    for (const concept of item.concepts) {
      if (!Object.hasOwn(c.course.concepts, concept)) err(`concept "${concept}" has no name in course.json "concepts"`, 'concepts');
      else namedConceptsUsed.add(concept);
    }
    const away = givesAnswerAway(item);
    if (away) err(away, 'prompt');
    if (item.kind === 'single' || item.kind === 'scenario') {
      if (item.options.filter((o) => o.correct).length !== 1) err('needs exactly one correct option', 'options');
    }
    if (item.kind === 'multiple') {
      const n = item.options.filter((o) => o.correct).length;
      if (n < 2 || n === item.options.length) err('needs at least two correct options and at least one wrong one', 'options');
    }
    if ('options' in item) {
      const ids = item.options.map((o) => o.id);
      if (new Set(ids).size !== ids.length) err('option ids must be unique', 'options');
      const texts = item.options.map((o) => normalizeAnswer(o.text));
      if (new Set(texts).size !== texts.length) err('two options have the same text', 'options');
    }
    if (item.kind === 'truefalse' && !item.answer && !item.correction?.trim()) err('a false statement needs its correction', 'correction');
    if (item.kind === 'cloze' || item.kind === 'short') {
      for (const reject of item.rejects) {
        if (matchTypedAnswer(reject, item.answers, item.rejects).accepted) err(`the grader would accept the wrong concept "${reject}"`, 'rejects');
      }
    }
    if (item.kind === 'matching') {
      const rights = item.pairs.map((p) => normalizeAnswer(p.right));
      const lefts = item.pairs.map((p) => normalizeAnswer(p.left));
      if (new Set(rights).size !== rights.length || new Set(lefts).size !== lefts.length) err('matching sides must be unique', 'pairs');
    }
    if (item.kind === 'ordering' && new Set(item.steps.map(normalizeAnswer)).size !== item.steps.length) err('ordering steps must be unique', 'steps');
  }
  for (const concept of Object.keys(c.course.concepts)) {
    if (!namedConceptsUsed.has(concept)) errors.push({ file: `${courseFile}/course.json`, field: `concepts.${concept}`, message: 'no item tests this concept' });
  }
  for (const [id, entry] of Object.entries(lock)) {
    if (!seen.has(id) && !entry.retired) {
      errors.push({ file: `${courseFile}/item-ids.lock.json`, itemId: id, message: 'item disappeared: mark it "retired": true in the lock (its history is kept), never delete or reuse the id' });
    }
  }
  const newIds = c.items.filter((i) => !lock[i.id]).length;
  if (newIds > 0) notes.push(`${newIds} item id(s) not yet in item-ids.lock.json: run npm run content:lock after review.`);

  // Duplicates: same kind, near-identical prompt and answer.
  const list = c.items.map((i) => ({ i, p: tokens(i.prompt + (i.kind === 'cloze' ? i.text : '')), a: tokens(answerTextOf(i)) }));
  for (let x = 0; x < list.length; x++) {
    for (let y = x + 1; y < list.length; y++) {
      const A = list[x]!;
      const B = list[y]!;
      if (A.i.kind !== B.i.kind) continue;
      if (jaccard(A.p, B.p) >= 0.85 && jaccard(A.a, B.a) >= 0.85) {
        errors.push({ file: c.itemFiles.get(B.i.id) ?? courseFile, itemId: B.i.id, message: `duplicates item ${A.i.id}` });
      }
    }
  }

  // Coverage and minimums.
  for (const pid of paragraphs.keys()) {
    if (!covered.has(pid)) errors.push({ file: courseFile, message: `paragraph "${pid}" is cited by no item` });
  }
  const coverage: CoverageRow[] = c.lessons.map((l) => {
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
  for (const row of coverage) {
    if (row.items < MINIMUMS.itemsPerLesson) errors.push({ file: `${courseFile}/items/${row.lesson}.json`, message: `${row.items} items; at least ${MINIMUMS.itemsPerLesson} per lesson are required` });
  }
  const kinds: Partial<Record<ItemKind, number>> = {};
  const levels: Record<string, number> = {};
  for (const i of c.items) {
    kinds[i.kind] = (kinds[i.kind] ?? 0) + 1;
    levels[i.level] = (levels[i.level] ?? 0) + 1;
  }
  const aboveRemember = c.items.filter((i) => i.level !== 'remember').length;
  if (c.items.length < MINIMUMS.itemsPerCourse) errors.push({ file: courseFile, message: `${c.items.length} items; at least ${MINIMUMS.itemsPerCourse} are required` });
  if (aboveRemember < MINIMUMS.aboveRememberShare * c.items.length) {
    errors.push({ file: courseFile, message: `only ${aboveRemember} of ${c.items.length} items are above "remember"; at least a quarter are required` });
  }
  for (const k of MINIMUMS.kinds) {
    if ((kinds[k] ?? 0) < MINIMUMS.perKind) errors.push({ file: courseFile, message: `${kinds[k] ?? 0} "${k}" items; at least ${MINIMUMS.perKind} are required` });
  }

  // Comparison table: every structure has every dimension, every quote occurs.
  if (c.comparison) {
    const file = `${courseFile}/comparison.json`;
    for (const s of c.comparison.structures) {
      if (!lessonById.has(s.lesson)) errors.push({ file, field: `${s.id}.lesson`, message: `unknown lesson "${s.lesson}"` });
      for (const d of c.comparison.dimensions) {
        const cell = s.cells[d.id];
        if (!cell) {
          errors.push({ file, field: `${s.id}.cells.${d.id}`, message: 'missing cell' });
          continue;
        }
        cell.sources.forEach((src, i) => {
          if (!paragraphs.has(src.paragraph)) errors.push({ file, field: `${s.id}.cells.${d.id}.sources.${i}`, message: `unknown paragraph "${src.paragraph}"` });
          else if (!quoteOk(src.paragraph, src.quote)) errors.push({ file, field: `${s.id}.cells.${d.id}.sources.${i}`, message: `quote does not occur in ${src.paragraph}: "${src.quote.slice(0, 60)}…"` });
        });
      }
    }
  } else {
    errors.push({ file: `${courseFile}/comparison.json`, message: 'file is missing (the side-by-side comparison of the structures)' });
  }

  return { errors, notes, coverage, totals: { items: c.items.length, aboveRemember, kinds, levels } };
}
