import type { Metadata } from 'next';
import Link from 'next/link';
import { pageData, requirePageActor } from '@/lib/auth/session';
import { deletedAccountCount, listUsersPage } from '@/lib/data/admin-users';
import { getT } from '@/lib/i18n/server';
import { IssueResetLinkForm } from '@/app/_components/reset-forms';
import { DeleteUserForm } from './delete-user-form';
import { UserRowForm } from './user-row-form';
import { ClientMessages } from '@/lib/i18n/client-messages';

export const metadata: Metadata = { title: 'Admin' };

const PAGE_SIZE = 50;

type Search = { deleted?: string; q?: string; cursor?: string };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('ADMIN');
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.trim() : '';
  const { t } = await getT();
  // Deleted accounts are pseudonymous rows with nothing to manage: counted, not listed.
  const [page, deleted] = await Promise.all([
    pageData(listUsersPage(actor, { q: q || undefined, cursor: params.cursor || undefined, limit: PAGE_SIZE })),
    deletedAccountCount(actor),
  ]);
  const users = page.items;
  const nextHref = page.nextCursor
    ? `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), cursor: page.nextCursor })}`
    : null;
  const roles = { STUDENT: t('roles.STUDENT'), INSTRUCTOR: t('roles.INSTRUCTOR'), ADMIN: t('roles.ADMIN') };
  return (
    <ClientMessages namespaces={['reset', 'settings']}>
      <>
        <h1>{t('admin.title')}</h1>
        <p className="lead">{t('admin.lead')}</p>
        <form method="get" action="/admin/users" className="row-form" role="search">
          <div className="field">
            <label htmlFor="f-q">{t('admin.search')}</label>
            <input id="f-q" name="q" type="search" defaultValue={q} maxLength={100} />
          </div>
          <button type="submit" className="secondary">
            {t('admin.searchSubmit')}
          </button>
        </form>
        {params.deleted === '1' && (
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
                    {u.id !== actor.id && <IssueResetLinkForm userId={u.id} name={u.displayName} />}
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
        {users.length === 0 && <p>{q ? t('admin.noMatch', { q }) : t('admin.none')}</p>}
        <p className="row">
          {params.cursor && (
            <Link href={q ? `/admin/users?${new URLSearchParams({ q })}` : '/admin/users'}>{t('admin.firstPage')}</Link>
          )}
          {nextHref && <Link href={nextHref}>{t('admin.nextPage')}</Link>}
        </p>
      </>
    </ClientMessages>
  );
}
