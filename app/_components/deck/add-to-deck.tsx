'use client';
/** A one-button form that adds a lesson (or a whole course) to the learner's review deck. */
import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/field';
import { addToDeckAction } from '@/app/_actions/review';
import { idleState } from '@/lib/forms/state';

export function AddToDeck({ courseId, lessonId, label }: { courseId: string; lessonId?: string; label: string }) {
  const [state, action, pending] = useActionState(addToDeckAction, idleState);
  return (
    <form action={action} className="add-to-deck">
      <input type="hidden" name="courseId" value={courseId} />
      {lessonId && <input type="hidden" name="lessonId" value={lessonId} />}
      <button type="submit" disabled={pending}>
        {label}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
