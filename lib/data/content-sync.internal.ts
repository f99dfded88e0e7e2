/**
 * Loads a checked course into the database as a diff by stable id: new rows are added, changed ones updated
 * (items get a new version), removed ones retired (retiredAt set, history kept), never deleted. One transaction;
 * running it twice changes nothing.
 */
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { LoadedCourse } from '@/lib/content/load';

export interface SyncCounts {
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
}

export interface SyncReport {
  course: string;
  lessons: SyncCounts;
  paragraphs: SyncCounts;
  items: SyncCounts;
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const zero = (): SyncCounts => ({ added: 0, updated: 0, retired: 0, unchanged: 0 });

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * The diff by stable id that every kind of row goes through: a wanted row that is missing is created, one that
 * differs (or was retired) is updated, and a stored row no longer wanted is retired (once), never deleted.
 */
async function diffById<Row extends { id: string; retiredAt: Date | null }, Want extends { id: string }>(
  stored: readonly Row[],
  wanted: readonly Want[],
  counts: SyncCounts,
  ops: {
    differs: (row: Row, want: Want) => boolean;
    create: (want: Want) => Promise<unknown>;
    update: (want: Want, row: Row) => Promise<unknown>;
    retire: (row: Row) => Promise<unknown>;
  },
): Promise<void> {
  const byId = new Map(stored.map((r) => [r.id, r]));
  for (const want of wanted) {
    const row = byId.get(want.id);
    if (!row) {
      await ops.create(want);
      counts.added++;
    } else if (row.retiredAt || ops.differs(row, want)) {
      await ops.update(want, row);
      counts.updated++;
    } else counts.unchanged++;
    byId.delete(want.id);
  }
  for (const gone of byId.values()) {
    if (!gone.retiredAt) {
      await ops.retire(gone);
      counts.retired++;
    }
  }
}

async function syncLessons(tx: Tx, c: LoadedCourse, now: Date, counts: SyncCounts): Promise<void> {
  const courseId = c.course.id;
  await diffById(await tx.lesson.findMany({ where: { courseId } }), c.lessons, counts, {
    differs: (row, l) => row.order !== l.order || row.title !== l.title,
    create: (l) => tx.lesson.create({ data: { id: l.id, courseId, order: l.order, title: l.title } }),
    update: (l) => tx.lesson.update({ where: { id: l.id }, data: { order: l.order, title: l.title, retiredAt: null } }),
    retire: (row) => tx.lesson.update({ where: { id: row.id }, data: { retiredAt: now } }),
  });
}

/** Paragraphs are numbered through the whole source, in reading order. */
async function syncParagraphs(tx: Tx, c: LoadedCourse, now: Date, counts: SyncCounts): Promise<void> {
  const courseId = c.course.id;
  const wanted = c.source.sections
    .flatMap((s) => s.paragraphs.map((p) => ({ id: p.id, sectionId: s.id, text: p.text })))
    .map((p, i) => ({ ...p, order: i + 1 }));
  await diffById(await tx.paragraph.findMany({ where: { courseId } }), wanted, counts, {
    differs: (row, p) => row.text !== p.text || row.order !== p.order || row.sectionId !== p.sectionId,
    create: (p) => tx.paragraph.create({ data: { ...p, courseId } }),
    update: (p) =>
      tx.paragraph.update({
        where: { id: p.id },
        data: { sectionId: p.sectionId, order: p.order, text: p.text, retiredAt: null },
      }),
    retire: (row) => tx.paragraph.update({ where: { id: row.id }, data: { retiredAt: now } }),
  });
}

/** Items are compared by the hash of their content; a changed item gets a new version (answers keep theirs). */
async function syncItems(tx: Tx, c: LoadedCourse, now: Date, counts: SyncCounts): Promise<void> {
  const courseId = c.course.id;
  const stored = await tx.item.findMany({
    where: { courseId },
    select: { id: true, contentHash: true, retiredAt: true, version: true },
  });
  const wanted = c.items.map((item) => ({
    id: item.id,
    fields: {
      lessonId: item.lesson,
      kind: item.kind,
      level: item.level,
      difficulty: item.difficulty,
      sibling: item.sibling,
      concepts: item.concepts,
      contentHash: hashOf(item),
      data: item as object,
    },
  }));
  await diffById(stored, wanted, counts, {
    differs: (row, w) => row.contentHash !== w.fields.contentHash,
    create: (w) => tx.item.create({ data: { id: w.id, courseId, ...w.fields } }),
    update: (w, row) =>
      tx.item.update({
        where: { id: w.id },
        data: {
          ...w.fields,
          version: row.version + (row.contentHash !== w.fields.contentHash ? 1 : 0),
          retiredAt: null,
        },
      }),
    retire: (row) => tx.item.update({ where: { id: row.id }, data: { retiredAt: now } }),
  });
}

export async function syncCourse(prisma: PrismaClient, c: LoadedCourse, now: Date): Promise<SyncReport> {
  const report: SyncReport = { course: c.course.id, lessons: zero(), paragraphs: zero(), items: zero() };
  const courseHash = hashOf({
    course: c.course,
    lessons: c.lessons,
    items: c.items,
    source: c.source,
    corrections: c.corrections,
    comparison: c.comparison,
  });
  await prisma.$transaction(
    async (tx) => {
      // An unchanged course (same hash of everything loaded) costs one read.
      const existing = await tx.course.findUnique({ where: { id: c.course.id } });
      if (existing?.contentHash === courseHash) {
        report.lessons.unchanged = c.lessons.length;
        report.paragraphs.unchanged = c.source.sections.reduce((n, s) => n + s.paragraphs.length, 0);
        report.items.unchanged = c.items.length;
        return;
      }
      const courseData = {
        title: c.course.title,
        description: c.course.description,
        language: c.course.language,
        contentHash: courseHash,
        loadedAt: now,
      };
      await tx.course.upsert({
        where: { id: c.course.id },
        create: { id: c.course.id, ...courseData },
        update: courseData,
      });
      await syncLessons(tx, c, now, report.lessons);
      await syncParagraphs(tx, c, now, report.paragraphs);
      await syncItems(tx, c, now, report.items);
    },
    { timeout: 60_000 },
  );
  return report;
}
