'use server';
import type { SubmitOutcome, SubmittedAnswer } from '@/app/_components/question/question-card';
import { currentActor } from '@/lib/auth/session';
import { answerInLesson } from '@/lib/data/review/answers';
import { AppError } from '@/lib/errors';
import { getT } from '@/lib/i18n/server';

export async function answerInLessonAction(itemId: string, answer: SubmittedAnswer): Promise<SubmitOutcome> {
  try {
    return { ok: true, result: await answerInLesson(await currentActor(), { ...answer, itemId }, new Date()) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { t } = await getT();
    const field = Object.values(error.fieldErrors)[0]?.[0];
    return { ok: false, message: t(field ?? error.messageKey) };
  }
}
