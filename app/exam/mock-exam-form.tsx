'use client';
/** Starting a mock exam: the limits are stated before, and what was typed stays after a refusal. */
import { useActionState } from 'react';
import { startMockExamAction } from '@/app/_actions/exam';
import { Field, FormMessage } from '@/app/_components/field';
import { idleState } from '@/lib/forms/state';
import { useTranslator } from '@/lib/i18n/client';

export function MockExamForm({ courseId }: { courseId: string }) {
  const t = useTranslator();
  const [state, action, pending] = useActionState(startMockExamAction, idleState);
  const v = state.values ?? { questions: '20', minutes: '30' };
  return (
    <form action={action} noValidate className="row-form">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="courseId" value={courseId} />
      <Field
        name="questions"
        type="number"
        inputMode="numeric"
        label={t('exam.questions')}
        hint={t('exam.questionsHint')}
        min={5}
        max={60}
        defaultValue={v.questions}
        errors={state.fieldErrors?.questions}
      />
      <Field
        name="minutes"
        type="number"
        inputMode="numeric"
        label={t('exam.minutes')}
        hint={t('exam.minutesHint')}
        min={2}
        max={180}
        defaultValue={v.minutes}
        errors={state.fieldErrors?.minutes}
      />
      <button type="submit" disabled={pending}>
        {t('exam.start')}
      </button>
    </form>
  );
}
