import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { getT } from '@/lib/i18n/server';
import { listSessions } from '@/lib/data/auth/sessions';
import { deviceName } from '@/lib/domain/user-agent';
import { DeleteSection, ExportSection } from './data-rights';
import { PasswordForm, ProfileForm } from './forms';
import { Sessions } from './sessions';
import { ClientMessages } from '@/lib/i18n/client-messages';

export const metadata: Metadata = { title: 'Akun' };

export default async function AccountPage() {
  const actor = await requirePageActor();
  const [{ t, locale }, sessions] = await Promise.all([getT(), listSessions(actor)]);
  const timeZones = Intl.supportedValuesOf('timeZone');
  return (
    <ClientMessages namespaces={['account']}>
      <>
        <h1>{t('account.title')}</h1>
        <p className="muted">{actor.email}</p>
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{t('account.profileTitle')}</h2>
          <ProfileForm
            initial={{ displayName: actor.displayName, locale: actor.locale, timeZone: actor.timeZone }}
            timeZones={timeZones.includes(actor.timeZone) ? timeZones : [actor.timeZone, ...timeZones]}
            labels={{
              displayName: t('auth.displayName'),
              language: t('account.preferredLanguage'),
              timeZone: t('account.timeZone'),
              timeZoneHint: t('account.timeZoneHint'),
              save: t('account.save'),
            }}
          />
        </section>
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">{t('account.passwordTitle')}</h2>
          <PasswordForm
            labels={{
              current: t('account.currentPassword'),
              next: t('account.newPassword'),
              confirm: t('account.confirmPassword'),
              hint: t('auth.passwordHint'),
              submit: t('account.changePassword'),
            }}
          />
        </section>
        <section className="card" aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
          <p>{t('account.sessionsLead')}</p>
          <Sessions
            sessions={sessions.map((s) => ({
              id: s.id,
              device: deviceName(s.userAgent),
              createdAt: s.createdAt.toISOString(),
              lastSeenAt: s.lastSeenAt.toISOString(),
              current: s.current,
            }))}
            locale={locale}
            timeZone={actor.timeZone}
          />
        </section>
        <ExportSection
          t={t}
          day={new Intl.DateTimeFormat('en-CA', { timeZone: actor.timeZone }).format(await requestNow())}
        />
        <DeleteSection t={t} />
      </>
    </ClientMessages>
  );
}
