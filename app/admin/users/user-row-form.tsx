'use client';
import { useActionState } from 'react';
import { adminUpdateUserAction } from '@/app/_actions/account';
import { FormMessage } from '@/app/_components/field';
import { idleState } from '@/lib/forms/state';

export interface UserRowLabels {
  roleFor: string;
  saveRole: string;
  disable: string;
  enable: string;
  roles: Record<'STUDENT' | 'INSTRUCTOR' | 'ADMIN', string>;
}

export function UserRowForm({
  user,
  labels,
}: {
  user: { id: string; role: 'STUDENT' | 'INSTRUCTOR' | 'ADMIN'; disabled: boolean };
  labels: UserRowLabels;
}) {
  const [state, action, pending] = useActionState(adminUpdateUserAction, idleState);
  return (
    <div>
      <FormMessage status={state.status} message={state.message} />
      <form action={action} className="row">
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="op" value="role" />
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          {labels.roleFor}
        </label>
        <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
          {(['STUDENT', 'INSTRUCTOR', 'ADMIN'] as const).map((r) => (
            <option key={r} value={r}>
              {labels.roles[r]}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary" disabled={pending}>
          {labels.saveRole}
        </button>
      </form>
      <form action={action}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="op" value={user.disabled ? 'enable' : 'disable'} />
        <button type="submit" className="link-button" disabled={pending}>
          {user.disabled ? labels.enable : labels.disable}
        </button>
      </form>
    </div>
  );
}
