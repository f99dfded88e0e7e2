export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';
export const LOCALE_COOKIE = 'ingat-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag for Intl formatting in a locale (dates as Indonesians or British English write them). */
export function intlLocale(locale: Locale): 'id-ID' | 'en-GB' {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}
