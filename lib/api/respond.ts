/**
 * The one place where API outcomes become HTTP: JSON bodies (and file downloads), statuses from the AppError vocabulary (lib/errors.ts),
 * messages translated into the caller's language, Retry-After for throttling, and a 500 for anything else that
 * names only a request id (the details go to the log, never to the caller).
 */
import { AppError, HTTP_STATUS } from '@/lib/errors';
import { retryParams, translator, type Translate } from '@/lib/i18n/catalogue';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@/lib/i18n/locales';
import { requestLogger } from '@/lib/log';
import type { z } from 'zod';
import type { apiErrorSchema } from './schemas';

type ApiErrorBody = z.input<typeof apiErrorSchema>;

const BASE_HEADERS = { 'Cache-Control': 'no-store' } as const;

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

export function jsonResponse(body: unknown, status: number, requestId: string, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { ...BASE_HEADERS, 'x-request-id': requestId, ...headers } });
}

/**
 * A file download: the body as-is with its media type, and Content-Disposition naming the file (the name is
 * checked by csvFileSchema to need no quoting or encoding).
 */
export function fileResponse(
  file: { filename: string; body: string },
  contentType: string,
  status: number,
  requestId: string,
): Response {
  return new Response(file.body, {
    status,
    headers: {
      ...BASE_HEADERS,
      'x-request-id': requestId,
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    },
  });
}

function translatedFields(error: AppError, t: Translate): Record<string, string[]> | undefined {
  const entries = Object.entries(error.fieldErrors);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([field, keys]) => [field, keys.map((k) => t(k))]));
}

export interface ErrorContext {
  locale: Locale;
  requestId: string;
  /** Extra headers, e.g. Allow on a path that exists for another method. */
  headers?: HeadersInit;
}

export function errorResponse(error: unknown, { locale, requestId, headers = {} }: ErrorContext): Response {
  const t = translator(locale);
  if (error instanceof AppError) {
    const extra = new Headers(headers);
    if (error.code === 'rate_limited' && error.retryAfterSeconds) {
      extra.set('Retry-After', String(error.retryAfterSeconds));
    }
    if (error.code === 'unauthenticated') extra.set('WWW-Authenticate', 'Bearer');
    const body: ApiErrorBody = {
      error: {
        code: error.code,
        message: t(error.messageKey, retryParams(error.retryAfterSeconds, t)),
        fields: translatedFields(error, t),
      },
    };
    return jsonResponse(body, HTTP_STATUS[error.code], requestId, Object.fromEntries(extra));
  }
  requestLogger(requestId).error({ err: error }, 'api: unhandled error');
  const body: ApiErrorBody = { error: { code: 'internal', message: t('errors.unexpected'), requestId } };
  return jsonResponse(body, 500, requestId, headers);
}
