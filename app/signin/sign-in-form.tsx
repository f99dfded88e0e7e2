'use client';
import { useActionState } from 'react';
import { Field, FormMessage } from '@/app/_components/field';
import { signInAction } from '@/app/_actions/session';
import { idleState } from '@/lib/forms/state';

export interface SignInLabels {
  email: string;
  password: string;
  submit: string;
}

export function SignInForm({ labels, next }: { labels: SignInLabels; next: string }) {
  const [state, action, pending] = useActionState(signInAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="next" value={next} />
      <Field
        name="email"
        type="email"
        label={labels.email}
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Field
        name="password"
        type="password"
        label={labels.password}
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
