/**
 * Readiness for one student and course, from their cards and how learners do on each item when first seen: the
 * student's classmates when they are in a class for the course (at least 30 first attempts between them), otherwise
 * all learners. The maths is lib/domain/exam/readiness.ts.
 */
import { courseCatalog } from '@/lib/content/catalog';
import { readiness, type Readiness } from '@/lib/domain/exam/readiness';
import { MASTERY_HORIZON_DAYS } from '@/lib/domain/review/mastery';
import { NotFound } from '@/lib/errors';
import { requireActor, type Actor } from '../actor';
import { settingsOf } from '../review/settings.internal';
import { effectiveExamDate, type ExamDate } from './exam-date.internal';
import { readinessItems } from './readiness.internal';

export interface ReadinessView extends Readiness {
  exam: ExamDate | null;
  /**
   * What the forecast is for: the exam day, or, with no exam date, a week from now (the horizon mastery uses).
   * Not "now": just after an answer, right or wrong, FSRS expects ~100% recall, which would say nothing.
   */
  forecastFor: 'exam' | 'week';
}

export async function getReadiness(actor: Actor | null, courseId: string, now: Date): Promise<ReadinessView> {
  const a = requireActor(actor);
  const catalog = await courseCatalog(courseId);
  if (!catalog) throw new NotFound();
  const exam = await effectiveExamDate(a.id, courseId, now);
  const at = exam ? new Date(exam.examAt) : new Date(now.getTime() + MASTERY_HORIZON_DAYS * 86_400_000);
  const [items, settings] = await Promise.all([readinessItems(a.id, catalog), settingsOf(a.id)]);
  // The learner's own FSRS parameters when they have them (issue: readiness uses the current parameters).
  return {
    ...readiness(items, at, { params: { weights: settings.weights ?? undefined } }),
    exam,
    forecastFor: exam ? 'exam' : 'week',
  };
}
