import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

export default async function Forbidden() {
  const { t } = await getT();
  return (
    <>
      <h1>{t('errors.forbiddenTitle')}</h1>
      <p>{t('errors.forbidden')}</p>
      <Link href="/">{t('errors.backHome')}</Link>
    </>
  );
}
