'use client';
/**
 * An admin deletes someone's account: a closed disclosure, which opens on what the deletion does and asks for an
 * explicit tick before the button does anything (the server checks the tick again).
 */
import { useActionState } from 'react';
import { adminDeleteUserAction } from '@/app/_actions/data-rights';
import { FormMessage } from '@/app/_components/field';
import { idleState } from '@/lib/forms/state';

export interface DeleteUserLabels {
  open: string;
  explain: string;
  confirm: string;
  submit: string;
}

export function DeleteUserForm({ userId, labels }: { userId: string; labels: DeleteUserLabels }) {
  const [state, action, pending] = useActionState(adminDeleteUserAction, idleState);
  const confirmError = state.fieldErrors?.confirm;
  const errorId = `delete-${userId}-error`;
  return (
    <details className="admin-delete">
      <summary>{labels.open}</summary>
      <form action={action} noValidate>
        <FormMessage status={state.status} message={state.message} />
        <p className="hint">{labels.explain}</p>
        <input type="hidden" name="userId" value={userId} />
        <label className="confirm-check">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? errorId : undefined}
          />{' '}
          {labels.confirm}
        </label>
        {confirmError && (
          <p className="field-error" id={errorId}>
            {confirmError.join(' ')}
          </p>
        )}
        <button type="submit" className="danger" disabled={pending}>
          {labels.submit}
        </button>
      </form>
    </details>
  );
}
