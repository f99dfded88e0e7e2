'use client';
import { useActionState } from 'react';
import { Field, FormMessage } from '@/app/_components/field';
import { changePasswordAction, updateProfileAction } from '@/app/_actions/account';
import { idleState } from '@/lib/forms/state';

export interface ProfileLabels {
  displayName: string;
  language: string;
  timeZone: string;
  timeZoneHint: string;
  save: string;
}

export function ProfileForm({
  labels,
  initial,
  timeZones,
}: {
  labels: ProfileLabels;
  initial: { displayName: string; locale: string; timeZone: string };
  timeZones: string[];
}) {
  const [state, action, pending] = useActionState(updateProfileAction, idleState);
  const v = state.values ?? initial;
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <Field
        name="displayName"
        label={labels.displayName}
        required
        defaultValue={v.displayName}
        errors={state.fieldErrors?.displayName}
      />
      <div className="field">
        <label htmlFor="f-locale">{labels.language}</label>
        <select id="f-locale" name="locale" defaultValue={v.locale}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
        {state.fieldErrors?.locale && <p className="field-error">{state.fieldErrors.locale.join(' ')}</p>}
      </div>
      <div className="field">
        <label htmlFor="f-timeZone">{labels.timeZone}</label>
        <p className="hint" id="f-timeZone-hint">
          {labels.timeZoneHint}
        </p>
        <select id="f-timeZone" name="timeZone" defaultValue={v.timeZone} aria-describedby="f-timeZone-hint">
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </select>
        {state.fieldErrors?.timeZone && <p className="field-error">{state.fieldErrors.timeZone.join(' ')}</p>}
      </div>
      <button type="submit" disabled={pending}>
        {labels.save}
      </button>
    </form>
  );
}

export interface PasswordLabels {
  current: string;
  next: string;
  confirm: string;
  hint: string;
  submit: string;
}

export function PasswordForm({ labels }: { labels: PasswordLabels }) {
  const [state, action, pending] = useActionState(changePasswordAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <Field
        name="currentPassword"
        type="password"
        label={labels.current}
        autoComplete="current-password"
        errors={state.fieldErrors?.currentPassword}
      />
      <Field
        name="newPassword"
        type="password"
        label={labels.next}
        hint={labels.hint}
        autoComplete="new-password"
        errors={state.fieldErrors?.newPassword}
      />
      <Field
        name="confirmPassword"
        type="password"
        label={labels.confirm}
        autoComplete="new-password"
        errors={state.fieldErrors?.confirmPassword}
      />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
