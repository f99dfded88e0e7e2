import { describe, expect, it } from 'vitest';
import { actorForToken, createApiToken } from '@/lib/data/api-tokens';
import {
  issuePasswordReset,
  requestPasswordResetByMail,
  resetLinkState,
  resetPassword,
  RESET_LIFETIME_MS,
} from '@/lib/data/auth/password-reset';
import { classDetail, createClass, joinClass } from '@/lib/data/classes/classes';
import { actorForSession, signIn } from '@/lib/data/users';
import { caught, makeActor, PASSWORD, uniqueIp } from './helpers';

const NOW = new Date('2026-12-01T02:00:00Z');
const COURSE = 'struktur-keamanan-regional';
const NEW_PASSWORD = 'a brand new passphrase';
const secretOf = (path: string) => path.split('/').pop()!;
const newPassword = { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

async function classWithStudent() {
  const instructor = await makeActor('INSTRUCTOR');
  const student = await makeActor('STUDENT');
  const created = await createClass(instructor, { courseId: COURSE, name: 'Kelas reset' }, NOW);
  const detail = await classDetail(instructor, created.id);
  await joinClass(student, { code: detail.joinCode! }, NOW);
  return { instructor, student };
}

describe('password reset links', () => {
  it('lets an admin hand a student a link that sets a new password, ends every session and revokes every token', async () => {
    const admin = await makeActor('ADMIN');
    const student = await makeActor('STUDENT');
    const { token } = await createApiToken(student, { name: 'cli', password: PASSWORD }, { ip: uniqueIp() }, NOW);
    const issued = await issuePasswordReset(admin, student.id, NOW);
    expect(issued.path).toMatch(/^\/reset-password\/[A-Za-z0-9_-]{43}$/);
    expect(+issued.expiresAt - +NOW).toBe(RESET_LIFETIME_MS);
    expect(await resetLinkState(secretOf(issued.path), NOW)).toBe('valid');

    await resetPassword(secretOf(issued.path), newPassword, NOW);

    expect(await actorForSession(student.sessionId, NOW)).toBeNull();
    expect(await actorForToken(token, NOW)).toBeNull();
    const ctx = { ip: uniqueIp(), userAgent: null };
    expect((await caught(signIn({ email: student.email, password: PASSWORD }, ctx, NOW))).code).toBe('invalid');
    await expect(signIn({ email: student.email, password: NEW_PASSWORD }, ctx, NOW)).resolves.toHaveProperty(
      'sessionId',
    );
    expect(await resetLinkState(secretOf(issued.path), NOW)).toBe('used');
    const again = await caught(resetPassword(secretOf(issued.path), newPassword, NOW));
    expect(again.messageKey).toBe('reset.link.used');
  });

  it('lets an instructor reset only students of their own classes', async () => {
    const { instructor, student } = await classWithStudent();
    await expect(issuePasswordReset(instructor, student.id, NOW)).resolves.toHaveProperty('path');

    const stranger = await makeActor('STUDENT');
    expect((await caught(issuePasswordReset(instructor, stranger.id, NOW))).code).toBe('forbidden');
    const colleague = await makeActor('INSTRUCTOR');
    expect((await caught(issuePasswordReset(instructor, colleague.id, NOW))).code).toBe('forbidden');
    expect((await caught(issuePasswordReset(student, instructor.id, NOW))).code).toBe('forbidden');
    expect((await caught(issuePasswordReset(instructor, 'not-a-uuid', NOW))).code).toBe('not_found');
  });

  it('refuses a link after 24 hours, and an older link once a newer one was made', async () => {
    const admin = await makeActor('ADMIN');
    const student = await makeActor('STUDENT');
    const first = await issuePasswordReset(admin, student.id, NOW);
    const later = new Date(NOW.getTime() + RESET_LIFETIME_MS);
    expect((await caught(resetPassword(secretOf(first.path), newPassword, later))).messageKey).toBe(
      'reset.link.expired',
    );

    const second = await issuePasswordReset(admin, student.id, NOW);
    const third = await issuePasswordReset(admin, student.id, NOW);
    expect((await caught(resetPassword(secretOf(second.path), newPassword, NOW))).messageKey).toBe('reset.link.used');
    await expect(resetPassword(secretOf(third.path), newPassword, NOW)).resolves.toBeUndefined();
  });

  it('names a bad new password and keeps the link usable', async () => {
    const admin = await makeActor('ADMIN');
    const student = await makeActor('STUDENT');
    const issued = await issuePasswordReset(admin, student.id, NOW);
    const e = await caught(resetPassword(secretOf(issued.path), { newPassword: 'short', confirmPassword: 'x' }, NOW));
    expect(e.fieldErrors).toMatchObject({ newPassword: ['validation.passwordTooShort'] });
    expect(await resetLinkState(secretOf(issued.path), NOW)).toBe('valid');
    expect(await resetLinkState('made-up', NOW)).toBe('unknown');
  });

  it('says so when this server does not send mail', async () => {
    const e = await caught(requestPasswordResetByMail({ email: 'x@test.ingat' }, { ip: uniqueIp() }, NOW));
    expect(e.messageKey).toBe('errors.mailNotConfigured');
  });
});
