/**
 * Accounts: sign-up, sign-in (with throttling), server-side sessions, profile, password and admin operations.
 * Sessions are rows in AuthSession; a JWT only names one. Revoking the row (sign-out, password change, disabling
 * the account) ends that session on its next request.
 */
import { authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import { Conflict, Forbidden, Invalid, NotFound, RateLimited } from '@/lib/errors';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { clearAccountThrottle, recordFailedSignIn, signInBlockedFor } from '@/lib/auth/throttle';
import { isLocale } from '@/lib/i18n/locales';
import type { Role } from '@/lib/generated/prisma/enums';
import { parseOrThrow } from '@/lib/validation/parse';
import { changePasswordSchema, profileSchema, roleSchema, signInSchema, signUpSchema } from '@/lib/validation/account';
import { actorOf, requireActor, requireRole, type Actor, type SessionId, type UserId } from './actor';
import { VerifiedCache } from './verified-cache';

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

export async function signUp(input: unknown) {
  const data = parseOrThrow(signUpSchema, input);
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

/**
 * Verifies credentials and opens a session. Throws Invalid (wrong email or password, one message for both),
 * RateLimited (too many failures for this account or IP) or Forbidden (account disabled).
 */
export async function signIn(input: unknown, ctx: SignInContext): Promise<{ userId: UserId; sessionId: SessionId }> {
  const { email, password } = parseOrThrow(signInSchema, input);
  const waitSeconds = await signInBlockedFor(email, ctx.ip);
  if (waitSeconds > 0) throw new RateLimited(waitSeconds);
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) {
    await recordFailedSignIn(email, ctx.ip);
    throw new Invalid({ _form: ['errors.badCredentials'] }, 'errors.badCredentials');
  }
  if (user.disabledAt) throw new Forbidden('errors.accountDisabled');
  await clearAccountThrottle(email);
  const session = await db().authSession.create({
    data: { userId: user.id, userAgent: ctx.userAgent?.slice(0, 300) ?? null },
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
    return Object.freeze(actorOf(session.user, session.id));
  });
}

export async function signOut(sessionId: string): Promise<void> {
  await db().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
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

/** Changes the password and ends every other session of the user. */
export async function changePassword(actor: Actor | null, input: unknown): Promise<void> {
  const a = requireActor(actor);
  const data = parseOrThrow(changePasswordSchema, input);
  const user = await db().user.findUniqueOrThrow({ where: { id: a.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new Invalid({ currentPassword: ['validation.currentPasswordWrong'] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  const now = new Date();
  await db().$transaction([
    db().user.update({ where: { id: a.id }, data: { passwordHash, passwordChangedAt: now } }),
    db().authSession.updateMany({
      where: { userId: a.id, revokedAt: null, id: { not: a.sessionId } },
      data: { revokedAt: now },
    }),
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
