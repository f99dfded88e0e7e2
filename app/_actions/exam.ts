'use server';
/** Exam-preparation actions: each calls lib/data/exam, which checks who may do it and keeps the time. */
import { dayFromForm } from '@/lib/forms/day';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { setOwnExamDate } from '@/lib/data/exam/exam-date';
import { saveMockExamAnswer, startMockExam, submitMockExam } from '@/lib/data/exam/mock-exams';
import { formNumber } from '@/lib/forms/numbers';
import { errorState, formValues, type FormState } from '@/lib/forms/state';
import { getT } from '@/lib/i18n/server';
import { failure } from './failure';

export async function setExamDateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const values = formValues(formData);
  const clear = formData.get('op') === 'clear';
  try {
    await setOwnExamDate(
      await currentActor(),
      { courseId: formData.get('courseId'), examDate: clear ? null : (dayFromForm(formData, 'examDate') ?? '') },
      await requestNow(),
    );
  } catch (error) {
    return errorState(error, t, values);
  }
  revalidatePath('/exam');
  return { status: 'ok', message: t(clear ? 'exam.dateCleared' : 'exam.dateSaved'), values };
}

export async function startMockExamAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const values = formValues(formData);
  let id: string;
  try {
    const started = await startMockExam(
      await currentActor(),
      {
        courseId: formData.get('courseId'),
        questions: formNumber(formData.get('questions')),
        minutes: formNumber(formData.get('minutes')),
      },
      await requestNow(),
    );
    id = started.id;
  } catch (error) {
    return errorState(error, t, values);
  }
  redirect(`/exam/${id}`);
}

export async function saveMockExamAnswerAction(
  examId: string,
  position: number,
  response: unknown,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await saveMockExamAnswer(await currentActor(), examId, { position, response }, await requestNow());
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function submitMockExamAction(examId: string): Promise<void> {
  await submitMockExam(await currentActor(), examId, await requestNow());
  revalidatePath('/exam');
  redirect(`/exam/${examId}/result`);
}
