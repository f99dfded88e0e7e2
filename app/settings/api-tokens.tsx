'use client';
/**
 * The settings page's personal API tokens: create one (shown once), see them all, revoke any. The page supplies the
 * section's heading, lead and the link to the API document.
 */
import { useActionState } from 'react';
import { createTokenAction, revokeTokenAction, type TokenFormState } from '@/app/_actions/api-tokens';
import { Field, FormMessage } from '@/app/_components/field';
import { idleState } from '@/lib/forms/state';
import { translator } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { intlTag } from '@/lib/i18n/locales';

export interface ApiTokenRow {
  id: string;
  name: string;
  lastFour: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const idleTokenState: TokenFormState = idleState;

export function ApiTokens({
  tokens,
  locale,
  timeZone,
}: {
  tokens: ApiTokenRow[];
  locale: Locale;
  /** The learner's time zone (their profile's), as every other time on their pages. */
  timeZone: string;
}) {
  const t = translator(locale);
  const [created, createAction, creating] = useActionState(createTokenAction, idleTokenState);
  const [revoked, revokeAction, revoking] = useActionState(revokeTokenAction, idleState);
  const format = new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const when = (iso: string) => <time dateTime={iso}>{format.format(new Date(iso))}</time>;

  return (
    <div className="api-tokens">
      <form action={createAction} noValidate>
        {created.token ? (
          <div className="notice notice-ok" role="status">
            <label htmlFor="f-new-token">{created.message}</label>
            <input
              id="f-new-token"
              readOnly
              value={created.token}
              onFocus={(e) => e.currentTarget.select()}
              autoComplete="off"
              spellCheck={false}
              data-testid="new-token"
            />
          </div>
        ) : (
          <FormMessage status={created.status} message={created.message} />
        )}
        <Field
          name="name"
          label={t('settings.tokenName')}
          required
          maxLength={60}
          autoComplete="off"
          defaultValue={created.status === 'error' ? created.values?.name : undefined}
          errors={created.fieldErrors?.name}
        />
        <button type="submit" disabled={creating}>
          {t('settings.createToken')}
        </button>
      </form>

      <FormMessage status={revoked.status} message={revoked.message} />
      {tokens.length === 0 ? (
        <p className="muted">{t('settings.noTokens')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('settings.tokenColumns.name')}</th>
                <th scope="col">{t('settings.tokenColumns.created')}</th>
                <th scope="col">{t('settings.tokenColumns.lastUsed')}</th>
                <th scope="col">{t('settings.tokenColumns.status')}</th>
                <th scope="col">{t('settings.tokenColumns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>
                    {token.name} <span className="muted">(…{token.lastFour})</span>
                  </td>
                  <td>{when(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('settings.never')}</td>
                  <td>{token.revokedAt ? t('settings.revoked') : t('settings.active')}</td>
                  <td>
                    {!token.revokedAt && (
                      <form action={revokeAction}>
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button
                          type="submit"
                          className="secondary"
                          disabled={revoking}
                          aria-label={t('settings.revokeLabel', { name: token.name })}
                        >
                          {t('settings.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
