/**
 * Accounts: sign-up, sign-in (with throttling), server-side sessions, profile, password and admin operations.
 * Sessions are rows in AuthSession; a JWT only names one. Revoking the row (sign-out, password change, disabling
 * the account) ends that session on its next request.
 */
import { authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { SIGN_IN_POLICIES, signUpPolicies } from '@/lib/domain/auth/throttle';
import { env } from '@/lib/env';
import { isLocale } from '@/lib/i18n/locales';
import type { Role } from '@/lib/generated/prisma/enums';
import { parseOrThrow } from '@/lib/validation/parse';
import { changePasswordSchema, profileSchema, roleSchema, signInSchema, signUpSchema } from '@/lib/validation/account';
import { actorOf, requireActor, requireRole, type Actor, type SessionId, type UserId } from './actor';
import { VerifiedCache } from './verified-cache';
import { consumeAttempt, refundAttempt, type ThrottleKey } from './auth/throttle';

const publicUser = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  locale: true,
  timeZone: true,
  disabledAt: true,
  createdAt: true,
} as const;

/**
 * Creates a student account. Each sign-up costs a password hash, so sign-ups are limited per address and for the
 * whole site (RateLimited with the seconds to wait); an invalid form does not count.
 */
export async function signUp(input: unknown, ctx: { ip: string }, now: Date) {
  const data = parseOrThrow(signUpSchema, input);
  const policies = signUpPolicies({
    perAddressPerHour: env().SIGNUP_LIMIT_PER_ADDRESS,
    globalPer10Minutes: env().SIGNUP_LIMIT_GLOBAL,
  });
  await consumeAttempt(
    [
      { key: `signup:address:${ctx.ip}`, policy: policies.address },
      { key: 'signup:global', policy: policies.global },
    ],
    now,
  );
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().user.create({
      data: {
        email: data.email,
        passwordHash,
        displayName: data.displayName,
        locale: data.locale,
        timeZone: data.timeZone,
      },
      select: publicUser,
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict('errors.emailTaken', { email: ['validation.emailTaken'] });
    throw e;
  }
}

export interface SignInContext {
  ip: string;
  userAgent: string | null;
}

function signInKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { key: `signin:account-address:${email}|${ip}`, policy: SIGN_IN_POLICIES.accountFromAddress },
    { key: `signin:address:${ip}`, policy: SIGN_IN_POLICIES.address },
    { key: `signin:account:${email}`, policy: SIGN_IN_POLICIES.account },
  ];
}

/**
 * Verifies credentials and opens a session. Throws Invalid (wrong email or password, one message for both),
 * RateLimited (this account from this address, this address, or this account everywhere has had too many attempts;
 * lib/domain/auth/throttle.ts) or Forbidden (account disabled).
 *
 * The attempt is counted before the password is checked, so parallel guesses cannot all be verified on one reading of
 * the counters; a correct password gives it back, and clears the account-from-this-address key.
 */
export async function signIn(
  input: unknown,
  ctx: SignInContext,
  now: Date,
): Promise<{ userId: UserId; sessionId: SessionId }> {
  const { email, password } = parseOrThrow(signInSchema, input);
  const keys = signInKeys(email, ctx.ip);
  await consumeAttempt(keys, now);
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) throw new Invalid({ _form: ['errors.badCredentials'] }, 'errors.badCredentials');
  await refundAttempt(
    keys.map((k, i) => ({ ...k, reset: i === 0 })),
    now,
  );
  if (user.disabledAt) throw new Forbidden('errors.accountDisabled');
  const session = await db().authSession.create({
    data: {
      userId: user.id,
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
    },
    select: { id: true },
  });
  return { userId: user.id as UserId, sessionId: session.id as SessionId };
}

const SESSION_RECHECK_MS = 60_000;

/**
 * Sessions this process verified in the last minute. Any revocation, disabled account or profile change, here or in
 * another process, makes it forget them all (lib/db/auth-changes.ts), so a signed-out or disabled user is refused on
 * their next request, as before; only an unchanged session skips the database.
 */
const verifiedSessions = new VerifiedCache<Actor>({ epoch: () => authChanges().epoch() }, SESSION_RECHECK_MS);

/** The actor behind a session id, or null when the session was revoked, the user disabled or never existed. */
export async function actorForSession(sessionId: string, now: Date): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  return verifiedSessions.verify(sessionId, now, async () => {
    const session = await db().authSession.findUnique({
      where: { id: sessionId },
      select: { id: true, revokedAt: true, user: { select: { ...publicUser } } },
    });
    if (!session || session.revokedAt || session.user.disabledAt) return null;
    // "Last seen" on the list of sessions: written at most once a minute, when this process looks the session up.
    await db().authSession.updateMany({
      where: { id: session.id, lastSeenAt: { lt: new Date(now.getTime() - SESSION_RECHECK_MS) } },
      data: { lastSeenAt: now },
    });
    return Object.freeze(actorOf(session.user, session.id));
  });
}

export async function signOut(sessionId: string, now: Date): Promise<void> {
  await db().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  authChanges().changed();
}

export async function updateProfile(actor: Actor | null, input: unknown) {
  const a = requireActor(actor);
  const data = parseOrThrow(profileSchema, input);
  const updated = await db().user.update({ where: { id: a.id }, data, select: publicUser });
  authChanges().changed();
  return updated;
}

/** The stored interface language of an account (used right after sign-in, before the session cookie is readable). */
export async function preferredLocaleOf(email: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { locale: true } });
  return user && isLocale(user.locale) ? user.locale : null;
}

export async function setLocale(actor: Actor | null, locale: string) {
  const a = requireActor(actor);
  if (!isLocale(locale)) throw new Invalid({ locale: ['validation.localeInvalid'] });
  await db().user.update({ where: { id: a.id }, data: { locale } });
  authChanges().changed();
}

/**
 * Checks the signed-in user's own password before something sensitive (a new password, a new API token, deleting
 * data), throttled exactly like a sign-in from this address, so a stolen session cannot be used to guess it.
 * A wrong password is an Invalid on `field`.
 */
export async function verifyOwnPassword(
  a: Actor,
  password: unknown,
  ctx: { ip: string },
  now: Date,
  field = 'password',
): Promise<void> {
  if (typeof password !== 'string' || password === '') throw new Invalid({ [field]: ['validation.passwordRequired'] });
  const keys = signInKeys(a.email, ctx.ip);
  await consumeAttempt(keys, now);
  const user = await db().user.findUniqueOrThrow({ where: { id: a.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new Invalid({ [field]: ['validation.currentPasswordWrong'] });
  }
  await refundAttempt(
    keys.map((k, i) => ({ ...k, reset: i === 0 })),
    now,
  );
}

/**
 * Changes the password. Every other session ends and every API token is revoked: whoever knew the old password may
 * have made either.
 */
export async function changePassword(
  actor: Actor | null,
  input: unknown,
  ctx: { ip: string },
  now: Date,
): Promise<void> {
  const a = requireActor(actor);
  const data = parseOrThrow(changePasswordSchema, input);
  await verifyOwnPassword(a, data.currentPassword, ctx, now, 'currentPassword');
  const passwordHash = await hashPassword(data.newPassword);
  await db().$transaction([
    db().user.update({ where: { id: a.id }, data: { passwordHash, passwordChangedAt: now } }),
    db().authSession.updateMany({
      where: { userId: a.id, revokedAt: null, id: { not: a.sessionId } },
      data: { revokedAt: now },
    }),
    db().apiToken.updateMany({ where: { userId: a.id, revokedAt: null }, data: { revokedAt: now } }),
  ]);
  authChanges().changed();
}

export async function listUsers(actor: Actor | null) {
  requireRole(actor, 'ADMIN');
  return db().user.findMany({ select: publicUser, orderBy: [{ role: 'asc' }, { email: 'asc' }] });
}

export async function setUserRole(actor: Actor | null, userId: string, role: unknown) {
  const a = requireRole(actor, 'ADMIN');
  const newRole: Role = parseOrThrow(roleSchema, role);
  if (userId === a.id && newRole !== 'ADMIN') throw new Conflict('errors.cannotDemoteSelf');
  const found = await db().user.updateMany({ where: { id: userId }, data: { role: newRole } });
  authChanges().changed();
  if (found.count === 0) throw new NotFound();
}

/** Disabling ends every session of the user at once; enabling lets them sign in again. */
export async function setUserDisabled(actor: Actor | null, userId: string, disabled: boolean) {
  const a = requireRole(actor, 'ADMIN');
  if (userId === a.id) throw new Conflict('errors.cannotDisableSelf');
  const now = new Date();
  const updated = await db().$transaction(async (tx) => {
    const result = await tx.user.updateMany({ where: { id: userId }, data: { disabledAt: disabled ? now : null } });
    if (disabled) await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    return result;
  });
  authChanges().changed();
  if (updated.count === 0) throw new NotFound();
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002';
}
