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
import { startFromPool } from '../parameters/fit.internal';
import { positionsOf } from './deck.internal';
import { msg } from '@/lib/i18n/catalogue';

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, msg('validation.idInvalid'));
const lessonInput = z.object({ courseId: slug, lessonId: slug });
const courseInput = z.object({ courseId: slug });

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
