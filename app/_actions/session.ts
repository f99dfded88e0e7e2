'use server';
/** Sign-in, sign-up, sign-out and language switch: thin wrappers around lib/data. */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/lib/auth/config';
import { currentActor } from '@/lib/auth/session';
import { safeRedirectPath } from '@/lib/auth/safe-redirect';
import { requestClient } from '@/lib/auth/request-client';
import { requestNow } from '@/lib/clock';
import { preferredLocaleOf, setLocale, signUp } from '@/lib/data/users';
import { Invalid, RateLimited, Forbidden } from '@/lib/errors';
import { errorState, formValues, type FormState } from '@/lib/forms/state';
import { getT } from '@/lib/i18n/server';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/locales';
import { signInSchema } from '@/lib/validation/account';
import { parseOrThrow } from '@/lib/validation/parse';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const values = formValues(formData, ['password']);
  try {
    parseOrThrow(signInSchema, { email: formData.get('email'), password: formData.get('password') });
    await signIn('credentials', { email: formData.get('email'), password: formData.get('password'), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return errorState(fromAuthError(error), t, values);
    return errorState(error, t, values);
  }
  // The new session cookie is not readable in this same request, so the stored language is looked up by email.
  const locale = await preferredLocaleOf(String(formData.get('email')));
  if (locale) (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: YEAR_SECONDS, sameSite: 'lax', path: '/' });
  redirect(safeRedirectPath(formData.get('next')));
}

/** Auth.js carries our refusal as the error's code: "errors.badCredentials", "errors.rateLimited:900", … */
function fromAuthError(error: AuthError) {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'errors.badCredentials';
  const [key, seconds] = code.split(':');
  if (key === 'errors.rateLimited') return new RateLimited(Number(seconds) || 900);
  if (key === 'errors.accountDisabled') return new Forbidden('errors.accountDisabled');
  return new Invalid({ _form: ['errors.badCredentials'] }, 'errors.badCredentials');
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t, locale } = await getT();
  const values = formValues(formData, ['password']);
  try {
    await signUp(
      {
        email: formData.get('email'),
        password: formData.get('password'),
        displayName: formData.get('displayName'),
        locale,
        timeZone: formData.get('timeZone') || undefined,
      },
      await requestClient(),
      await requestNow(),
    );
  } catch (error) {
    return errorState(error, t, values);
  }
  redirect('/signin?registered=1');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect('/');
}

export async function switchLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: YEAR_SECONDS, sameSite: 'lax', path: '/' });
  const actor = await currentActor();
  if (actor) await setLocale(actor, locale);
  redirect(safeRedirectPath(formData.get('back')));
}
