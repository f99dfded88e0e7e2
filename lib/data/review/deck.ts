/**
 * A learner's deck: which bank items they study. Starting a lesson or a course adds its active items as new cards
 * (adding twice is harmless). Positions follow the course order so new cards arrive lesson by lesson.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { courseCatalog, type CourseCatalog } from '@/lib/content/catalog';
import { NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, type Actor } from '../actor';
import { startFromPool } from '../parameters/fit';

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, 'validation.idInvalid');
const lessonInput = z.object({ courseId: slug, lessonId: slug });
const courseInput = z.object({ courseId: slug });

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

async function activeItems(courseId: string, lessonId?: string) {
  return db().item.findMany({
    where: { courseId, retiredAt: null, ...(lessonId ? { lessonId } : {}) },
    select: { id: true, lessonId: true, sibling: true },
  });
}

async function addItems(
  userId: string,
  catalog: CourseCatalog,
  items: { id: string; lessonId: string; sibling: string }[],
  now: Date,
) {
  const positions = positionsOf(catalog);
  const result = await db().card.createMany({
    data: items.map((i) => ({
      userId,
      itemId: i.id,
      courseId: catalog.course.course.id,
      lessonId: i.lessonId,
      sibling: i.sibling,
      position: positions.get(i.id) ?? 99_999,
      due: now,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  // A learner without parameters of their own starts from the course's pooled fit, when there is one.
  await startFromPool(userId, catalog.course.course.id);
  return { added: result.count, total: items.length };
}

export async function addLessonToDeck(actor: Actor | null, input: unknown, now: Date) {
  const a = requireActor(actor);
  const { courseId, lessonId } = parseOrThrow(lessonInput, input);
  const catalog = await courseCatalog(courseId);
  if (!catalog || !catalog.lessonById.has(lessonId)) throw new NotFound();
  return addItems(a.id, catalog, await activeItems(courseId, lessonId), now);
}

export async function addCourseToDeck(actor: Actor | null, input: unknown, now: Date) {
  const a = requireActor(actor);
  const { courseId } = parseOrThrow(courseInput, input);
  const catalog = await courseCatalog(courseId);
  if (!catalog) throw new NotFound();
  return addItems(a.id, catalog, await activeItems(courseId), now);
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

/** Per lesson of a course: how many of its active items are in the learner's deck. */
export async function deckCoverage(
  actor: Actor | null,
  courseId: string,
): Promise<Map<string, { inDeck: number; total: number }>> {
  const a = requireActor(actor);
  const [cards, items] = await Promise.all([
    db().card.groupBy({ by: ['lessonId'], where: { userId: a.id, courseId, item: { retiredAt: null } }, _count: true }),
    db().item.groupBy({ by: ['lessonId'], where: { courseId, retiredAt: null }, _count: true }),
  ]);
  const inDeck = new Map(cards.map((c) => [c.lessonId, c._count]));
  return new Map(items.map((i) => [i.lessonId, { inDeck: inDeck.get(i.lessonId) ?? 0, total: i._count }]));
}
