import { describe, expect, it } from 'vitest';
import { authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import {
  actorForSession,
  changePassword,
  listUsers,
  setUserDisabled,
  setUserRole,
  signIn,
  signOut,
  signUp,
  updateProfile,
} from '@/lib/data/users';
import { ACCOUNT_LIMIT } from '@/lib/auth/throttle';
import { AppError } from '@/lib/errors';
import { caught, makeActor, PASSWORD, uniqueEmail, uniqueIp } from './helpers';

const NOW = new Date('2026-12-01T02:00:00Z');

describe('sign-up', () => {
  it('creates a student with an argon2id hash, never the password', async () => {
    const email = uniqueEmail('new');
    const user = await signUp({ email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: 'Sari' });
    expect(user.role).toBe('STUDENT');
    expect(user.email).toBe(email);
    expect(JSON.stringify(user)).not.toContain('passwordHash');
    const row = await db().user.findUniqueOrThrow({ where: { email } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it('names each invalid field and writes nothing', async () => {
    const email = uniqueEmail('bad');
    const e = await caught(signUp({ email: 'not-an-email', password: 'short', displayName: '' }));
    expect(e.code).toBe('invalid');
    expect(e.fieldErrors).toMatchObject({
      email: ['validation.emailInvalid'],
      password: ['validation.passwordTooShort'],
      displayName: ['validation.displayNameTooShort'],
    });
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it('refuses a second account with the same email', async () => {
    const email = uniqueEmail('dup');
    await signUp({ email, password: PASSWORD, displayName: 'Satu' });
    const e = await caught(signUp({ email, password: PASSWORD, displayName: 'Dua' }));
    expect(e.code).toBe('conflict');
    expect(e.fieldErrors.email).toEqual(['validation.emailTaken']);
  });
});

describe('sign-in and sessions', () => {
  it('gives the same message for an unknown email and a wrong password', async () => {
    const email = uniqueEmail('x');
    await signUp({ email, password: PASSWORD, displayName: 'Xena' });
    const a = await caught(signIn({ email, password: 'wrong password!' }, { ip: uniqueIp(), userAgent: null }));
    const b = await caught(
      signIn({ email: uniqueEmail('nobody'), password: PASSWORD }, { ip: uniqueIp(), userAgent: null }),
    );
    expect(a.messageKey).toBe('errors.badCredentials');
    expect(b.messageKey).toBe('errors.badCredentials');
  });

  it(`throttles an account after ${ACCOUNT_LIMIT.points} failures, even from different IPs, and counts in Postgres`, async () => {
    const email = uniqueEmail('throttle');
    await signUp({ email, password: PASSWORD, displayName: 'Tono' });
    for (let i = 0; i < ACCOUNT_LIMIT.points; i++) {
      expect(
        (await caught(signIn({ email, password: 'nope nope nope' }, { ip: uniqueIp(), userAgent: null }))).code,
      ).toBe('invalid');
    }
    const blocked = await caught(signIn({ email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }));
    expect(blocked.code).toBe('rate_limited');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    const row = await db().rateLimit.findUnique({ where: { key: `signin_account:${email}` } });
    expect(row?.points).toBe(ACCOUNT_LIMIT.points);
  });

  it('throttles an IP that tries many accounts', async () => {
    const ip = uniqueIp();
    let last: AppError | undefined;
    for (let i = 0; i < 31; i++)
      last = await caught(signIn({ email: uniqueEmail('spray'), password: 'nope nope nope' }, { ip, userAgent: null }));
    expect(last?.code).toBe('rate_limited');
  });

  it('ends the session on sign-out', async () => {
    const actor = await makeActor();
    expect(await actorForSession(actor.sessionId, NOW)).not.toBeNull();
    await signOut(actor.sessionId);
    expect(await actorForSession(actor.sessionId, NOW)).toBeNull();
  });

  it('ends a session at once when another process revokes it or disables the account', async () => {
    // Raw writes bypass lib/data, as another app process or an operator's SQL would; only the database's
    // notification tells this process, and heardEverything() waits for it (an echo, not a timer).
    const listener = authChanges();
    await listener.whenListening();
    const revoked = await makeActor();
    expect(await actorForSession(revoked.sessionId, NOW)).not.toBeNull();
    await db().$executeRaw`UPDATE "AuthSession" SET "revokedAt" = now() WHERE "id" = ${revoked.sessionId}::uuid`;
    await listener.heardEverything();
    expect(await actorForSession(revoked.sessionId, NOW)).toBeNull();

    const disabled = await makeActor();
    expect(await actorForSession(disabled.sessionId, NOW)).not.toBeNull();
    await db().$executeRaw`UPDATE "User" SET "disabledAt" = now() WHERE "id" = ${disabled.id}::uuid`;
    await listener.heardEverything();
    expect(await actorForSession(disabled.sessionId, NOW)).toBeNull();
  });

  it('ends other sessions when the password changes, and the old password stops working', async () => {
    const actor = await makeActor();
    const other = await signIn({ email: actor.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: 'phone' });
    expect(await actorForSession(other.sessionId, NOW)).not.toBeNull();
    await changePassword(actor, {
      currentPassword: PASSWORD,
      newPassword: 'a much better password',
      confirmPassword: 'a much better password',
    });
    expect(await actorForSession(other.sessionId, NOW)).toBeNull();
    expect(await actorForSession(actor.sessionId, NOW)).not.toBeNull();
    expect(
      (await caught(signIn({ email: actor.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }))).code,
    ).toBe('invalid');
    await expect(
      signIn({ email: actor.email, password: 'a much better password' }, { ip: uniqueIp(), userAgent: null }),
    ).resolves.toHaveProperty('sessionId');
  });

  it('refuses a password change with the wrong current password', async () => {
    const actor = await makeActor();
    const e = await caught(
      changePassword(actor, {
        currentPassword: 'wrong wrong',
        newPassword: 'x'.repeat(12),
        confirmPassword: 'x'.repeat(12),
      }),
    );
    expect(e.fieldErrors.currentPassword).toEqual(['validation.currentPasswordWrong']);
  });

  it('treats a malformed or unknown session id as signed out', async () => {
    expect(await actorForSession('not-a-uuid', NOW)).toBeNull();
    expect(await actorForSession('00000000-0000-4000-8000-000000000000', NOW)).toBeNull();
  });
});

describe('profile', () => {
  it('saves display name, language and time zone', async () => {
    const actor = await makeActor();
    const user = await updateProfile(actor, { displayName: 'Nama Baru', locale: 'en', timeZone: 'Asia/Makassar' });
    expect(user).toMatchObject({ displayName: 'Nama Baru', locale: 'en', timeZone: 'Asia/Makassar' });
  });

  it('rejects an unknown time zone and leaves the profile unchanged', async () => {
    const actor = await makeActor();
    const e = await caught(updateProfile(actor, { displayName: 'Nama Baru', locale: 'id', timeZone: 'Mars/Olympus' }));
    expect(e.fieldErrors.timeZone).toEqual(['validation.timeZoneInvalid']);
    expect((await db().user.findUniqueOrThrow({ where: { id: actor.id } })).displayName).toBe(actor.displayName);
  });

  it('requires a signed-in user', async () => {
    expect((await caught(updateProfile(null, { displayName: 'X', locale: 'id', timeZone: 'UTC' }))).code).toBe(
      'unauthenticated',
    );
  });
});

describe('administration', () => {
  it('lets an admin change a role and disable an account, which ends its sessions', async () => {
    const admin = await makeActor('ADMIN');
    const student = await makeActor('STUDENT');
    await setUserRole(admin, student.id, 'INSTRUCTOR');
    expect((await actorForSession(student.sessionId, NOW))?.role).toBe('INSTRUCTOR');
    await setUserDisabled(admin, student.id, true);
    expect(await actorForSession(student.sessionId, NOW)).toBeNull();
    expect(
      (await caught(signIn({ email: student.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null })))
        .messageKey,
    ).toBe('errors.accountDisabled');
    await setUserDisabled(admin, student.id, false);
    await expect(
      signIn({ email: student.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }),
    ).resolves.toHaveProperty('sessionId');
  });

  it('refuses students and instructors', async () => {
    const student = await makeActor('STUDENT');
    const instructor = await makeActor('INSTRUCTOR');
    expect((await caught(listUsers(student))).code).toBe('forbidden');
    expect((await caught(setUserRole(instructor, student.id, 'ADMIN'))).code).toBe('forbidden');
    expect((await caught(setUserDisabled(student, instructor.id, true))).code).toBe('forbidden');
  });

  it('does not let an admin lock themselves out', async () => {
    const admin = await makeActor('ADMIN');
    expect((await caught(setUserDisabled(admin, admin.id, true))).code).toBe('conflict');
    expect((await caught(setUserRole(admin, admin.id, 'STUDENT'))).code).toBe('conflict');
  });

  it('rejects an unknown role', async () => {
    const admin = await makeActor('ADMIN');
    const student = await makeActor('STUDENT');
    expect((await caught(setUserRole(admin, student.id, 'SUPERUSER'))).fieldErrors).toHaveProperty('_form');
  });
});
