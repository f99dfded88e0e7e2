import type { Metadata } from 'next';
import { requestNow } from '@/lib/clock';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/data/api-tokens';
import { getReviewSettings } from '@/lib/data/review/settings';
import { getT } from '@/lib/i18n/server';
import { ApiTokens } from './api-tokens';
import { ParametersSection } from './parameters';
import { parameterView } from '@/lib/data/parameters/view';
import { catalogs } from '@/lib/content/catalog';
import { ReviewSettingsForm } from './review-settings-form';
import { intlLocale } from '@/lib/i18n/locales';
import { ClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('settings.title') };
}

export default async function SettingsPage() {
  const actor = await requirePageActor();
  const [{ t, locale }, settings, tokens, params, all] = await Promise.all([
    getT(),
    getReviewSettings(actor),
    listApiTokens(actor),
    parameterView(actor),
    catalogs(),
  ]);
  return (
    <ClientMessages namespaces={['settings']}>
      <>
        <h1>{t('settings.title')}</h1>
        <p className="lead">{t('settings.lead')}</p>
        <section className="card" aria-labelledby="review-settings-title">
          <h2 id="review-settings-title">{t('review.toSettings')}</h2>
          <ReviewSettingsForm
            initial={{
              desiredRetention: String(Math.round(settings.desiredRetention * 100)),
              newPerDay: String(settings.newPerDay),
              maxReviewsPerDay: String(settings.maxReviewsPerDay),
              rolloverHour: String(settings.rolloverHour),
            }}
            labels={{
              desiredRetention: t('settings.desiredRetention'),
              desiredRetentionHint: t('settings.desiredRetentionHint'),
              newPerDay: t('settings.newPerDay'),
              newPerDayHint: t('settings.newPerDayHint'),
              maxReviewsPerDay: t('settings.maxReviewsPerDay'),
              maxReviewsPerDayHint: t('settings.maxReviewsPerDayHint'),
              rolloverHour: t('settings.rolloverHour'),
              rolloverHourHint: t('settings.rolloverHourHint', { timeZone: actor.timeZone }),
              save: t('settings.save'),
            }}
          />
        </section>
        <ParametersSection
          view={params}
          courseId={[...all.keys()][0]!}
          t={t}
          intl={intlLocale(locale)}
          timeZone={actor.timeZone}
        />
        <section className="card" aria-labelledby="tokens-title">
          <h2 id="tokens-title">{t('settings.tokensTitle')}</h2>
          <p>{t('settings.tokensLead')}</p>
          <p>
            <Link href="/developers">{t('developers.title')}</Link>
          </p>
          <ApiTokens
            tokens={tokens.map((tok) => ({
              id: tok.id,
              name: tok.name,
              lastFour: tok.lastFour,
              createdAt: tok.createdAt.toISOString(),
              expiresAt: tok.expiresAt.toISOString(),
              lastUsedAt: tok.lastUsedAt?.toISOString() ?? null,
              revokedAt: tok.revokedAt?.toISOString() ?? null,
            }))}
            locale={locale}
            timeZone={actor.timeZone}
            now={(await requestNow()).toISOString()}
          />
          <p>
            <a href="/api/v1/openapi.json">{t('settings.apiDocs')}</a>
          </p>
        </section>
      </>
    </ClientMessages>
  );
}
