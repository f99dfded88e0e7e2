/** The language of API messages, from Accept-Language (shared by the dispatcher and the proxy's early refusals). */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@/lib/i18n/locales';

/**
 * The message language from Accept-Language: the supported language with the highest weight, Indonesian when the
 * header names neither (or is absent). "en-US,en;q=0.9" → en; "id,en;q=0.8" → id; "fr" → id.
 */
export function localeFromAcceptLanguage(header: string | null): Locale {
  let best: { locale: Locale; q: number } | null = null;
  for (const part of (header ?? '').split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    const locale = LOCALES.find((l) => l === primary);
    if (!locale) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
