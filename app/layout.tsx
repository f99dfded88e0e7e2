import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import Link from 'next/link';
import { currentActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { signOutAction, switchLocaleAction } from './_actions/session';
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
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.mainNav')}>
            <ul>
              <li>
                <Link href="/courses">{t('nav.courses')}</Link>
              </li>
              {actor && (
                <>
                  <li>
                    <Link href="/review">{t('nav.review')}</Link>
                  </li>
                  <li>
                    <Link href="/classes">{t('nav.classes')}</Link>
                  </li>
                  <li>
                    <Link href="/stats">{t('nav.stats')}</Link>
                  </li>
                  <li>
                    <Link href="/exam">{t('nav.exam')}</Link>
                  </li>
                  <li>
                    <Link href="/settings">{t('nav.settings')}</Link>
                  </li>
                </>
              )}
              {actor?.role === 'ADMIN' && (
                <li>
                  <Link href="/admin/users">{t('nav.admin')}</Link>
                </li>
              )}
              {actor ? (
                <>
                  <li>
                    <Link href="/account">{t('nav.account')}</Link>
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
                <form action={switchLocaleAction}>
                  <input type="hidden" name="locale" value={other} />
                  <input type="hidden" name="back" value={path} />
                  <button type="submit" className="link-button" lang={other} aria-label={t('app.switchToLabel')}>
                    {t('app.switchTo')}
                  </button>
                </form>
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
