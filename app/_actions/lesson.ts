'use server';
import type { SubmitOutcome, SubmittedAnswer } from '@/app/_components/question/question-card';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { answerInLesson } from '@/lib/data/review/answers';
import { failure } from './failure';

export async function answerInLessonAction(itemId: string, answer: SubmittedAnswer): Promise<SubmitOutcome> {
  try {
    return { ok: true, result: await answerInLesson(await currentActor(), { ...answer, itemId }, await requestNow()) };
  } catch (error) {
    return failure(error);
  }
}
