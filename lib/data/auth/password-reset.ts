/**
 * Getting back into an account. Two ways to a one-time link, valid for 24 hours:
 * - issued for a student by an admin or by an instructor of one of the student's classes, and shown to them once to
 *   hand over (works everywhere, including the embedded default with no mail);
 * - sent by mail when the learner asks for it, where the operator configured SMTP_URL and APP_URL.
 * Using the link sets a new password, ends every session and revokes every API token. Only the SHA-256 of the
 * link's secret is stored; a newer link makes older unused ones useless.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { translator } from '@/lib/i18n/catalogue';
import { isLocale } from '@/lib/i18n/locales';
import { mailConfigured, sendMail } from '@/lib/mail';
import { parseOrThrow } from '@/lib/validation/parse';
import { emailSchema, newPasswordSchema } from '@/lib/validation/account';
import { requireActor, type Actor } from '../actor';
import { consumeAttempt } from './throttle';

export const RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const RESET_PATH = '/reset-password';
const SECRET_FORMAT = /^[A-Za-z0-9_-]{43}$/;

const RESET_REQUEST_POLICIES = {
  address: { free: 10, baseDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 3600 },
  account: { free: 3, baseDelaySeconds: 300, maxDelaySeconds: 6 * 3600, forgetAfterSeconds: 24 * 3600 },
} as const;

const hash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

async function createReset(userId: string, issuedById: string | null, now: Date) {
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
  await db().$transaction([
    // A newer link replaces older unused ones: only the link most recently handed over works.
    db().passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
    db().passwordReset.create({ data: { userId, issuedById, tokenHash: hash(secret), createdAt: now, expiresAt } }),
  ]);
  return { path: `${RESET_PATH}/${secret}`, expiresAt };
}

export interface IssuedReset {
  /** `/reset-password/<secret>`: shown once, never stored. */
  path: string;
  expiresAt: Date;
  user: { id: string; displayName: string; email: string };
}

/**
 * A reset link for `userId`, for an admin (any other account) or an instructor (a student who is an active member
 * of a class the instructor teaches). Anyone else, or an account they may not reset, is Forbidden / NotFound.
 */
export async function issuePasswordReset(actor: Actor | null, userId: unknown, now: Date): Promise<IssuedReset> {
  const a = requireActor(actor);
  if (a.role !== 'ADMIN' && a.role !== 'INSTRUCTOR') throw new Forbidden();
  const id = z.uuid().safeParse(userId);
  if (!id.success) throw new NotFound();
  const user = await db().user.findUnique({
    where: { id: id.data },
    select: { id: true, displayName: true, email: true, role: true },
  });
  if (!user) throw new NotFound();
  if (user.id === a.id) throw new Forbidden('errors.resetOwnAccount');
  if (a.role === 'INSTRUCTOR') {
    const teachesThem =
      user.role === 'STUDENT' &&
      (await db().classMember.count({
        where: { userId: user.id, removedAt: null, class: { instructors: { some: { userId: a.id } } } },
      })) > 0;
    if (!teachesThem) throw new Forbidden();
  }
  const { path, expiresAt } = await createReset(user.id, a.id, now);
  return { path, expiresAt, user: { id: user.id, displayName: user.displayName, email: user.email } };
}

/**
 * "Forgot my password" by mail. The answer is the same whether or not the address has an account (no one learns who
 * studies here); attempts are limited per address and per account. Throws Forbidden('errors.mailNotConfigured')
 * where the operator has not configured mail.
 */
export async function requestPasswordResetByMail(input: unknown, ctx: { ip: string }, now: Date): Promise<void> {
  if (!mailConfigured()) throw new Forbidden('errors.mailNotConfigured');
  const { email } = parseOrThrow(z.object({ email: emailSchema }), input);
  await consumeAttempt(
    [
      { key: `reset:address:${ctx.ip}`, policy: RESET_REQUEST_POLICIES.address },
      { key: `reset:account:${email}`, policy: RESET_REQUEST_POLICIES.account },
    ],
    now,
  );
  const user = await db().user.findUnique({ where: { email }, select: { id: true, locale: true, disabledAt: true } });
  if (!user || user.disabledAt) return;
  const { path } = await createReset(user.id, null, now);
  const t = translator(isLocale(user.locale) ? user.locale : 'id');
  await sendMail({
    to: email,
    subject: t('reset.mailSubject'),
    text: t('reset.mailBody', { link: `${env().APP_URL}${path}`, hours: 24 }),
  });
}

export type ResetLinkState = 'valid' | 'expired' | 'used' | 'unknown';

async function findReset(secret: string) {
  if (!SECRET_FORMAT.test(secret)) return null;
  return db().passwordReset.findUnique({
    where: { tokenHash: hash(secret) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true },
  });
}

function stateOf(reset: { expiresAt: Date; usedAt: Date | null } | null, now: Date): ResetLinkState {
  if (!reset) return 'unknown';
  if (reset.usedAt) return 'used';
  return reset.expiresAt > now ? 'valid' : 'expired';
}

/** Whether a link can still be used, for the page to say so before asking for a password. */
export async function resetLinkState(secret: string, now: Date): Promise<ResetLinkState> {
  return stateOf(await findReset(secret), now);
}

const resetSchema = z
  .object({ newPassword: newPasswordSchema, confirmPassword: z.string().min(1, 'validation.passwordRequired') })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordMismatch',
  });

/**
 * Sets a new password through a link. The link is used up in the same transaction that changes the password (two
 * tabs submitting at once: one wins, the other is told the link was used). Every session ends and every API token
 * is revoked.
 */
export async function resetPassword(secret: string, input: unknown, now: Date): Promise<void> {
  const { newPassword } = parseOrThrow(resetSchema, input);
  const reset = await findReset(secret);
  const state = stateOf(reset, now);
  if (state !== 'valid' || !reset) throw new Invalid({ _form: [`reset.link.${state}`] }, `reset.link.${state}`);
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw new Invalid({ _form: ['reset.link.used'] }, 'reset.link.used');
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, passwordChangedAt: now } });
    await tx.authSession.updateMany({ where: { userId: reset.userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.apiToken.updateMany({ where: { userId: reset.userId, revokedAt: null }, data: { revokedAt: now } });
  });
  authChanges().changed();
}
