/**
 * The deck as one resource for the API: what is in it (per course and lesson) and adding a lesson or a whole course,
 * exactly as the browser's "add to deck" buttons do (./deck.ts). There is no removal: the app has none, since a
 * card's history belongs to the learner's record (the review log is append-only).
 */
import { z } from 'zod';
import { catalogs } from '@/lib/content/catalog';
import { db } from '@/lib/db/client';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, type Actor } from '../actor';
import { addCourseToDeck, addLessonToDeck } from './deck';

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, 'validation.idInvalid');

export const addToDeckSchema = z.object({
  courseId: slug,
  lessonId: slug.optional().describe('Omit to add every lesson of the course.'),
});

export interface DeckLesson {
  courseId: string;
  lessonId: string;
  lessonTitle: string;
  /** The lesson's cards in the deck (active questions only). */
  cards: number;
  /** The lesson's active questions. */
  items: number;
}

/** Every lesson with at least one card in the actor's deck, in course order. */
export async function listDeck(actor: Actor | null): Promise<DeckLesson[]> {
  const a = requireActor(actor);
  const [cards, items] = await Promise.all([
    db().card.groupBy({
      by: ['courseId', 'lessonId'],
      where: { userId: a.id, item: { retiredAt: null } },
      _count: true,
    }),
    db().item.groupBy({ by: ['courseId', 'lessonId'], where: { retiredAt: null }, _count: true }),
  ]);
  const inDeck = new Map(cards.map((c) => [`${c.courseId}/${c.lessonId}`, c._count]));
  const totals = new Map(items.map((i) => [`${i.courseId}/${i.lessonId}`, i._count]));
  const out: DeckLesson[] = [];
  for (const catalog of (await catalogs()).values()) {
    const courseId = catalog.course.course.id;
    for (const lesson of catalog.course.lessons) {
      const key = `${courseId}/${lesson.id}`;
      const n = inDeck.get(key) ?? 0;
      if (n > 0)
        out.push({ courseId, lessonId: lesson.id, lessonTitle: lesson.title, cards: n, items: totals.get(key) ?? 0 });
    }
  }
  return out;
}

/** Adds a lesson (or, without lessonId, the whole course) as new cards; adding again adds nothing. */
export async function addToDeck(actor: Actor | null, input: unknown, now: Date) {
  const { courseId, lessonId } = parseOrThrow(addToDeckSchema, input);
  return lessonId ? addLessonToDeck(actor, { courseId, lessonId }, now) : addCourseToDeck(actor, { courseId }, now);
}
