/**
 * The course catalogue the app serves, read from content/ once per process and validated (files and cross-file
 * rules). Pages read lessons, glossary, comparison and editor's notes from here; the database holds the same
 * items for review history (see lib/data/content-sync.internal.ts).
 */
import { loadAndCheckAll } from './course-files';
import { formatContentError, type LoadedCourse } from './load';
import { readingOf, correctedQuote, type ReadingSegment } from './reading';
import type { Correction, Item, Lesson, SourceRef } from './schema';

export interface CourseCatalog {
  course: LoadedCourse;
  lessonById: Map<string, Lesson>;
  itemById: Map<string, Item>;
  paragraphById: Map<string, { id: string; text: string; section: string; lesson: string | undefined }>;
  correctionsByParagraph: Map<string, Correction[]>;
}

let cache: Promise<Map<string, CourseCatalog>> | undefined;

async function build(): Promise<Map<string, CourseCatalog>> {
  const out = new Map<string, CourseCatalog>();
  for (const r of await loadAndCheckAll()) {
    const errors = [...r.loadErrors, ...(r.check?.errors ?? [])];
    if (!r.course || errors.length)
      throw new Error(`Invalid course content in ${r.dir}:\n${errors.slice(0, 5).map(formatContentError).join('\n')}`);
    const c = r.course;
    const lessonOfParagraph = new Map(
      c.lessons.flatMap((l) => l.parts.flatMap((p) => p.paragraphs.map((pid) => [pid, l.id] as const))),
    );
    const correctionsByParagraph = new Map<string, Correction[]>();
    for (const corr of c.corrections)
      correctionsByParagraph.set(corr.paragraph, [...(correctionsByParagraph.get(corr.paragraph) ?? []), corr]);
    out.set(c.course.id, {
      course: c,
      lessonById: new Map(c.lessons.map((l) => [l.id, l])),
      itemById: new Map(c.items.map((i) => [i.id, i])),
      paragraphById: new Map(
        c.source.sections.flatMap((s) =>
          s.paragraphs.map(
            (p) => [p.id, { id: p.id, text: p.text, section: s.id, lesson: lessonOfParagraph.get(p.id) }] as const,
          ),
        ),
      ),
      correctionsByParagraph,
    });
  }
  return out;
}

export async function catalogs(): Promise<Map<string, CourseCatalog>> {
  cache ??= build().catch((e) => {
    cache = undefined;
    throw e;
  });
  return cache;
}

export async function courseCatalog(courseId: string): Promise<CourseCatalog | undefined> {
  return (await catalogs()).get(courseId);
}

/** Finds an item in any course. */
export async function findItem(itemId: string): Promise<{ catalog: CourseCatalog; item: Item } | undefined> {
  for (const catalog of (await catalogs()).values()) {
    const item = catalog.itemById.get(itemId);
    if (item) return { catalog, item };
  }
  return undefined;
}

export function paragraphReading(catalog: CourseCatalog, paragraphId: string): ReadingSegment[] {
  const p = catalog.paragraphById.get(paragraphId);
  return p ? readingOf(p.text, catalog.correctionsByParagraph.get(paragraphId) ?? []) : [];
}

export interface SourceView {
  paragraph: string;
  quote: string;
  lesson: string | undefined;
  href: string;
}

/** A source reference as learners see it: the quote with typo fixes and a link to its paragraph in the lesson. */
export function sourceView(catalog: CourseCatalog, ref: SourceRef): SourceView {
  const p = catalog.paragraphById.get(ref.paragraph);
  const lesson = p?.lesson;
  return {
    paragraph: ref.paragraph,
    quote: correctedQuote(ref.quote, catalog.correctionsByParagraph.get(ref.paragraph) ?? []),
    lesson,
    href: lesson
      ? `/courses/${catalog.course.course.id}/lessons/${lesson}#${ref.paragraph}`
      : `/courses/${catalog.course.course.id}`,
  };
}
