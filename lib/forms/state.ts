/**
 * The state a server-action form returns: translated field errors, a form-level message, and the submitted values
 * (minus passwords) so nothing the user typed is lost. AppErrors become messages; anything else is rethrown.
 */
import { AppError } from '@/lib/errors';
import { retryParams, type Translate } from '@/lib/i18n/catalogue';

export interface FormState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

export const idleState: FormState = { status: 'idle' };

export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === 'string' && !omit.includes(k) && !k.startsWith('$')) out[k] = v;
  }
  return out;
}

export function errorState(error: unknown, t: Translate, values: Record<string, string>): FormState {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(error.fieldErrors)) fieldErrors[field] = keys.map((k) => t(k));
  return {
    status: 'error',
    message: t(error.messageKey, retryParams(error.retryAfterSeconds, t)),
    fieldErrors,
    values,
  };
}
