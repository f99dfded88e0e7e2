/**
 * Deleting an account (the right to erasure of Indonesia's UU PDP, like GDPR article 17): by its owner, who confirms
 * with their password, or by an admin.
 *
 * What goes, in one transaction: name, email, password hash, browser sessions, API tokens, review settings, exam
 * dates, mock exams and their answers, the learner's own FSRS parameter fits, the classes they teach, and their
 * sign-in throttling counters. What stays is the review log, pseudonymised: its rows are append-only (a trigger
 * refuses UPDATE and DELETE, see the review_deck migration) and are not rewritten; they keep pointing, through their
 * cards, at the same User row, which now holds no personal field (email `deleted:<id>`, empty name and password hash,
 * disabled; the account_deletion migration's CHECK constraint holds this in the database). Nothing that said who the
 * learner was remains, so item analysis, readiness pools and pooled parameter fits keep counting the answers exactly
 * as before, as an anonymous learner's. The cards (the log's cache of memory state, which the log's foreign key
 * needs) stay with the row, and so do class memberships, which hold nothing but the link between the pseudonymous
 * learner and a class: without them, item analysis would silently lose the learner's first attempts. Per-student
 * views (the class roster, the dashboard's rows and concept map, a student's page) leave deleted accounts out.
 *
 * Afterwards the person cannot sign in (the email no longer exists), every session and token stops at once (their
 * rows are gone; the User update and the deletions fire the NOTIFY triggers of the auth_change_notifications
 * migration, so every app process forgets what it verified, and this process forgets at once), and the email can be
 * used for a new account. A trigger (account_deletion migration) refuses any later session, token, settings, exam
 * date, mock exam, teaching role or parameter set for the row, including one from a sign-in that raced the deletion.
 *
 * Free-text answers (cloze, short) in the log stay as typed: they answer course questions, and rewriting them would
 * break the append-only rule. Backups keep older copies until they expire.
 */
import { z } from 'zod';
import { verifyPassword } from '@/lib/auth/password';
import { authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, requireRole, type Actor } from '../actor';

/** The owner's request: their password, and an explicit yes to the statement of what goes and what stays. */
export const deleteMyAccountSchema = z.object({
  password: z
    .string({ error: 'validation.passwordRequired' })
    .min(1, 'validation.passwordRequired')
    .max(200, 'validation.passwordTooLong'),
  confirm: z.literal(true, { error: 'dataRights.confirmRequired' }),
});

/** An admin's request: an explicit yes (the admin's own session is the authority; no password of the user exists). */
export const adminDeleteAccountSchema = z.object({
  confirm: z.literal(true, { error: 'dataRights.confirmRequired' }),
});

export interface DeletedAccount {
  deletedAt: Date;
}

/**
 * Deletes the actor's own account after checking their password. A wrong password is Invalid on the `password` field
 * and changes nothing. The last active admin cannot delete themselves (nobody could then manage accounts).
 */
export async function deleteMyAccount(actor: Actor | null, input: unknown, now: Date): Promise<DeletedAccount> {
  const a = requireActor(actor);
  const { password } = parseOrThrow(deleteMyAccountSchema, input);
  const user = await db().user.findUnique({ where: { id: a.id }, select: { passwordHash: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new NotFound();
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new Invalid({ password: ['validation.currentPasswordWrong'] });
  }
  if (a.role === 'ADMIN') {
    const otherAdmins = await db().user.count({
      where: { role: 'ADMIN', disabledAt: null, deletedAt: null, id: { not: a.id } },
    });
    if (otherAdmins === 0) throw new Conflict('dataRights.lastAdmin');
  }
  return eraseAccount(a.id, now);
}

/** An admin deletes someone else's account. Their own goes through deleteMyAccount (with their password). */
export async function adminDeleteAccount(
  actor: Actor | null,
  userId: unknown,
  input: unknown,
  now: Date,
): Promise<DeletedAccount> {
  const a = requireRole(actor, 'ADMIN');
  const id = z.uuid().safeParse(userId);
  if (!id.success) throw new NotFound();
  if (id.data === a.id) throw new Conflict('dataRights.adminCannotDeleteSelf');
  parseOrThrow(adminDeleteAccountSchema, input);
  return eraseAccount(id.data, now);
}

/** The admin's list of accounts: every account that was not deleted, and how many were. */
export async function listAccounts(actor: Actor | null) {
  requireRole(actor, 'ADMIN');
  const [users, deleted] = await Promise.all([
    db().user.findMany({
      where: { deletedAt: null },
      select: { id: true, email: true, displayName: true, role: true, disabledAt: true },
      orderBy: [{ role: 'asc' }, { email: 'asc' }],
    }),
    db().user.count({ where: { deletedAt: { not: null } } }),
  ]);
  return { users, deleted };
}

/**
 * Removes everything personal of one account in one transaction (see the module header). The row is locked first,
 * so two deletions of the same account cannot both run: the second finds it deleted and is NotFound.
 */
async function eraseAccount(userId: string, now: Date): Promise<DeletedAccount> {
  await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ email: string; deletedAt: Date | null }[]>`
      SELECT "email", "deletedAt" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    if (!row || row.deletedAt) throw new NotFound();
    await tx.authSession.deleteMany({ where: { userId } });
    await tx.apiToken.deleteMany({ where: { userId } });
    await tx.reviewSettings.deleteMany({ where: { userId } });
    await tx.parameterSet.deleteMany({ where: { userId, scope: 'LEARNER' } });
    await tx.studentExamDate.deleteMany({ where: { userId } });
    await tx.mockExam.deleteMany({ where: { userId } }); // their answers go with them (ON DELETE CASCADE)
    await tx.classInstructor.deleteMany({ where: { userId } });
    // Throttle counters that name the email (lib/data/users.ts signInKeys, password-reset requests): personal data.
    await tx.$executeRaw`DELETE FROM "AuthThrottle"
      WHERE "key" IN (${`signin:account:${row.email}`}, ${`reset:account:${row.email}`})
         OR starts_with("key", ${`signin:account-address:${row.email}|`})`;
    await tx.user.update({
      where: { id: userId },
      data: {
        email: `deleted:${userId}`,
        displayName: '',
        passwordHash: '',
        role: 'STUDENT',
        locale: 'id',
        timeZone: 'UTC',
        disabledAt: now,
        deletedAt: now,
      },
    });
  });
  // The triggers tell every process; this one need not wait for its own notification.
  authChanges().changed();
  return { deletedAt: now };
}
