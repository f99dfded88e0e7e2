'use client';
/**
 * A small form bound to a server action that returns FormState (the instructor's many one-line forms). Shows the
 * result, and on failure each field's message (the messages name their field), so nothing wrong goes unexplained.
 */
import { useActionState, type ReactNode } from 'react';
import { FormMessage } from '@/app/_components/field';
import { idleState, type FormState } from '@/lib/forms/state';

export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  secondary = false,
  submitAriaLabel,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  secondary?: boolean;
  submitAriaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldMessages = Object.values(state.fieldErrors ?? {}).flat();
  return (
    <form action={formAction} noValidate className={className}>
      {children}
      <button
        type="submit"
        disabled={pending}
        className={secondary ? 'secondary' : undefined}
        aria-label={submitAriaLabel}
      >
        {submitLabel}
      </button>
      <FormMessage status={state.status} message={state.message} />
      {fieldMessages.length > 0 && (
        <ul className="field-error" role="alert">
          {fieldMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
