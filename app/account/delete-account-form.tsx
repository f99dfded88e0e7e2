'use client';
/**
 * The owner's deletion form: their password and a ticked statement. The lists of what goes and what stays are shown
 * above it by the page; the server checks both fields again (lib/data/account/deletion.ts) and changes nothing when
 * either is wrong.
 */
import { useActionState } from 'react';
import { Field, FormMessage } from '@/app/_components/field';
import { deleteMyAccountAction } from '@/app/_actions/data-rights';
import { idleState } from '@/lib/forms/state';

export interface DeleteAccountLabels {
  password: string;
  passwordHint: string;
  confirm: string;
  submit: string;
}

export function DeleteAccountForm({ labels }: { labels: DeleteAccountLabels }) {
  const [state, action, pending] = useActionState(deleteMyAccountAction, idleState);
  const confirmError = state.fieldErrors?.confirm;
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <Field
        name="password"
        id="delete-password"
        type="password"
        label={labels.password}
        hint={labels.passwordHint}
        autoComplete="current-password"
        errors={state.fieldErrors?.password}
      />
      <div className="field">
        <label className="confirm-check">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            defaultChecked={state.values?.confirm === 'yes'}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? 'delete-confirm-error' : undefined}
          />{' '}
          {labels.confirm}
        </label>
        {confirmError && (
          <p className="field-error" id="delete-confirm-error">
            {confirmError.join(' ')}
          </p>
        )}
      </div>
      <button type="submit" className="danger" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
