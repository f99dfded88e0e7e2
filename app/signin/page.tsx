import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';
import { env } from '@/lib/env';
import { getT } from '@/lib/i18n/server';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/data/demo-accounts';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Masuk' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeRedirectPath(params.next);
  if (await currentActor()) redirect(next);
  const { t } = await getT();
  return (
    <>
      <h1>{t('auth.signInTitle')}</h1>
      {params.registered === '1' && (
        <p className="notice notice-ok" role="status">
          {t('auth.signedUp')}
        </p>
      )}
      {params.reset === '1' && (
        <p className="notice notice-ok" role="status">
          {t('reset.done')}
        </p>
      )}
      <div className="card">
        <SignInForm
          next={next}
          labels={{ email: t('auth.email'), password: t('auth.password'), submit: t('auth.submitSignIn') }}
        />
      </div>
      <p>
        <Link href="/forgot-password">{t('auth.forgotPassword')}</Link>
      </p>
      <p>
        <Link href="/signup">{t('auth.noAccount')}</Link>
      </p>
      {env().INGAT_DEMO === '1' && (
        <section className="card" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('auth.demoTitle')}</h2>
          <p>{t('auth.demoLead', { password: DEMO_PASSWORD })}</p>
          <ul>
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <code>{a.email}</code> ({t(`roles.${a.role}`)})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
