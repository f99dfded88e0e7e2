import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCourse } from '@/lib/content/check';
import { formatContentError, loadCourse } from '@/lib/content/load';

const REAL = resolve('content/courses/struktur-keamanan-regional');
let dir: string;

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'ingat-content-')), 'course');
  await cp(REAL, dir, { recursive: true });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function editItems(lesson: string, edit: (items: Record<string, unknown>[]) => void) {
  const path = join(dir, 'items', `${lesson}.json`);
  const items = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>[];
  edit(items);
  await writeFile(path, JSON.stringify(items));
}

async function messages(): Promise<string[]> {
  const { course, errors } = await loadCourse(dir);
  const all = [...errors, ...(course && errors.length === 0 ? checkCourse(course, {}).errors : [])];
  return all.map(formatContentError);
}

const firstOfKind = (items: Record<string, unknown>[], kind: string) => items.find((i) => i.kind === kind)!;

describe('content validation', () => {
  it('accepts the course as shipped', async () => {
    expect(await messages()).toEqual([]);
  });

  it('names the file, item and field of a schema error', async () => {
    await editItems('pertahanan-kolektif', (items) => {
      firstOfKind(items, 'single').level = 'memorise';
    });
    const m = await messages();
    expect(m.some((x) => /items\/pertahanan-kolektif\.json › item pk-\d{3} › field "level"/.test(x))).toBe(true);
  });

  it('rejects a quote that is not in the cited paragraph', async () => {
    await editItems('keamanan-kolektif', (items) => {
      (firstOfKind(items, 'truefalse').sources as { quote: string }[])[0]!.quote =
        'kalimat yang tidak pernah ada di teks';
    });
    expect((await messages()).some((x) => x.includes('quote does not occur'))).toBe(true);
  });

  it('rejects a single-choice item with two right options', async () => {
    await editItems('keamanan-bersama', (items) => {
      for (const o of firstOfKind(items, 'single').options as { correct: boolean }[]) o.correct = true;
    });
    expect((await messages()).some((x) => x.includes('exactly one correct option'))).toBe(true);
  });

  it('rejects a multiple-choice item where every option is right', async () => {
    await editItems('keamanan-bersama', (items) => {
      for (const o of firstOfKind(items, 'multiple').options as { correct: boolean }[]) o.correct = true;
    });
    expect((await messages()).some((x) => x.includes('at least one wrong one'))).toBe(true);
  });

  it('rejects a false statement without its correction', async () => {
    await editItems('keamanan-concert', (items) => {
      const tf = items.find((i) => i.kind === 'truefalse' && i.answer === false)!;
      delete tf.correction;
    });
    expect((await messages()).some((x) => x.includes('needs its correction'))).toBe(true);
  });

  it('rejects a cloze without exactly one blank', async () => {
    await editItems('keamanan-kooperatif', (items) => {
      firstOfKind(items, 'cloze').text = 'Kalimat tanpa bagian kosong.';
    });
    expect((await messages()).some((x) => x.includes('field "text"') && x.includes('"___"'))).toBe(true);
  });

  it('rejects a typed-answer item whose grader would accept a listed wrong concept', async () => {
    await editItems('pertahanan-kolektif', (items) => {
      const s = firstOfKind(items, 'short');
      s.rejects = [(s.answers as string[])[0]!.toUpperCase()];
    });
    expect((await messages()).some((x) => x.includes('would accept the wrong concept'))).toBe(true);
  });

  it('rejects a prompt that gives its own answer away', async () => {
    await editItems('level-regional', (items) => {
      const s = firstOfKind(items, 'short');
      s.prompt = `${s.prompt} (Petunjuk: ${(s.answers as string[])[0]})`;
    });
    expect((await messages()).some((x) => x.includes('prompt contains the answer'))).toBe(true);
  });

  it('rejects matching with two identical right-hand sides', async () => {
    await editItems('teori-kerjasama', (items) => {
      const m = firstOfKind(items, 'matching').pairs as { right: string }[];
      m[1]!.right = m[0]!.right;
    });
    expect((await messages()).some((x) => x.includes('matching sides must be unique'))).toBe(true);
  });

  it('rejects an ordering item with a repeated step', async () => {
    await editItems('keamanan-komprehensif', (items) => {
      const o = firstOfKind(items, 'ordering').steps as string[];
      o[1] = o[0]!;
    });
    expect((await messages()).some((x) => x.includes('steps must be unique'))).toBe(true);
  });

  it('rejects a scenario item without a right option', async () => {
    await editItems('keamanan-kolektif', (items) => {
      for (const o of firstOfKind(items, 'scenario').options as { correct: boolean }[]) o.correct = false;
    });
    expect((await messages()).some((x) => x.includes('exactly one correct option'))).toBe(true);
  });

  it('rejects duplicate ids across files', async () => {
    const other = JSON.parse(await readFile(join(dir, 'items', 'keamanan-bersama.json'), 'utf8')) as { id: string }[];
    await editItems('keamanan-kolektif', (items) => {
      items[0]!.id = other[0]!.id;
    });
    expect((await messages()).some((x) => x.includes('duplicate id') || x.includes('wrong file'))).toBe(true);
  });

  it('rejects a near-duplicate item', async () => {
    await editItems('keamanan-concert', (items) => {
      const copy = { ...firstOfKind(items, 'single'), id: 'kc-099' };
      items.push(copy);
    });
    expect((await messages()).some((x) => x.includes('duplicates item'))).toBe(true);
  });

  it('reports a paragraph no item cites', async () => {
    // Items of other lessons may cite it too (comparisons across structures), so drop it from every lesson's items.
    const { course } = await loadCourse(dir);
    for (const lesson of course!.lessons) {
      await editItems(lesson.id, (items) => {
        items.splice(
          0,
          items.length,
          ...items.filter(
            (i) => !(i.sources as { paragraph: string }[]).some((s) => s.paragraph === 'keamanan-komprehensif-01'),
          ),
        );
      });
    }
    expect((await messages()).some((x) => x.includes('"keamanan-komprehensif-01" is cited by no item'))).toBe(true);
  });

  it('requires a name for every concept an item tests, and an item for every named concept', async () => {
    await editItems('keamanan-bersama', (items) => {
      (firstOfKind(items, 'single').concepts as string[]).push('konsep-tanpa-nama');
    });
    const path = join(dir, 'course.json');
    const course = JSON.parse(await readFile(path, 'utf8')) as { concepts: Record<string, string> };
    course.concepts['konsep-yatim'] = 'Konsep yang tidak diuji soal mana pun';
    await writeFile(path, JSON.stringify(course));
    const m = await messages();
    expect(m.some((x) => x.includes('concept "konsep-tanpa-nama" has no name in course.json'))).toBe(true);
    expect(m.some((x) => x.includes('course.json') && x.includes('konsep-yatim') && x.includes('no item tests'))).toBe(
      true,
    );
  });

  it('refuses a correction whose original wording is not in its paragraph', async () => {
    const path = join(dir, 'corrections.json');
    const corrections = JSON.parse(await readFile(path, 'utf8')) as { original: string }[];
    corrections[0]!.original = 'kata yang tidak ada';
    await writeFile(path, JSON.stringify(corrections));
    expect((await messages()).some((x) => x.includes('corrections.json') && x.includes('does not occur'))).toBe(true);
  });

  it('reports invalid JSON with the file name', async () => {
    await writeFile(join(dir, 'lessons', 'keamanan-bersama.json'), '{ "id": ');
    expect(
      (await messages()).some((x) => x.includes('lessons/keamanan-bersama.json') && x.includes('not valid JSON')),
    ).toBe(true);
  });

  it('refuses to reuse a published id for a different question kind', async () => {
    const { course } = await loadCourse(dir);
    const item = course!.items[0]!;
    const errors = checkCourse(course!, {
      [item.id]: { lesson: item.lesson, kind: item.kind === 'short' ? 'single' : 'short' },
    }).errors;
    expect(errors.some((e) => e.message.includes('ids are never reused'))).toBe(true);
  });

  it('refuses an item that vanished from the files without being retired', async () => {
    const { course } = await loadCourse(dir);
    const errors = checkCourse(course!, { 'zz-001': { lesson: 'pertahanan-kolektif', kind: 'single' } }).errors;
    expect(errors.some((e) => e.itemId === 'zz-001' && e.message.includes('retired'))).toBe(true);
  });
});
