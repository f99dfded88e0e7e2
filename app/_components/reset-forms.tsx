'use client';
/** The forms of account recovery: asking for a link by mail, setting a new password, and issuing a link for someone. */
import { useActionState } from 'react';
import {
  issueResetLinkAction,
  requestResetAction,
  resetPasswordAction,
  type IssuedLinkState,
} from '@/app/_actions/security';
import { CopyButton } from '@/app/_components/copy-button';
import { Field, FormMessage } from '@/app/_components/field';
import { idleState } from '@/lib/forms/state';
import { useTranslator } from '@/lib/i18n/client';

export function ForgotPasswordForm({ labels }: { labels: { email: string; submit: string } }) {
  const [state, action, pending] = useActionState(requestResetAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <Field
        name="email"
        type="email"
        label={labels.email}
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}

export function ResetPasswordForm({
  token,
  labels,
}: {
  token: string;
  labels: { next: string; confirm: string; hint: string; submit: string };
}) {
  const [state, action, pending] = useActionState(resetPasswordAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="newPassword"
        type="password"
        label={labels.next}
        hint={labels.hint}
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.newPassword}
      />
      <Field
        name="confirmPassword"
        type="password"
        label={labels.confirm}
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.confirmPassword}
      />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}

const idleIssued: IssuedLinkState = idleState;

/** One button per account; the link appears once, with a copy button, below it. */
export function IssueResetLinkForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslator();
  const [state, action, pending] = useActionState(issueResetLinkAction, idleIssued);
  return (
    <form action={action} className="issue-reset">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="secondary" disabled={pending} aria-label={t('reset.issueLabel', { name })}>
        {t('reset.issue')}
      </button>
      {state.link ? (
        <div className="notice notice-ok" role="status">
          <label htmlFor={`reset-link-${userId}`}>{state.message}</label>
          <input
            id={`reset-link-${userId}`}
            readOnly
            value={state.link}
            className="token-value"
            onFocus={(e) => e.currentTarget.select()}
            data-testid="reset-link"
          />
          <CopyButton
            value={state.link}
            label={t('reset.copyLink')}
            copiedText={t('settings.copied')}
            failedText={t('settings.copyFailed')}
          />
        </div>
      ) : (
        <FormMessage status={state.status} message={state.message} />
      )}
    </form>
  );
}
