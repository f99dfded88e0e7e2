import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/app/_components/reset-forms';
import { requestNow } from '@/lib/clock';
import { resetLinkState } from '@/lib/data/auth/password-reset';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Atur ulang kata sandi', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ t }, state] = await Promise.all([getT(), requestNow().then((now) => resetLinkState(token, now))]);
  return (
    <>
      <h1>{t('reset.title')}</h1>
      <div className="card">
        {state === 'valid' ? (
          <>
            <p>{t('reset.leadNoEmail')}</p>
            <ResetPasswordForm
              token={token}
              labels={{
                next: t('account.newPassword'),
                confirm: t('account.confirmPassword'),
                hint: t('auth.passwordHint'),
                submit: t('reset.submit'),
              }}
            />
          </>
        ) : (
          <>
            <p className="notice notice-error" role="alert">
              {t(`reset.link.${state}`)}
            </p>
            <p>
              <Link href="/forgot-password">{t('auth.forgotPassword')}</Link>
            </p>
          </>
        )}
      </div>
    </>
  );
}
