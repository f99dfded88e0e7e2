/**
 * Answering a question inside a lesson page. Grades on the server (the browser never had the key), records the
 * attempt in the append-only LessonAnswer log and returns the feedback with its sources.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findItem, sourceView, type SourceView } from '@/lib/content/catalog';
import { feedbackFor, type Feedback } from '@/lib/domain/feedback';
import type { Correction } from '@/lib/content/schema';
import { NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { itemIdSchema, responseSchema } from '@/lib/validation/response';
import { requireActor, type Actor } from './actor';

export interface AnswerResult extends Feedback {
  itemId: string;
  sources: SourceView[];
  editorNote: Pick<Correction, 'id' | 'original' | 'corrected' | 'reason' | 'kind'> | null;
}

/** The seed that fixes the option and step order a learner sees for an item inside a lesson. */
export function lessonSeed(userId: string | null, itemId: string): string {
  return `lesson:${userId ?? 'guest'}:${itemId}`;
}

const inputSchema = z.object({ itemId: itemIdSchema, response: responseSchema });

export async function answerInLesson(actor: Actor | null, input: unknown, now: Date): Promise<AnswerResult> {
  const a = requireActor(actor);
  const { itemId, response } = parseOrThrow(inputSchema, input);
  const found = await findItem(itemId);
  const row = await db().item.findUnique({ where: { id: itemId }, select: { retiredAt: true } });
  if (!found || !row || row.retiredAt) throw new NotFound();
  const { catalog, item } = found;
  const feedback = feedbackFor(item, response, lessonSeed(a.id, itemId));
  await db().lessonAnswer.create({
    data: { userId: a.id, itemId, answer: response, correct: feedback.correct, answeredAt: now },
  });
  const note = item.editorNote ? catalog.course.corrections.find((c) => c.id === item.editorNote) : undefined;
  return {
    ...feedback,
    itemId,
    sources: item.sources.map((s) => sourceView(catalog, s)),
    editorNote: note
      ? { id: note.id, original: note.original, corrected: note.corrected, reason: note.reason, kind: note.kind }
      : null,
  };
}
