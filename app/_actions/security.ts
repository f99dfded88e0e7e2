'use server';
/** Sessions and password resets: parse the form, call lib/data (which checks who may do it). */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { signOut } from '@/lib/auth/config';
import { requestClient } from '@/lib/auth/request-client';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { issuePasswordReset, requestPasswordResetByMail, resetPassword } from '@/lib/data/auth/password-reset';
import { revokeSession, signOutEverywhere } from '@/lib/data/auth/sessions';
import { env } from '@/lib/env';
import { errorState, formValues, type FormState } from '@/lib/forms/state';
import { intlLocale } from '@/lib/i18n/locales';
import { getT } from '@/lib/i18n/server';

export async function revokeSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  try {
    await revokeSession(await currentActor(), formData.get('sessionId'), await requestNow());
    revalidatePath('/account');
    return { status: 'ok', message: t('account.sessionEnded') };
  } catch (error) {
    return errorState(error, t, {});
  }
}

export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(await currentActor(), await requestNow());
  await signOut({ redirect: false });
  redirect('/signin');
}

export interface IssuedLinkState extends FormState {
  /** The whole link, in this one response only. */
  link?: string;
}

/** The site's address for a link shown on screen: the configured APP_URL, else the address this page was asked on. */
async function siteOrigin(): Promise<string> {
  const configured = env().APP_URL;
  if (configured) return configured;
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
}

export async function issueResetLinkAction(_prev: IssuedLinkState, formData: FormData): Promise<IssuedLinkState> {
  const { t, locale } = await getT();
  try {
    const actor = await currentActor();
    const issued = await issuePasswordReset(actor, formData.get('userId'), await requestNow());
    const expires = new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: actor?.timeZone,
    }).format(issued.expiresAt);
    return {
      status: 'ok',
      message: t('reset.issued', { name: issued.user.displayName, expires }),
      link: `${await siteOrigin()}${issued.path}`,
    };
  } catch (error) {
    return errorState(error, t, {});
  }
}

export async function requestResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const values = formValues(formData);
  try {
    await requestPasswordResetByMail({ email: formData.get('email') }, await requestClient(), await requestNow());
    return { status: 'ok', message: t('reset.forgotSent') };
  } catch (error) {
    return errorState(error, t, values);
  }
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  try {
    await resetPassword(
      String(formData.get('token') ?? ''),
      { newPassword: formData.get('newPassword'), confirmPassword: formData.get('confirmPassword') },
      await requestNow(),
    );
  } catch (error) {
    return errorState(error, t, {});
  }
  redirect('/signin?reset=1');
}
