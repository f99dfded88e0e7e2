import { describe, expect, it } from 'vitest';
import { actorForToken, createApiToken, createTokenWithPassword, listApiTokens } from '@/lib/data/api-tokens';
import { listSessions, revokeSession, signOutEverywhere } from '@/lib/data/auth/sessions';
import { actorForSession, changePassword, signIn } from '@/lib/data/users';
import { caught, makeActor, PASSWORD, uniqueIp } from './helpers';

const NOW = new Date('2026-12-01T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('API tokens', () => {
  it('asks for the password to make one, and names a wrong one', async () => {
    const actor = await makeActor();
    const missing = await caught(createApiToken(actor, { name: 'cli' }, { ip: uniqueIp() }, NOW));
    expect(missing.fieldErrors).toMatchObject({ password: ['validation.passwordRequired'] });
    const wrong = await caught(
      createApiToken(actor, { name: 'cli', password: 'not it at all' }, { ip: uniqueIp() }, NOW),
    );
    expect(wrong.fieldErrors).toMatchObject({ password: ['validation.currentPasswordWrong'] });
    expect(await listApiTokens(actor)).toHaveLength(0);
  });

  it('expires after the lifetime chosen when it was made (90 days unless chosen)', async () => {
    const actor = await makeActor();
    const standard = await createApiToken(actor, { name: 'std', password: PASSWORD }, { ip: uniqueIp() }, NOW);
    const week = await createApiToken(
      actor,
      { name: 'week', password: PASSWORD, expiresInDays: 7 },
      { ip: uniqueIp() },
      NOW,
    );
    expect(+standard.expiresAt - +NOW).toBe(90 * DAY);
    // Verified (and so cached) just before expiry, then refused right after it, cache or not.
    expect(await actorForToken(week.token, later(7 * DAY - 1000))).not.toBeNull();
    expect(await actorForToken(week.token, later(7 * DAY))).toBeNull();
    expect(await actorForToken(standard.token, later(7 * DAY))).not.toBeNull();
    expect(await actorForToken(standard.token, later(90 * DAY))).toBeNull();
    const odd = await caught(
      createApiToken(actor, { name: 'odd', password: PASSWORD, expiresInDays: 12 }, { ip: uniqueIp() }, NOW),
    );
    expect(odd.fieldErrors).toMatchObject({ expiresInDays: ['validation.tokenLifetimeInvalid'] });
  });

  it('revokes every token when the password changes', async () => {
    const actor = await makeActor();
    const viaPage = await createApiToken(actor, { name: 'a', password: PASSWORD }, { ip: uniqueIp() }, NOW);
    const viaApi = await createTokenWithPassword(
      { email: actor.email, password: PASSWORD, name: 'b' },
      { ip: uniqueIp(), userAgent: null },
      NOW,
    );
    await changePassword(
      actor,
      { currentPassword: PASSWORD, newPassword: 'another good one', confirmPassword: 'another good one' },
      { ip: uniqueIp() },
      NOW,
    );
    expect(await actorForToken(viaPage.token, NOW)).toBeNull();
    expect(await actorForToken(viaApi.token, NOW)).toBeNull();
  });
});

describe('sessions', () => {
  it('lists where one is signed in, marks this session, and records when each was last seen', async () => {
    // makeActor signs in at the real time; this test's clock starts a day after it.
    const actor = await makeActor();
    const start = new Date(Date.now() + DAY);
    const phone = await signIn(
      { email: actor.email, password: PASSWORD },
      { ip: uniqueIp(), userAgent: 'Phone' },
      start,
    );
    const seen = new Date(start.getTime() + 5 * 60 * 1000);
    await actorForSession(phone.sessionId, seen);
    const sessions = await listSessions(actor);
    expect(sessions).toHaveLength(2);
    const [first, second] = sessions;
    expect(first).toMatchObject({ id: phone.sessionId, userAgent: 'Phone', current: false });
    expect(first!.lastSeenAt).toEqual(seen);
    expect(second).toMatchObject({ id: actor.sessionId, current: true });
  });

  it('signs one session out, and only one of the actor’s own', async () => {
    const actor = await makeActor();
    const other = await makeActor();
    const phone = await signIn({ email: actor.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: 'P' }, NOW);
    expect((await caught(revokeSession(other, phone.sessionId, NOW))).code).toBe('not_found');
    await revokeSession(actor, phone.sessionId, NOW);
    expect(await actorForSession(phone.sessionId, NOW)).toBeNull();
    expect(await actorForSession(actor.sessionId, NOW)).not.toBeNull();
  });

  it('signs out everywhere, this session included', async () => {
    const actor = await makeActor();
    const phone = await signIn({ email: actor.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: 'P' }, NOW);
    expect(await signOutEverywhere(actor, NOW)).toBe(2);
    expect(await actorForSession(phone.sessionId, NOW)).toBeNull();
    expect(await actorForSession(actor.sessionId, NOW)).toBeNull();
  });
});
