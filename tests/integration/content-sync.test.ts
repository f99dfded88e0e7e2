import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse, type LoadedCourse } from '@/lib/content/load';
import { syncCourse } from '@/lib/data/content-sync.internal';
import { db } from '@/lib/db/client';

/** A tiny course with its own ids (lesson, paragraph and item ids are global keys, see content/README.md). */
async function smallCourse(suffix: string): Promise<LoadedCourse> {
  const { course } = await loadCourse(resolve('content/courses/struktur-keamanan-regional'));
  const real = course!;
  const lessonId = `uji-${suffix}`;
  const paragraphId = `uji-${suffix}-01`;
  const items = real.items
    .filter((i) => i.lesson === 'keamanan-bersama')
    .slice(0, 2)
    .map((i, n) => ({
      ...i,
      id: `zs-${String(n + 1).padStart(3, '0')}`,
      lesson: lessonId,
      sources: [{ paragraph: paragraphId, quote: 'Teks uji' }],
    }));
  const lesson = {
    ...real.lessons[0]!,
    id: lessonId,
    section: `uji-${suffix}`,
    parts: [{ title: 'Bagian', paragraphs: [paragraphId] }],
  };
  return {
    ...real,
    course: { ...real.course, id: `uji-${suffix}`, lessons: [lessonId] },
    source: {
      ...real.source,
      sections: [
        {
          id: `uji-${suffix}`,
          title: 'Uji',
          titleOriginal: null,
          paragraphs: [{ id: paragraphId, sourceLine: 1, text: 'Teks uji.' }],
        },
      ],
    },
    corrections: [],
    lessons: [lesson],
    items,
  };
}

describe('content loading', () => {
  it('is a diff by stable id: adds, changes nothing on a second run, updates, retires, restores', async () => {
    const c = await smallCourse(String(Date.now()));
    const t1 = new Date('2026-01-01T00:00:00Z');

    const first = await syncCourse(db(), c, t1);
    expect(first).toMatchObject({
      lessons: { added: 1 },
      paragraphs: { added: 1 },
      items: { added: 2, updated: 0, retired: 0 },
    });

    const second = await syncCourse(db(), c, t1);
    expect(second.items).toEqual({ added: 0, updated: 0, retired: 0, unchanged: 2 });
    expect(second.lessons).toEqual({ added: 0, updated: 0, retired: 0, unchanged: 1 });

    const changed = { ...c, items: [{ ...c.items[0]!, explanation: 'Penjelasan yang diperbaiki.' }, c.items[1]!] };
    const third = await syncCourse(db(), changed, t1);
    expect(third.items).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await db().item.findUniqueOrThrow({ where: { id: 'zs-001' } })).version).toBe(2);

    const removed = { ...changed, items: [changed.items[0]!] };
    const fourth = await syncCourse(db(), removed, new Date('2026-02-01T00:00:00Z'));
    expect(fourth.items).toMatchObject({ retired: 1 });
    const retired = await db().item.findUniqueOrThrow({ where: { id: 'zs-002' } });
    expect(retired.retiredAt?.toISOString()).toBe('2026-02-01T00:00:00.000Z');

    const back = await syncCourse(db(), changed, t1);
    expect(back.items).toMatchObject({ updated: 1 });
    expect((await db().item.findUniqueOrThrow({ where: { id: 'zs-002' } })).retiredAt).toBeNull();
    expect(await db().item.count({ where: { id: { in: ['zs-001', 'zs-002'] } } })).toBe(2);
  });

  it('loaded every item of the real course once at setup', async () => {
    const count = await db().item.count({ where: { courseId: 'struktur-keamanan-regional', retiredAt: null } });
    const { course } = await loadCourse(resolve('content/courses/struktur-keamanan-regional'));
    expect(count).toBe(course!.items.length);
  });
});
