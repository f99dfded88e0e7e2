import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { listAccounts } from '@/lib/data/account/deletion';
import { getT } from '@/lib/i18n/server';
import { IssueResetLinkForm } from '@/app/_components/reset-forms';
import { DeleteUserForm } from './delete-user-form';
import { UserRowForm } from './user-row-form';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const actor = await requirePageActor('ADMIN');
  const { t, locale } = await getT();
  // Deleted accounts are pseudonymous rows with nothing to manage: counted, not listed.
  const { users, deleted } = await listAccounts(actor);
  const roles = { STUDENT: t('roles.STUDENT'), INSTRUCTOR: t('roles.INSTRUCTOR'), ADMIN: t('roles.ADMIN') };
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.lead')}</p>
      {(await searchParams).deleted === '1' && (
        <p className="notice notice-ok" role="status">
          {t('dataRights.adminDeleted')}
        </p>
      )}
      {deleted > 0 && <p className="muted">{t('dataRights.adminDeletedCount', { n: deleted })}</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.email')}</th>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.role')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.displayName}</td>
                <td>{u.disabledAt ? t('admin.disabled') : t('admin.active')}</td>
                <td>
                  <UserRowForm
                    user={{ id: u.id, role: u.role, disabled: u.disabledAt !== null }}
                    labels={{
                      roleFor: t('admin.roleFor', { email: u.email }),
                      saveRole: t('admin.saveRole'),
                      disable: t('admin.disable'),
                      enable: t('admin.enable'),
                      roles,
                    }}
                  />
                  {u.id !== actor.id && <IssueResetLinkForm userId={u.id} name={u.displayName} locale={locale} />}
                  {u.id !== actor.id && (
                    <DeleteUserForm
                      userId={u.id}
                      labels={{
                        open: t('dataRights.adminDelete'),
                        explain: t('dataRights.adminDeleteExplain'),
                        confirm: t('dataRights.adminConfirm', { email: u.email }),
                        submit: t('dataRights.adminSubmit'),
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
