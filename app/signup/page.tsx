import type { Metadata } from 'next';
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Daftar' };

export default async function SignUpPage() {
  const { t } = await getT();
  return (
    <>
      <h1>{t('auth.signUpTitle')}</h1>
      <div className="card">
        <SignUpForm
          labels={{
            email: t('auth.email'),
            password: t('auth.password'),
            passwordHint: t('auth.passwordHint'),
            displayName: t('auth.displayName'),
            submit: t('auth.submitSignUp'),
          }}
        />
      </div>
      <p>
        <Link href="/signin">{t('auth.haveAccount')}</Link>
      </p>
    </>
  );
}
