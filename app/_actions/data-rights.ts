'use server';
/**
 * Deleting an account from the account page (the owner, with their password) and from the admin's user list.
 * Parse the form, call lib/data/account/deletion (which checks who may do it). Exports need no action: the account
 * page links to the API's download operations, which the browser session authorises.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/config';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { adminDeleteAccount, deleteMyAccount } from '@/lib/data/account/deletion';
import { errorState, type FormState } from '@/lib/forms/state';
import { getT } from '@/lib/i18n/server';

/** A checkbox is sent as "yes" when ticked and not at all otherwise. */
const ticked = (formData: FormData, name: string) => formData.get(name) === 'yes';

export async function deleteMyAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  try {
    await deleteMyAccount(
      await currentActor(),
      { password: formData.get('password'), confirm: ticked(formData, 'confirm') },
      await requestNow(),
    );
  } catch (error) {
    // Nothing was changed; the confirmation is kept ticked if it was, the password never comes back.
    return errorState(error, t, ticked(formData, 'confirm') ? { confirm: 'yes' } : {});
  }
  // The session row is already gone; this clears the cookie and leaves for a page anyone may see.
  await signOut({ redirectTo: '/account/deleted' });
  return { status: 'ok' };
}

export async function adminDeleteUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  try {
    await adminDeleteAccount(
      await currentActor(),
      formData.get('userId'),
      { confirm: ticked(formData, 'confirm') },
      await requestNow(),
    );
  } catch (error) {
    return errorState(error, t, {});
  }
  // The row leaves the list with its form, so the confirmation is shown at the top of the page instead.
  revalidatePath('/admin/users');
  redirect('/admin/users?deleted=1');
}
