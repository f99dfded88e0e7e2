/**
 * The course catalogue as an API client sees it: which courses exist, their lessons in order, how many active
 * questions each lesson has and how many of them are in the caller's deck. Read from the validated content
 * (lib/content/catalog) and the deck; nothing here changes anything.
 */
import { z } from 'zod';
import { catalogs, courseCatalog } from '@/lib/content/catalog';
import { NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, type Actor } from './actor';
import { deckCoverage } from './review/deck';

export interface CourseSummary {
  id: string;
  title: string;
  description: string;
  language: 'id' | 'en';
  lessons: number;
}

export interface LessonSummary {
  id: string;
  order: number;
  title: string;
  summary: string;
  /** Active questions of the lesson. */
  items: number;
  /** How many of them are in the caller's deck. */
  inDeck: number;
}

export interface CourseOutline extends CourseSummary {
  lessonList: LessonSummary[];
}

export async function listCourses(actor: Actor | null): Promise<CourseSummary[]> {
  requireActor(actor);
  return [...(await catalogs()).values()].map(({ course: c }) => ({
    id: c.course.id,
    title: c.course.title,
    description: c.course.description,
    language: c.course.language,
    lessons: c.lessons.length,
  }));
}

const courseId = z.string().regex(/^[a-z0-9-]{1,80}$/, 'validation.idInvalid');

/** A course and its lessons in order, with the caller's deck coverage of each. */
export async function getCourseOutline(actor: Actor | null, id: unknown): Promise<CourseOutline> {
  const a = requireActor(actor);
  const parsed = parseOrThrow(courseId, id);
  const catalog = await courseCatalog(parsed);
  if (!catalog) throw new NotFound();
  const coverage = await deckCoverage(a, parsed);
  const c = catalog.course;
  return {
    id: c.course.id,
    title: c.course.title,
    description: c.course.description,
    language: c.course.language,
    lessons: c.lessons.length,
    lessonList: c.lessons.map((l) => ({
      id: l.id,
      order: l.order,
      title: l.title,
      summary: l.summary,
      items: coverage.get(l.id)?.total ?? 0,
      inDeck: coverage.get(l.id)?.inDeck ?? 0,
    })),
  };
}
