'use client';
import { useActionState } from 'react';
import { Field, FormMessage } from '@/app/_components/field';
import { signUpAction } from '@/app/_actions/session';
import { idleState } from '@/lib/forms/state';

export interface SignUpLabels {
  email: string;
  password: string;
  passwordHint: string;
  displayName: string;
  submit: string;
}

export function SignUpForm({ labels }: { labels: SignUpLabels }) {
  const [state, action, pending] = useActionState(signUpAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <Field
        name="displayName"
        label={labels.displayName}
        autoComplete="name"
        required
        defaultValue={state.values?.displayName}
        errors={state.fieldErrors?.displayName}
      />
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
        hint={labels.passwordHint}
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.password}
      />
      <TimeZoneFromBrowser />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}

/** Fills the hidden time-zone field from the browser, so "today" rolls over at the learner's own midnight. */
function TimeZoneFromBrowser() {
  return (
    <input
      type="hidden"
      name="timeZone"
      ref={(el) => {
        if (el) el.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
      }}
    />
  );
}
