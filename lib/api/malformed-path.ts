/**
 * A request path with broken percent-encoding (`/api/v1/classes/%ZZ`) never reaches the API's route: Next fails to
 * decode it while routing and answers with its own HTML or plain-text error page. The proxy (proxy.ts) sees such
 * paths first (its matcher takes only API paths containing "%", so ordinary calls do not pay for it) and answers
 * here, in the API's JSON error shape, like every other malformed request. Kept free of the logger and the
 * database: the proxy runs before everything else.
 */
import { translator } from '@/lib/i18n/catalogue';
import { localeFromAcceptLanguage } from './locale';

/** True when every segment of the raw path decodes. */
export function decodablePath(rawPath: string): boolean {
  try {
    for (const segment of rawPath.split('/')) decodeURIComponent(segment);
    return true;
  } catch (error) {
    if (error instanceof URIError) return false;
    throw error;
  }
}

/** 400 in the API's error shape, or null when the path is fine and the request may go on. */
export function malformedPathResponse(request: Request): Response | null {
  if (decodablePath(new URL(request.url).pathname)) return null;
  const t = translator(localeFromAcceptLanguage(request.headers.get('accept-language')));
  return Response.json(
    { error: { code: 'invalid', message: t('errors.invalid'), fields: { _form: [t('api.malformedPath')] } } },
    { status: 400, headers: { 'Cache-Control': 'no-store' } },
  );
}
