'use client';
/**
 * The settings page's personal API tokens: create one (shown once), see them all, revoke any. The page supplies the
 * section's heading, lead and the link to the API document.
 */
import { useActionState } from 'react';
import { createTokenAction, revokeTokenAction, type TokenFormState } from '@/app/_actions/api-tokens';
import { CopyButton } from '@/app/_components/copy-button';
import { Field, FormMessage } from '@/app/_components/field';
import { idleState } from '@/lib/forms/state';
import { useTranslator } from '@/lib/i18n/client';
import type { Locale } from '@/lib/i18n/locales';
import { intlLocale } from '@/lib/i18n/locales';
import { TOKEN_LIFETIMES_DAYS } from '@/lib/validation/account';

export interface ApiTokenRow {
  id: string;
  name: string;
  lastFour: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const idleTokenState: TokenFormState = idleState;

export function ApiTokens({
  tokens,
  locale,
  timeZone,
  now,
}: {
  tokens: ApiTokenRow[];
  locale: Locale;
  /** The request's time (ISO), to tell expired tokens from active ones the same way the server does. */
  now: string;
  /** The learner's time zone (their profile's), as every other time on their pages. */
  timeZone: string;
}) {
  const t = useTranslator();
  const [created, createAction, creating] = useActionState(createTokenAction, idleTokenState);
  const [revoked, revokeAction, revoking] = useActionState(revokeTokenAction, idleState);
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
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
              className="token-value"
            />
            <CopyButton
              value={created.token}
              label={t('settings.copyToken')}
              copiedText={t('settings.copied')}
              failedText={t('settings.copyFailed')}
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
        <div className="field">
          <label htmlFor="f-expiresInDays">{t('settings.tokenLifetime')}</label>
          <select
            id="f-expiresInDays"
            name="expiresInDays"
            defaultValue={created.status === 'error' ? (created.values?.expiresInDays ?? '90') : '90'}
          >
            {TOKEN_LIFETIMES_DAYS.map((days) => (
              <option key={days} value={days}>
                {t('settings.tokenLifetimeDays', { n: days })}
              </option>
            ))}
          </select>
          {created.fieldErrors?.expiresInDays && (
            <p className="field-error">{created.fieldErrors.expiresInDays.join(' ')}</p>
          )}
        </div>
        <Field
          name="password"
          type="password"
          label={t('settings.tokenPassword')}
          hint={t('settings.tokenPasswordHint')}
          autoComplete="current-password"
          required
          errors={created.fieldErrors?.password}
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
                <th scope="col">{t('settings.tokenColumns.expires')}</th>
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
                  <td>{when(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('settings.never')}</td>
                  <td>
                    {token.revokedAt
                      ? t('settings.revoked')
                      : token.expiresAt <= now
                        ? t('settings.expired')
                        : t('settings.active')}
                  </td>
                  <td>
                    {!token.revokedAt && token.expiresAt > now && (
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
