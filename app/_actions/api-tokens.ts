'use server';
/** Personal API tokens on the settings page: parse the form, call lib/data/api-tokens (which checks ownership). */
import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { requestClient } from '@/lib/auth/request-client';
import { createApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { errorState, formValues, type FormState } from '@/lib/forms/state';
import { getT } from '@/lib/i18n/server';

export interface TokenFormState extends FormState {
  /** The new token's plaintext: in this one response only, never stored or shown again. */
  token?: string;
}

export async function createTokenAction(_prev: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const { t } = await getT();
  const values = formValues(formData, ['password']);
  try {
    const created = await createApiToken(
      await currentActor(),
      {
        name: formData.get('name'),
        password: formData.get('password'),
        expiresInDays: Number(formData.get('expiresInDays') ?? 90),
      },
      await requestClient(),
      await requestNow(),
    );
    revalidatePath('/settings');
    return { status: 'ok', message: t('settings.tokenCreated'), token: created.token };
  } catch (error) {
    return errorState(error, t, values);
  }
}

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { t } = await getT();
  try {
    await revokeApiToken(await currentActor(), formData.get('tokenId'), await requestNow());
    revalidatePath('/settings');
    return { status: 'ok', message: t('settings.tokenRevoked') };
  } catch (error) {
    return errorState(error, t, {});
  }
}
