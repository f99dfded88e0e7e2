/** Loads and checks every course under content/courses (used by the scripts, the content sync and the app). */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkCourse, type CheckResult, type IdLock } from './check';
import { courseDirs, loadCourse, type ContentError, type LoadedCourse } from './load';

export async function readIdLock(dir: string): Promise<IdLock> {
  try {
    return JSON.parse(await readFile(/* turbopackIgnore: true */ join(dir, 'item-ids.lock.json'), 'utf8')) as IdLock;
  } catch {
    return {};
  }
}

export async function writeIdLock(course: LoadedCourse): Promise<number> {
  const lock = await readIdLock(course.dir);
  let added = 0;
  for (const item of course.items) {
    if (!lock[item.id]) {
      lock[item.id] = { lesson: item.lesson, kind: item.kind };
      added++;
    }
  }
  for (const [id, entry] of Object.entries(lock)) if (!course.items.some((i) => i.id === id)) entry.retired = true;
  const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(
    /* turbopackIgnore: true */ join(course.dir, 'item-ids.lock.json'),
    JSON.stringify(sorted, null, 2) + '\n',
  );
  return added;
}

export interface CheckedCourse {
  dir: string;
  course?: LoadedCourse;
  loadErrors: ContentError[];
  check?: CheckResult;
}

export async function loadAndCheckAll(): Promise<CheckedCourse[]> {
  const out: CheckedCourse[] = [];
  for (const dir of await courseDirs()) {
    const { course, errors } = await loadCourse(dir);
    out.push({
      dir,
      course,
      loadErrors: errors,
      check: course && errors.length === 0 ? checkCourse(course, await readIdLock(dir)) : undefined,
    });
  }
  // Lesson, paragraph and item ids are database keys, so they must be unique across courses too.
  const owner = new Map<string, string>();
  for (const r of out) {
    if (!r.course || !r.check) continue;
    const c = r.course;
    const ids = [
      ...c.lessons.map((l) => `lesson ${l.id}`),
      ...c.source.sections.flatMap((s) => s.paragraphs.map((p) => `paragraph ${p.id}`)),
      ...c.items.map((i) => `item ${i.id}`),
    ];
    for (const id of ids) {
      const other = owner.get(id);
      if (other && other !== c.course.id)
        r.check.errors.push({
          file: `content/courses/${c.course.id}`,
          message: `${id} is also used by course "${other}": ids must be unique across courses`,
        });
      owner.set(id, c.course.id);
    }
  }
  return out;
}
