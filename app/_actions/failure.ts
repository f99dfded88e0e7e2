/**
 * What an action that is not a form returns when lib/data refuses: the first field error, else the error's own
 * message, in the user's language. Anything that is not an AppError is rethrown (never shown as a refusal).
 */
import { AppError } from '@/lib/errors';
import { getT } from '@/lib/i18n/server';

export async function failure(error: unknown): Promise<{ ok: false; message: string }> {
  if (!(error instanceof AppError)) throw error;
  const { t } = await getT();
  const field = Object.values(error.fieldErrors)[0]?.[0];
  return { ok: false, message: t(field ?? error.messageKey) };
}
