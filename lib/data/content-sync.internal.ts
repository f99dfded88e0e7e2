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

async function syncLessons(tx: Tx, c: LoadedCourse, now: Date, counts: SyncCounts): Promise<void> {
  const lessons = new Map((await tx.lesson.findMany({ where: { courseId: c.course.id } })).map((l) => [l.id, l]));
  for (const l of c.lessons) {
    const row = lessons.get(l.id);
    if (!row) {
      await tx.lesson.create({ data: { id: l.id, courseId: c.course.id, order: l.order, title: l.title } });
      counts.added++;
    } else if (row.order !== l.order || row.title !== l.title || row.retiredAt) {
      await tx.lesson.update({ where: { id: l.id }, data: { order: l.order, title: l.title, retiredAt: null } });
      counts.updated++;
    } else counts.unchanged++;
    lessons.delete(l.id);
  }
  for (const gone of lessons.values()) {
    if (!gone.retiredAt) {
      await tx.lesson.update({ where: { id: gone.id }, data: { retiredAt: now } });
      counts.retired++;
    }
  }
}

async function syncParagraphs(tx: Tx, c: LoadedCourse, now: Date, counts: SyncCounts): Promise<void> {
  const paragraphs = new Map((await tx.paragraph.findMany({ where: { courseId: c.course.id } })).map((p) => [p.id, p]));
  let order = 0;
  for (const s of c.source.sections) {
    for (const p of s.paragraphs) {
      order++;
      const row = paragraphs.get(p.id);
      if (!row) {
        await tx.paragraph.create({
          data: { id: p.id, courseId: c.course.id, sectionId: s.id, order, text: p.text },
        });
        counts.added++;
      } else if (row.text !== p.text || row.order !== order || row.sectionId !== s.id || row.retiredAt) {
        await tx.paragraph.update({
          where: { id: p.id },
          data: { sectionId: s.id, order, text: p.text, retiredAt: null },
        });
        counts.updated++;
      } else counts.unchanged++;
      paragraphs.delete(p.id);
    }
  }
  for (const gone of paragraphs.values()) {
    if (!gone.retiredAt) {
      await tx.paragraph.update({ where: { id: gone.id }, data: { retiredAt: now } });
      counts.retired++;
    }
  }
}

/** Items are compared by the hash of their content; a changed item gets a new version (answers keep theirs). */
async function syncItems(tx: Tx, c: LoadedCourse, now: Date, counts: SyncCounts): Promise<void> {
  const items = new Map(
    (
      await tx.item.findMany({
        where: { courseId: c.course.id },
        select: { id: true, contentHash: true, retiredAt: true, version: true },
      })
    ).map((i) => [i.id, i]),
  );
  for (const item of c.items) {
    const contentHash = hashOf(item);
    const fields = {
      lessonId: item.lesson,
      kind: item.kind,
      level: item.level,
      difficulty: item.difficulty,
      sibling: item.sibling,
      concepts: item.concepts,
      contentHash,
      data: item as object,
    };
    const row = items.get(item.id);
    if (!row) {
      await tx.item.create({ data: { id: item.id, courseId: c.course.id, ...fields } });
      counts.added++;
    } else if (row.contentHash !== contentHash || row.retiredAt) {
      await tx.item.update({
        where: { id: item.id },
        data: { ...fields, version: row.version + (row.contentHash !== contentHash ? 1 : 0), retiredAt: null },
      });
      counts.updated++;
    } else counts.unchanged++;
    items.delete(item.id);
  }
  for (const gone of items.values()) {
    if (!gone.retiredAt) {
      await tx.item.update({ where: { id: gone.id }, data: { retiredAt: now } });
      counts.retired++;
    }
  }
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
