import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { requestNow } from '@/lib/clock';
import { learnerStats } from '@/lib/data/review/stats';
import { getT } from '@/lib/i18n/server';
import { StatsView } from './stats-view';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('stats.title') };
}

export default async function StatsPage() {
  const actor = await requirePageActor();
  const [{ t, locale }, now] = await Promise.all([getT(), requestNow()]);
  const stats = await learnerStats(actor, now);

  return (
    <div className="stats">
      <h1>{t('stats.title')}</h1>
      <StatsView stats={stats} t={t} locale={locale} />
    </div>
  );
}
