'use server';
import type { SubmitOutcome } from '@/app/_components/question/question-card';
import { currentActor } from '@/lib/auth/session';
import { answerInLesson } from '@/lib/data/lesson-answers';
import { AppError } from '@/lib/errors';
import { getT } from '@/lib/i18n/server';

export async function answerInLessonAction(itemId: string, response: unknown): Promise<SubmitOutcome> {
  try {
    return { ok: true, result: await answerInLesson(await currentActor(), { itemId, response }, new Date()) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { t } = await getT();
    const field = Object.values(error.fieldErrors)[0]?.[0];
    return { ok: false, message: t(field ?? error.messageKey) };
  }
}
