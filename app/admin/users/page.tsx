import type { Metadata } from 'next';
import { requirePageActor } from '@/lib/auth/session';
import { listUsers } from '@/lib/data/users';
import { getT } from '@/lib/i18n/server';
import { IssueResetLinkForm } from '@/app/_components/reset-forms';
import { UserRowForm } from './user-row-form';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminUsersPage() {
  const actor = await requirePageActor('ADMIN');
  const { t, locale } = await getT();
  const users = await listUsers(actor);
  const roles = { STUDENT: t('roles.STUDENT'), INSTRUCTOR: t('roles.INSTRUCTOR'), ADMIN: t('roles.ADMIN') };
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.lead')}</p>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
