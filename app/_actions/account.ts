'use server';
/** Profile, password and admin user actions: parse the form, call lib/data (which checks who may do it). */
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { requestClient } from '@/lib/auth/request-client';
import { changePassword, setUserDisabled, setUserRole, updateProfile } from '@/lib/data/users';
import { errorState, formValues, type FormState } from '@/lib/forms/state';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/catalogue';
import { getT } from '@/lib/i18n/server';

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const values = formValues(formData);
  try {
    const user = await updateProfile(await currentActor(), {
      displayName: formData.get('displayName'),
      locale: formData.get('locale'),
      timeZone: formData.get('timeZone'),
    });
    (await cookies()).set(LOCALE_COOKIE, user.locale, { maxAge: 365 * 24 * 3600, sameSite: 'lax', path: '/' });
    revalidatePath('/', 'layout');
    return { status: 'ok', message: translator(user.locale === 'en' ? 'en' : 'id')('account.saved'), values };
  } catch (error) {
    return errorState(error, t, values);
  }
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  try {
    await changePassword(
      await currentActor(),
      {
        currentPassword: formData.get('currentPassword'),
        newPassword: formData.get('newPassword'),
        confirmPassword: formData.get('confirmPassword'),
      },
      await requestClient(),
      await requestNow(),
    );
    return { status: 'ok', message: t('account.passwordChanged') };
  } catch (error) {
    return errorState(error, t, {});
  }
}

export async function adminUpdateUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  const actor = await currentActor();
  const userId = String(formData.get('userId') ?? '');
  try {
    const op = formData.get('op');
    if (op === 'role') await setUserRole(actor, userId, formData.get('role'));
    else if (op === 'disable') await setUserDisabled(actor, userId, true);
    else if (op === 'enable') await setUserDisabled(actor, userId, false);
    revalidatePath('/admin/users');
    return { status: 'ok', message: t('admin.updated') };
  } catch (error) {
    return errorState(error, t, {});
  }
}
