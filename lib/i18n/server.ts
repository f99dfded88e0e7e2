/** The request's locale: the visitor's cookie, else the signed-in user's preference, else Indonesian. */
import { cookies } from 'next/headers';
import { cache } from 'react';
import { currentActor } from '@/lib/auth/session';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from './locales';
import { translator } from './catalogue';

export const requestLocale = cache(async (): Promise<Locale> => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const actor = await currentActor();
  return actor?.locale ?? DEFAULT_LOCALE;
});

export async function getT() {
  const locale = await requestLocale();
  return { locale, t: translator(locale) };
}
