import type { Metadata } from 'next';
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Akun dihapus' };

/** Where a learner lands after deleting their account (signed out by then, so open to anyone). */
export default async function AccountDeletedPage() {
  const { t } = await getT();
  return (
    <>
      <h1>{t('dataRights.deletedTitle')}</h1>
      <p className="lead">{t('dataRights.deletedBody')}</p>
      <p>
        <Link className="button secondary" href="/signup">
          {t('dataRights.deletedSignUp')}
        </Link>
      </p>
    </>
  );
}
