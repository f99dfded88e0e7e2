/**
 * Message catalogues and the translate function. Pure: the locale is passed in.
 * Keys are dotted paths ("auth.email"); `{name}` placeholders are filled from params.
 */
import { id } from './messages/id';
import { en } from './messages/en';
import type { Locale } from './locales';
import { fillTemplate, lookup } from './translate';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof id>;

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Paths<Messages>;

const catalogues: Record<Locale, Messages> = { id, en };

/** Whether a string (e.g. a zod issue's message, or a reason stored in the database) is a key of the catalogues. */
export function isMessageKey(key: string): key is MessageKey {
  return lookup(catalogues.id, key) !== undefined;
}

/**
 * A message key where a library takes a plain string (zod's `error` and check messages), so a key that does not
 * exist is a type error there too. @example z.string().min(1, msg('validation.required'))
 */
export function msg(key: MessageKey): MessageKey {
  return key;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A catalogue's top-level sections (namespaces): what a page hands its client components. */
export type Namespace = keyof Messages;

/**
 * The named sections of one locale's catalogue, for client components (see lib/i18n/client.tsx), so the browser
 * receives a few hundred strings of one language instead of both catalogues in its JavaScript.
 */
export function messagesFor(locale: Locale, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((ns) => [ns, catalogues[locale][ns]]));
}

/**
 * @example translator('en')('nav.signedInAs', { name: 'Sari' }) // "Signed in as Sari"
 * Unknown keys fall back to Indonesian, then to the key itself (visible, so a missing string is noticed).
 */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const template = lookup(catalogues[locale], key) ?? lookup(catalogues.id, key) ?? key;
    return fillTemplate(template, params);
  };
}

/**
 * The parameters an error message may use for a wait: `{wait}` ("40 detik", "3 menit"), and `{minutes}` rounded up.
 * @example retryParams(90, translator('en')) // { wait: '2 minutes', minutes: 2, seconds: 90 }
 */
export function retryParams(retryAfterSeconds: number | undefined, t: Translate): { wait: string; minutes: number } {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds ?? 0));
  const minutes = Math.ceil(seconds / 60);
  return {
    wait: seconds < 60 ? t('errors.waitSeconds', { n: seconds }) : t('errors.waitMinutes', { n: minutes }),
    minutes,
  };
}
