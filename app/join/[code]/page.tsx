import type { Metadata } from 'next';
import { ActionForm } from '@/app/_components/action-form';
import { joinClassAction } from '@/app/_actions/classes';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('classes.joinTitle') };
}

/** The join link an instructor shares. Joining is a POST (a button), never a side effect of opening the link. */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  await requirePageActor();
  const { code } = await params;
  const { t } = await getT();
  return (
    <>
      <h1>{t('classes.joinTitle')}</h1>
      <p>{t('classes.joinLinkLead', { code: code.toUpperCase() })}</p>
      <ActionForm action={joinClassAction} submitLabel={t('classes.join')}>
        <input type="hidden" name="code" value={code} />
      </ActionForm>
    </>
  );
}
