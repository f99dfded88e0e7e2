'use server';
/** Review-screen and deck actions: each calls lib/data, which checks who may do it. */
import { revalidatePath } from 'next/cache';
import type { SubmitOutcome, SubmittedAnswer } from '@/app/_components/question/question-card';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { adjustAnswer, submitAnswer, undoAnswer } from '@/lib/data/review/answers';
import { addCourseToDeck, addLessonToDeck } from '@/lib/data/review/deck';
import { updateReviewSettings } from '@/lib/data/review/settings';
import { formNumber } from '@/lib/forms/numbers';
import { failure } from './failure';
import { errorState, formValues, type FormState } from '@/lib/forms/state';
import { getT } from '@/lib/i18n/server';

export async function submitReviewAnswerAction(
  cardId: string,
  cardVersion: number,
  answer: SubmittedAnswer,
): Promise<SubmitOutcome> {
  try {
    const result = await submitAnswer(await currentActor(), { ...answer, cardId, cardVersion }, await requestNow());
    return { ok: true, result };
  } catch (error) {
    return failure(error);
  }
}

export async function adjustAnswerAction(reviewLogId: string, adjustment: string): Promise<SubmitOutcome> {
  try {
    return { ok: true, result: await adjustAnswer(await currentActor(), { reviewLogId, adjustment }) };
  } catch (error) {
    return failure(error);
  }
}

export async function undoAnswerAction(reviewLogId?: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await undoAnswer(await currentActor(), reviewLogId ? { reviewLogId } : {}, await requestNow());
    revalidatePath('/review');
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function addToDeckAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const values = formValues(formData);
  try {
    const actor = await currentActor();
    const now = await requestNow();
    const courseId = formData.get('courseId');
    const lessonId = formData.get('lessonId');
    const result = lessonId
      ? await addLessonToDeck(actor, { courseId, lessonId }, now)
      : await addCourseToDeck(actor, { courseId }, now);
    revalidatePath('/', 'layout');
    return { status: 'ok', message: t('deck.added', { added: result.added, total: result.total }), values };
  } catch (error) {
    return errorState(error, t, values);
  }
}

/** The form asks for desired retention in percent; the setting is a fraction. */
const percent = (value: unknown) => (typeof value === 'number' ? value / 100 : value);

export async function updateReviewSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const values = formValues(formData);
  try {
    const { rescheduledCards } = await updateReviewSettings(await currentActor(), {
      desiredRetention: percent(formNumber(formData.get('desiredRetention'))),
      newPerDay: formNumber(formData.get('newPerDay')),
      maxReviewsPerDay: formNumber(formData.get('maxReviewsPerDay')),
      rolloverHour: formNumber(formData.get('rolloverHour')),
    });
    revalidatePath('/', 'layout');
    return { status: 'ok', message: t('settings.saved', { cards: rescheduledCards }), values };
  } catch (error) {
    return errorState(error, t, values);
  }
}

export async function fitParametersNowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const actor = await currentActor();
  if (!actor) return { status: 'error', message: t('errors.unauthenticated') };
  const courseId = String(formData.get('courseId') ?? '');
  const { requestLearnerFit } = await import('@/lib/jobs/requests');
  try {
    const request = await requestLearnerFit(actor, courseId);
    if (request.status === 'tooFew')
      return {
        status: 'error',
        message: t('settings.fitTooFew', { answers: request.answers, needed: request.needed }),
      };
    return {
      status: 'ok',
      message: t(request.status === 'queued' ? 'settings.fitQueued' : 'settings.fitAlreadyQueued'),
    };
  } catch (error) {
    return errorState(error, t, { courseId });
  }
}
