'use client';
/** The account page's list of signed-in sessions: end any one, or all of them at once. */
import { useActionState } from 'react';
import { revokeSessionAction, signOutEverywhereAction } from '@/app/_actions/security';
import { FormMessage } from '@/app/_components/field';
import { idleState } from '@/lib/forms/state';
import { useTranslator } from '@/lib/i18n/client';
import { intlLocale, type Locale } from '@/lib/i18n/locales';

export interface SessionRow {
  id: string;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export function Sessions({ sessions, locale, timeZone }: { sessions: SessionRow[]; locale: Locale; timeZone: string }) {
  const t = useTranslator();
  const [state, action, pending] = useActionState(revokeSessionAction, idleState);
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const when = (iso: string) => <time dateTime={iso}>{format.format(new Date(iso))}</time>;
  return (
    <>
      <FormMessage status={state.status} message={state.message} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('account.sessionColumns.device')}</th>
              <th scope="col">{t('account.sessionColumns.signedIn')}</th>
              <th scope="col">{t('account.sessionColumns.lastSeen')}</th>
              <th scope="col">{t('account.sessionColumns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const device = s.device ?? t('account.unknownDevice');
              return (
                <tr key={s.id}>
                  <td>{device}</td>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastSeenAt)}</td>
                  <td>
                    {s.current ? (
                      <strong>{t('account.thisSession')}</strong>
                    ) : (
                      <form action={action}>
                        <input type="hidden" name="sessionId" value={s.id} />
                        <button
                          type="submit"
                          className="secondary"
                          disabled={pending}
                          aria-label={t('account.endSessionLabel', { device })}
                        >
                          {t('account.endSession')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form action={signOutEverywhereAction}>
        <p className="hint">{t('account.signOutEverywhereLead')}</p>
        <button type="submit" className="secondary">
          {t('account.signOutEverywhere')}
        </button>
      </form>
    </>
  );
}
