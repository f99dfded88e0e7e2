/**
 * Content schemas: the single definition of what a course folder under `content/courses/<course>/` may hold.
 * Every file is parsed with these zod schemas; types are inferred from them so they cannot drift.
 * Pure: no file system, no database (the loader in ./load.ts reads files; ./check.ts applies cross-file rules).
 */
import { z } from 'zod';

/** Cognitive levels of an item, lowest first ('evaluate': judging a claim by the text's own frame). */
export const LEVELS = ['remember', 'understand', 'apply', 'analyse', 'evaluate'] as const;

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'harus berupa slug huruf kecil, angka dan tanda hubung (mis. "keamanan-kolektif")',
  );
const text = z.string().trim().min(1, 'tidak boleh kosong');

export const paragraphSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+-\d{2}$/, 'id paragraf seperti "keamanan-kolektif-03"'),
  sourceLine: z.number().int().positive(),
  text,
});

export const sourceSchema = z.strictObject({
  title: text,
  sourceFile: text,
  note: text,
  sections: z
    .array(
      z.strictObject({
        id: slug,
        title: text,
        titleOriginal: z.string().nullable(),
        paragraphs: z.array(paragraphSchema).min(1),
      }),
    )
    .min(1),
});

/**
 * A fix applied to the original wording to produce the reading learners see. Every occurrence of `original` in the
 * paragraph is replaced.
 * - typo: spelling or punctuation only; shown silently.
 * - meaning: the correction changes what the sentence says; shown as an editor's note beside the original wording.
 * - note: the wording stays, but learners need a remark (e.g. a name or term explained); shown as an editor's note.
 */
export const correctionSchema = z
  .strictObject({
    id: slug,
    paragraph: z.string(),
    original: z.string().min(1),
    corrected: z.string(),
    kind: z.enum(['typo', 'meaning', 'note']),
    reason: z.string().optional(),
    /**
     * "likely" when the editor can only say what the text most likely means (e.g. "kemungkinan besar"). Learners
     * still read the correction, but no item may be keyed on it alone (content:check refuses such an item).
     */
    certainty: z.enum(['likely']).optional(),
  })
  .refine((c) => c.kind === 'typo' || (c.reason ?? '').trim().length > 0, {
    path: ['reason'],
    message: 'wajib diisi untuk koreksi "meaning" dan "note" (alasan yang ditunjukkan kepada pelajar)',
  })
  .refine((c) => c.certainty === undefined || c.kind !== 'typo', {
    path: ['certainty'],
    message: 'hanya untuk koreksi "meaning" atau "note": koreksi ejaan tidak bisa "likely"',
  })
  .refine((c) => c.kind !== 'note' || c.corrected === c.original, {
    path: ['corrected'],
    message: 'untuk "note", corrected harus sama dengan original',
  });

export const correctionsSchema = z.array(correctionSchema);

export const glossaryEntrySchema = z.strictObject({
  term: text,
  english: z.string().optional(),
  definition: text,
  paragraph: z.string(),
});

export const lessonSchema = z.strictObject({
  id: slug,
  order: z.number().int().positive(),
  title: text,
  section: slug,
  summary: text,
  objectives: z.array(text).min(2),
  /** Parts of the lesson, each a run of consecutive paragraphs, with questions answerable in place after it. */
  parts: z
    .array(
      z.strictObject({
        title: text,
        paragraphs: z.array(z.string()).min(1),
      }),
    )
    .min(1),
  glossary: z.array(glossaryEntrySchema).min(3),
});

export const sourceRefSchema = z.strictObject({
  paragraph: z.string(),
  quote: text,
});

const option = z.strictObject({
  id: z.string().regex(/^[a-f]$/, 'id opsi: satu huruf a–f'),
  text,
  correct: z.boolean(),
  feedback: text,
});

const itemBase = {
  id: z.string().regex(/^[a-z]{2}-\d{3}$/, 'id butir seperti "pk-007"'),
  lesson: slug,
  concepts: z.array(slug).min(1),
  level: z.enum(LEVELS),
  difficulty: z.number().int().min(1).max(5),
  sibling: slug,
  prompt: text,
  explanation: text,
  sources: z.array(sourceRefSchema).min(1),
  /** Id of a correction of kind "meaning" (or a "note") that this item's answer relies on: shown with its feedback. */
  editorNote: slug.optional(),
};

export const singleChoiceSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('single'),
  options: z
    .array(option)
    .min(4, 'pilihan ganda butuh 4–5 opsi (3–4 pengecoh)')
    .max(5, 'pilihan ganda butuh 4–5 opsi (3–4 pengecoh)'),
});

export const scenarioSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('scenario'),
  options: z.array(option).min(3).max(6),
});

export const multipleChoiceSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('multiple'),
  options: z.array(option).min(4).max(6),
});

export const trueFalseSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('truefalse'),
  answer: z.boolean(),
  /** For a false statement: the corrected statement. */
  correction: z.string().optional(),
});

export const clozeSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('cloze'),
  /** Sentence with exactly one blank written as "___". */
  text: z.string().refine((s) => s.split('___').length === 2, 'harus memuat tepat satu "___"'),
  answers: z.array(text).min(1),
  /** Near-misses that name a different concept and must never be accepted. */
  rejects: z.array(text).default([]),
});

export const shortAnswerSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('short'),
  answers: z.array(text).min(1),
  rejects: z.array(text).default([]),
});

export const matchingSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('matching'),
  pairs: z
    .array(z.strictObject({ left: text, right: text }))
    .min(3)
    .max(6),
});

export const orderingSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('ordering'),
  /** In the correct order. */
  steps: z.array(text).min(3).max(7),
});

export const itemSchema = z.discriminatedUnion('kind', [
  singleChoiceSchema,
  multipleChoiceSchema,
  trueFalseSchema,
  clozeSchema,
  shortAnswerSchema,
  matchingSchema,
  orderingSchema,
  scenarioSchema,
]);

export const itemFileSchema = z.array(itemSchema);

export const comparisonCellSchema = z.strictObject({
  text,
  sources: z.array(sourceRefSchema).min(1),
});

export const comparisonSchema = z.strictObject({
  dimensions: z.array(z.strictObject({ id: slug, label: text })).min(1),
  structures: z
    .array(
      z.strictObject({
        id: slug,
        name: text,
        english: text,
        lesson: slug,
        cells: z.record(z.string(), comparisonCellSchema),
      }),
    )
    .min(1),
});

export const courseSchema = z.strictObject({
  id: slug,
  title: text,
  description: text,
  language: z.enum(['id', 'en']),
  lessons: z.array(slug).min(1),
  /** Every concept an item names (its `concepts`), with the name learners and instructors see. */
  concepts: z.record(slug, text),
});

export type Paragraph = z.infer<typeof paragraphSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item['kind'];
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type Course = z.infer<typeof courseSchema>;
