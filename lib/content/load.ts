/**
 * Reads a course folder from disk and validates every file with zod. Errors name the file, the item id (when the
 * file holds items), the field and what was expected. Cross-file rules live in ./check.ts.
 *
 * Layout of a course folder (see content/README.md):
 *   course.json, source.json, corrections.json, comparison.json, lessons/<lesson>.json, items/<lesson>.json
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import {
  comparisonSchema,
  correctionsSchema,
  courseSchema,
  itemSchema,
  lessonSchema,
  sourceSchema,
  type Comparison,
  type Correction,
  type Course,
  type Item,
  type Lesson,
  type Source,
} from './schema';

// Content is read at run time from the project's content/ folder, never bundled: the turbopackIgnore comments keep
// Turbopack from tracing these dynamic paths (which made it trace the whole project into the server bundle).
export const CONTENT_ROOT = resolve(/* turbopackIgnore: true */ process.cwd(), 'content', 'courses');

export interface LoadedCourse {
  dir: string;
  course: Course;
  source: Source;
  corrections: Correction[];
  comparison: Comparison | null;
  lessons: Lesson[];
  items: Item[];
  /** Which file each item came from (for messages). */
  itemFiles: Map<string, string>;
}

export interface ContentError {
  file: string;
  itemId?: string;
  field?: string;
  message: string;
}

export function formatContentError(e: ContentError): string {
  return (
    [e.file, e.itemId && `item ${e.itemId}`, e.field && `field "${e.field}"`].filter(Boolean).join(' › ') +
    `: ${e.message}`
  );
}

async function readJson(path: string, errors: ContentError[], file: string): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(/* turbopackIgnore: true */ path, 'utf8');
  } catch {
    errors.push({ file, message: 'file is missing' });
    return undefined;
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    errors.push({ file, message: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

function collect<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
  errors: ContentError[],
  itemId?: string,
): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    errors.push({ file, itemId, field: issue.path.join('.') || undefined, message: issue.message });
  }
  return undefined;
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(/* turbopackIgnore: true */ dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

export async function loadCourse(dir: string): Promise<{ course?: LoadedCourse; errors: ContentError[] }> {
  const errors: ContentError[] = [];
  const rel = (p: string) => relative(/* turbopackIgnore: true */ process.cwd(), p);
  const course = collect(
    courseSchema,
    await readJson(join(dir, 'course.json'), errors, rel(join(dir, 'course.json'))),
    rel(join(dir, 'course.json')),
    errors,
  );
  const source = collect(
    sourceSchema,
    await readJson(join(dir, 'source.json'), errors, rel(join(dir, 'source.json'))),
    rel(join(dir, 'source.json')),
    errors,
  );
  const corrections = collect(
    correctionsSchema,
    await readJson(join(dir, 'corrections.json'), errors, rel(join(dir, 'corrections.json'))),
    rel(join(dir, 'corrections.json')),
    errors,
  );
  const comparisonPath = join(dir, 'comparison.json');
  const comparisonRaw = (await jsonFiles(dir)).includes('comparison.json')
    ? await readJson(comparisonPath, errors, rel(comparisonPath))
    : undefined;
  const comparison =
    comparisonRaw === undefined
      ? null
      : (collect(comparisonSchema, comparisonRaw, rel(comparisonPath), errors) ?? null);

  const lessons: Lesson[] = [];
  for (const f of await jsonFiles(join(dir, 'lessons'))) {
    const path = join(dir, 'lessons', f);
    const lesson = collect(lessonSchema, await readJson(path, errors, rel(path)), rel(path), errors);
    if (lesson) {
      if (`${lesson.id}.json` !== f)
        errors.push({
          file: rel(path),
          field: 'id',
          message: `must match the file name (expected "${f.replace(/\.json$/, '')}")`,
        });
      lessons.push(lesson);
    }
  }
  lessons.sort((a, b) => a.order - b.order);

  const items: Item[] = [];
  const itemFiles = new Map<string, string>();
  for (const f of await jsonFiles(join(dir, 'items'))) {
    const path = join(dir, 'items', f);
    const raw = await readJson(path, errors, rel(path));
    if (raw === undefined) continue;
    if (!Array.isArray(raw)) {
      errors.push({ file: rel(path), message: 'expected a JSON array of items' });
      continue;
    }
    raw.forEach((value: unknown, index) => {
      const id =
        typeof value === 'object' && value && 'id' in value && typeof value.id === 'string' ? value.id : `#${index}`;
      const item = collect(itemSchema, value, rel(path), errors, id);
      if (item) {
        items.push(item);
        itemFiles.set(item.id, rel(path));
      }
    });
  }
  if (!course || !source || !corrections) return { errors };
  return { course: { dir, course, source, corrections, comparison, lessons, items, itemFiles }, errors };
}

export async function courseDirs(root = CONTENT_ROOT): Promise<string[]> {
  const entries = await readdir(/* turbopackIgnore: true */ root, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => join(root, e.name))
    .sort();
}
