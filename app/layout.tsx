import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import Link from 'next/link';
import { currentActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { signOutAction, switchLocaleAction } from './_actions/session';
import { LocaleSwitch, NavLink } from './_components/site-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ingat', template: '%s · Ingat' },
  description: 'Ingat: pelajaran, bank soal, dan pengulangan berjarak FSRS.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ t, locale }, actor, h] = await Promise.all([getT(), currentActor(), headers()]);
  const path = h.get('x-ingat-path') ?? '/';
  const other = locale === 'id' ? 'en' : 'id';
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            <img src="/icon.svg" alt="" width={28} height={28} />
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.mainNav')}>
            <ul>
              <li>
                <NavLink href="/courses">{t('nav.courses')}</NavLink>
              </li>
              {actor && (
                <>
                  <li>
                    <NavLink href="/review">{t('nav.review')}</NavLink>
                  </li>
                  <li>
                    <NavLink href="/classes">{t('nav.classes')}</NavLink>
                  </li>
                  <li>
                    <NavLink href="/stats">{t('nav.stats')}</NavLink>
                  </li>
                  <li>
                    <NavLink href="/exam">{t('nav.exam')}</NavLink>
                  </li>
                  <li>
                    <NavLink href="/settings">{t('nav.settings')}</NavLink>
                  </li>
                </>
              )}
              {actor?.role === 'ADMIN' && (
                <li>
                  <NavLink href="/admin/users">{t('nav.admin')}</NavLink>
                </li>
              )}
              {actor ? (
                <>
                  <li>
                    <NavLink href="/account">{t('nav.account')}</NavLink>
                  </li>
                  <li>
                    <form action={signOutAction}>
                      <button type="submit" className="link-button">
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <Link href="/signin">{t('nav.signIn')}</Link>
                  </li>
                  <li>
                    <Link href="/signup">{t('nav.signUp')}</Link>
                  </li>
                </>
              )}
              <li>
                <LocaleSwitch
                  action={switchLocaleAction}
                  other={other}
                  serverPath={path}
                  label={t('app.switchToLabel')}
                >
                  {t('app.switchTo')}
                </LocaleSwitch>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
