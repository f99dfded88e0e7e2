'use server';
/** Class actions: parse the form, call lib/data/classes (which checks who may do it), report in the user's language. */
import { dayFromForm } from '@/lib/forms/day';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import {
  addInstructor,
  assignLesson,
  createClass,
  joinClass,
  removeStudent,
  rotateJoinCode,
  setExamDate,
} from '@/lib/data/classes/classes';
import { errorState, formValues, type FormState } from '@/lib/forms/state';
import type { MessageKey } from '@/lib/i18n/catalogue';
import { getT } from '@/lib/i18n/server';

type Step = (formData: FormData) => Promise<MessageKey | { redirectTo: string }>;

/** Runs one class operation as a form action: a translated message on success, field errors on failure. */
async function perform(formData: FormData, step: Step): Promise<FormState> {
  const { t } = await getT();
  const values = formValues(formData);
  let outcome: MessageKey | { redirectTo: string };
  try {
    outcome = await step(formData);
  } catch (error) {
    return errorState(error, t, values);
  }
  if (typeof outcome !== 'string') redirect(outcome.redirectTo);
  revalidatePath('/classes', 'layout');
  return { status: 'ok', message: t(outcome), values: {} };
}

const field = (formData: FormData, name: string) => formData.get(name) ?? undefined;
const classIdOf = (formData: FormData) => String(formData.get('classId') ?? '');

export async function createClassAction(_prev: FormState, formData: FormData) {
  return perform(formData, async (f) => {
    const created = await createClass(
      await currentActor(),
      { courseId: field(f, 'courseId'), name: field(f, 'name') },
      await requestNow(),
    );
    return { redirectTo: `/classes/${created.id}` };
  });
}

export async function joinClassAction(_prev: FormState, formData: FormData) {
  return perform(formData, async (f) => {
    const joined = await joinClass(await currentActor(), { code: field(f, 'code') }, await requestNow());
    return { redirectTo: `/classes/${joined.id}?joined=1` };
  });
}

export async function rotateJoinCodeAction(_prev: FormState, formData: FormData) {
  return perform(formData, async (f) => {
    await rotateJoinCode(await currentActor(), classIdOf(f));
    return 'classes.codeRotated';
  });
}

export async function assignLessonAction(_prev: FormState, formData: FormData) {
  return perform(formData, async (f) => {
    await assignLesson(
      await currentActor(),
      classIdOf(f),
      { lessonId: field(f, 'lessonId'), dueDate: dayFromForm(f, 'dueDate') ?? '' },
      await requestNow(),
    );
    return 'classes.assigned';
  });
}

export async function setExamDateAction(_prev: FormState, formData: FormData) {
  return perform(formData, async (f) => {
    await setExamDate(await currentActor(), classIdOf(f), { examDate: dayFromForm(f, 'examDate') });
    return 'classes.examDateSaved';
  });
}

export async function addInstructorAction(_prev: FormState, formData: FormData) {
  return perform(formData, async (f) => {
    await addInstructor(await currentActor(), classIdOf(f), { email: field(f, 'email') }, await requestNow());
    return 'classes.instructorAdded';
  });
}

export async function removeStudentAction(_prev: FormState, formData: FormData) {
  return perform(formData, async (f) => {
    await removeStudent(await currentActor(), classIdOf(f), String(f.get('studentId') ?? ''), await requestNow());
    return 'classes.studentRemoved';
  });
}
