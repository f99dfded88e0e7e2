/** The items of a course as the readiness model sees them for one student, by raw user id (internal: readiness.ts
 * and mock-exams.ts check the actor first). */
import { db } from '@/lib/db/client';
import type { CourseCatalog } from '@/lib/content/catalog';
import type { ReadinessItem } from '@/lib/domain/exam/readiness';
import { memoryOfRow } from '../review/memory.internal';

const MIN_CLASS_ATTEMPTS = 30;

interface StatRow {
  itemId: string;
  attempts: bigint;
  correct: bigint;
}

async function firstAttemptStats(
  userId: string,
  courseId: string,
): Promise<Map<string, { attempts: number; correct: number }>> {
  const classmates = await db().$queryRaw<StatRow[]>`
    SELECT l."itemId", count(*) AS attempts, count(*) FILTER (WHERE l."correct") AS correct
    FROM "ReviewLog" l
    WHERE l."firstAttempt" AND l."userId" IN (
      SELECT m2."userId" FROM "ClassMember" m1
      JOIN "Class" c ON c."id" = m1."classId" AND c."courseId" = ${courseId}
      JOIN "ClassMember" m2 ON m2."classId" = m1."classId" AND m2."removedAt" IS NULL
      WHERE m1."userId" = ${userId}::uuid AND m1."removedAt" IS NULL)
      AND NOT EXISTS (SELECT 1 FROM "ReviewRevocation" r WHERE r."reviewLogId" = l."id")
    GROUP BY l."itemId"`;
  const rows =
    classmates.reduce((s, r) => s + Number(r.attempts), 0) >= MIN_CLASS_ATTEMPTS
      ? classmates
      : await db().$queryRaw<StatRow[]>`
          SELECT l."itemId", count(*) AS attempts, count(*) FILTER (WHERE l."correct") AS correct
          FROM "ReviewLog" l JOIN "Item" i ON i."id" = l."itemId" AND i."courseId" = ${courseId}
          WHERE l."firstAttempt" AND NOT EXISTS (SELECT 1 FROM "ReviewRevocation" r WHERE r."reviewLogId" = l."id")
          GROUP BY l."itemId"`;
  return new Map(rows.map((r) => [r.itemId, { attempts: Number(r.attempts), correct: Number(r.correct) }]));
}

/** The items of the course as the readiness model sees them for one student. */
export async function readinessItems(userId: string, catalog: CourseCatalog): Promise<ReadinessItem[]> {
  const courseId = catalog.course.course.id;
  const [cards, stats, active] = await Promise.all([
    db().card.findMany({ where: { userId, courseId } }),
    firstAttemptStats(userId, courseId),
    db().item.findMany({ where: { courseId, retiredAt: null }, select: { id: true } }),
  ]);
  const activeIds = new Set(active.map((i) => i.id));
  const cardByItem = new Map(cards.map((c) => [c.itemId, c]));
  return catalog.course.items
    .filter((i) => activeIds.has(i.id))
    .map((i) => {
      const card = cardByItem.get(i.id);
      return {
        itemId: i.id,
        lessonId: i.lesson,
        concepts: i.concepts,
        memory: card && card.phase !== 'NEW' ? memoryOfRow(card) : null,
        firstAttempts: stats.get(i.id) ?? { attempts: 0, correct: 0 },
      };
    });
}
