import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/app/_components/reset-forms';
import { getT } from '@/lib/i18n/server';
import { mailConfigured } from '@/lib/mail';

export const metadata: Metadata = { title: 'Lupa kata sandi' };

export default async function ForgotPasswordPage() {
  const { t } = await getT();
  return (
    <>
      <h1>{t('reset.forgotTitle')}</h1>
      <div className="card">
        {mailConfigured() ? (
          <>
            <p>{t('reset.forgotLead')}</p>
            <ForgotPasswordForm labels={{ email: t('auth.email'), submit: t('reset.forgotSubmit') }} />
          </>
        ) : (
          <p>{t('reset.noMail')}</p>
        )}
      </div>
      <p>
        <Link href="/signin">{t('auth.haveAccount')}</Link>
      </p>
    </>
  );
}
