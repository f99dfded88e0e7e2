export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';
export const LOCALE_COOKIE = 'ingat-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The tag Intl formats a locale's dates and numbers with (British English writes the day first, as Indonesian does). */
const INTL_TAGS: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

export function intlTag(locale: Locale): string {
  return INTL_TAGS[locale];
}
