/** Deck building blocks by raw user id (internal: the checked entry points are in deck.ts and answers.ts). */
import { db } from '@/lib/db/client';
import type { CourseCatalog } from '@/lib/content/catalog';
import { NotFound } from '@/lib/errors';

/** Position of an item in its course: lesson order × 1000 + order inside the lesson's item list. */
const positionCache = new WeakMap<CourseCatalog, Map<string, number>>();
export function positionsOf(catalog: CourseCatalog): Map<string, number> {
  const cached = positionCache.get(catalog);
  if (cached) return cached;
  const lessonOrder = new Map(catalog.course.lessons.map((l, i) => [l.id, i]));
  const seen = new Map<string, number>();
  const out = new Map<string, number>();
  for (const item of catalog.course.items) {
    const n = seen.get(item.lesson) ?? 0;
    seen.set(item.lesson, n + 1);
    out.set(item.id, (lessonOrder.get(item.lesson) ?? 99) * 1000 + n);
  }
  positionCache.set(catalog, out);
  return out;
}

/** The card of one item for one learner, created if the learner has none yet (answering in a lesson). */
export async function ensureCard(userId: string, catalog: CourseCatalog, itemId: string, now: Date) {
  const item = catalog.itemById.get(itemId);
  if (!item) throw new NotFound();
  await db().card.createMany({
    data: [
      {
        userId,
        itemId,
        courseId: catalog.course.course.id,
        lessonId: item.lesson,
        sibling: item.sibling,
        position: positionsOf(catalog).get(itemId) ?? 99_999,
        due: now,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  return db().card.findUniqueOrThrow({ where: { userId_itemId: { userId, itemId } } });
}
