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
import { SIGN_IN_POLICIES } from '@/lib/domain/auth/throttle';
import { AppError } from '@/lib/errors';
import { caught, makeActor, PASSWORD, uniqueEmail, uniqueIp } from './helpers';

const NOW = new Date('2026-12-01T02:00:00Z');

describe('sign-up', () => {
  it('creates a student with an argon2id hash, never the password', async () => {
    const email = uniqueEmail('new');
    const user = await signUp(
      { email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: 'Sari' },
      { ip: uniqueIp() },
      NOW,
    );
    expect(user.role).toBe('STUDENT');
    expect(user.email).toBe(email);
    expect(JSON.stringify(user)).not.toContain('passwordHash');
    const row = await db().user.findUniqueOrThrow({ where: { email } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it('names each invalid field and writes nothing', async () => {
    const email = uniqueEmail('bad');
    const e = await caught(
      signUp({ email: 'not-an-email', password: 'short', displayName: '' }, { ip: uniqueIp() }, NOW),
    );
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
    await signUp({ email, password: PASSWORD, displayName: 'Satu' }, { ip: uniqueIp() }, NOW);
    const e = await caught(signUp({ email, password: PASSWORD, displayName: 'Dua' }, { ip: uniqueIp() }, NOW));
    expect(e.code).toBe('conflict');
    expect(e.fieldErrors.email).toEqual(['validation.emailTaken']);
  });

  it('limits sign-ups from one address, and an invalid form does not count', async () => {
    const ip = uniqueIp();
    const limit = Number(process.env.SIGNUP_LIMIT_PER_ADDRESS ?? 30);
    await caught(signUp({ email: 'not-an-email', password: 'short', displayName: '' }, { ip }, NOW));
    for (let i = 0; i < limit; i++) {
      await signUp({ email: uniqueEmail('many'), password: PASSWORD, displayName: 'Many' }, { ip }, NOW);
    }
    const email = uniqueEmail('one-too-many');
    const refused = await caught(signUp({ email, password: PASSWORD, displayName: 'Late' }, { ip }, NOW));
    expect(refused.code).toBe('rate_limited');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db().user.count({ where: { email } })).toBe(0);
    await expect(
      signUp({ email, password: PASSWORD, displayName: 'Elsewhere' }, { ip: uniqueIp() }, NOW),
    ).resolves.toHaveProperty('id');
  });
});

describe('sign-in and sessions', () => {
  it('gives the same message for an unknown email and a wrong password', async () => {
    const email = uniqueEmail('x');
    await signUp({ email, password: PASSWORD, displayName: 'Xena' }, { ip: uniqueIp() }, NOW);
    const a = await caught(signIn({ email, password: 'wrong password!' }, { ip: uniqueIp(), userAgent: null }, NOW));
    const b = await caught(
      signIn({ email: uniqueEmail('nobody'), password: PASSWORD }, { ip: uniqueIp(), userAgent: null }, NOW),
    );
    expect(a.messageKey).toBe('errors.badCredentials');
    expect(b.messageKey).toBe('errors.badCredentials');
  });

  it('slows a guesser at one address without locking the owner out from another', async () => {
    const email = uniqueEmail('throttle');
    await signUp({ email, password: PASSWORD, displayName: 'Tono' }, { ip: uniqueIp() }, NOW);
    const attacker = { ip: uniqueIp(), userAgent: null };
    for (let i = 0; i < SIGN_IN_POLICIES.accountFromAddress.free; i++) {
      expect((await caught(signIn({ email, password: 'nope nope nope' }, attacker, NOW))).code).toBe('invalid');
    }
    const blocked = await caught(signIn({ email, password: PASSWORD }, attacker, NOW));
    expect(blocked.code).toBe('rate_limited');
    expect(blocked.retryAfterSeconds).toBe(SIGN_IN_POLICIES.accountFromAddress.baseDelaySeconds);
    // The owner, from their own network, at the same moment:
    await expect(
      signIn({ email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }, NOW),
    ).resolves.toHaveProperty('sessionId');
  });

  it('verifies at most the allowance when 20 wrong passwords arrive at once', async () => {
    const email = uniqueEmail('burst');
    await signUp({ email, password: PASSWORD, displayName: 'Burst' }, { ip: uniqueIp() }, NOW);
    const from = { ip: uniqueIp(), userAgent: null };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => caught(signIn({ email, password: 'nope nope nope' }, from, NOW))),
    );
    const verified = outcomes.filter((e) => e.code === 'invalid').length;
    expect(verified).toBe(SIGN_IN_POLICIES.accountFromAddress.free);
    expect(outcomes.filter((e) => e.code === 'rate_limited')).toHaveLength(20 - verified);
  });

  it('doubles the wait after each attempt past the allowance, and forgets a quiet key', async () => {
    const email = uniqueEmail('grow');
    await signUp({ email, password: PASSWORD, displayName: 'Grow' }, { ip: uniqueIp() }, NOW);
    const from = { ip: uniqueIp(), userAgent: null };
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    const wrong = (seconds: number) => caught(signIn({ email, password: 'nope nope nope' }, from, at(seconds)));
    for (let i = 0; i < 5; i++) expect((await wrong(0)).code).toBe('invalid');
    expect((await wrong(1)).retryAfterSeconds).toBe(1); // waits 2 s after the 5th
    expect((await wrong(2)).code).toBe('invalid'); // the 6th, at 2 s: now 4 s to wait
    expect((await wrong(5)).retryAfterSeconds).toBe(1);
    expect((await wrong(6)).code).toBe('invalid');
    // A day without attempts: the key starts afresh.
    expect((await wrong(6 + 24 * 3600)).code).toBe('invalid');
  });

  it('throttles an address that tries many accounts', async () => {
    const ip = uniqueIp();
    let last: AppError | undefined;
    for (let i = 0; i <= SIGN_IN_POLICIES.address.free; i++)
      last = await caught(
        signIn({ email: uniqueEmail('spray'), password: 'nope nope nope' }, { ip, userAgent: null }, NOW),
      );
    expect(last?.code).toBe('rate_limited');
  });

  it('gives a correct sign-in its attempt back, so people behind one address do not use it up', async () => {
    const ip = uniqueIp();
    const email = uniqueEmail('nat');
    await signUp({ email, password: PASSWORD, displayName: 'NAT' }, { ip: uniqueIp() }, NOW);
    for (let i = 0; i < SIGN_IN_POLICIES.address.free + 5; i++) {
      await signIn({ email, password: PASSWORD }, { ip, userAgent: null }, NOW);
    }
    expect(await db().authThrottle.findUnique({ where: { key: `signin:address:${ip}` } })).toBeNull();
  });

  it('ends the session on sign-out', async () => {
    const actor = await makeActor();
    expect(await actorForSession(actor.sessionId, NOW)).not.toBeNull();
    await signOut(actor.sessionId, NOW);
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
    const other = await signIn({ email: actor.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: 'phone' }, NOW);
    expect(await actorForSession(other.sessionId, NOW)).not.toBeNull();
    await changePassword(
      actor,
      {
        currentPassword: PASSWORD,
        newPassword: 'a much better password',
        confirmPassword: 'a much better password',
      },
      { ip: uniqueIp() },
      NOW,
    );
    expect(await actorForSession(other.sessionId, NOW)).toBeNull();
    expect(await actorForSession(actor.sessionId, NOW)).not.toBeNull();
    expect(
      (await caught(signIn({ email: actor.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }, NOW))).code,
    ).toBe('invalid');
    await expect(
      signIn({ email: actor.email, password: 'a much better password' }, { ip: uniqueIp(), userAgent: null }, NOW),
    ).resolves.toHaveProperty('sessionId');
  });

  it('refuses a password change with the wrong current password', async () => {
    const actor = await makeActor();
    const e = await caught(
      changePassword(
        actor,
        {
          currentPassword: 'wrong wrong',
          newPassword: 'x'.repeat(12),
          confirmPassword: 'x'.repeat(12),
        },
        { ip: uniqueIp() },
        NOW,
      ),
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
      (await caught(signIn({ email: student.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }, NOW)))
        .messageKey,
    ).toBe('errors.accountDisabled');
    await setUserDisabled(admin, student.id, false);
    await expect(
      signIn({ email: student.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }, NOW),
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
