/**
 * Data rights against the real database: a learner's export holds their data and nobody else's; deleting an account
 * removes what identifies the person, keeps the append-only log (pseudonymised) and the class statistics built on it,
 * ends every session and token at once, and frees the email; nobody but the owner (with their password) or an admin
 * can delete an account.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { handleApiRequest, type ApiDeps } from '@/lib/api/dispatch';
import { openApiDocument } from '@/lib/api/openapi';
import { PERSONAL_DATA_EXAMPLE } from '@/lib/data/account/export-example';
import { actorForToken, createApiToken } from '@/lib/data/api-tokens';
import type { Actor } from '@/lib/data/actor';
import { adminDeleteAccount, deleteMyAccount } from '@/lib/data/account/deletion';
import { deletedAccountCount, listUsersPage } from '@/lib/data/admin-users';
import { exportMyData, personalDataSchema } from '@/lib/data/account/export';
import { personalDataCsv } from '@/lib/data/account/export-csv';
import { assignLesson, classDetail, createClass, joinClass, listClasses } from '@/lib/data/classes/classes';
import { getItemAnalysis } from '@/lib/data/classes/item-analysis';
import { getClassProgress, getStudentProgress } from '@/lib/data/classes/progress';
import { setOwnExamDate } from '@/lib/data/exam/exam-date';
import { dueLearnerFits, MIN_LEARNER_ANSWERS } from '@/lib/data/parameters/fit.internal';
import { saveMockExamAnswer, startMockExam } from '@/lib/data/exam/mock-exams';
import { nextCard } from '@/lib/data/review/next-card';
import { updateReviewSettings } from '@/lib/data/review/settings';
import { actorForSession, signIn, signUp } from '@/lib/data/users';
import { AUTH_CHANNEL, authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import { answerCard, caught, makeActor, PASSWORD, uniqueIp } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const LESSON = 'pertahanan-kolektif';
const T0 = new Date('2026-12-01T02:00:00Z');
const ORIGIN = 'http://ingat.test';

async function answerNext(actor: Actor, correct: boolean, now: Date) {
  return answerCard(actor, (await nextCard(actor, now)).next!, correct, now);
}

/** A class of twelve who each answered their first card (pk-001): nine right, three wrong. */
async function classOfTwelve() {
  const teacher = await makeActor('INSTRUCTOR', 'teacher');
  const created = await createClass(teacher, { courseId: COURSE, name: 'HI Kelas Hak Data' }, T0);
  const { joinCode } = await classDetail(teacher, created.id);
  await assignLesson(teacher, created.id, { lessonId: LESSON, dueDate: '2026-12-15' }, T0);
  const students: Actor[] = [];
  for (let i = 0; i < 12; i++) {
    const s = await makeActor('STUDENT', `rights${i}`);
    await joinClass(s, { code: joinCode! }, T0);
    await answerNext(s, i >= 3, T0);
    students.push(s);
  }
  return { teacher, classId: created.id, students };
}

/** A learner with something in every part of the export: answers, settings, an exam date, a mock exam, a token. */
async function busyLearner() {
  const sari = await makeActor('STUDENT', 'sari');
  const teacher = await makeActor('INSTRUCTOR', 'guru');
  const created = await createClass(teacher, { courseId: COURSE, name: 'Kelas Sari' }, T0);
  const { joinCode } = await classDetail(teacher, created.id);
  await assignLesson(teacher, created.id, { lessonId: LESSON, dueDate: '2026-12-15' }, T0);
  await joinClass(sari, { code: joinCode! }, T0);
  await answerNext(sari, true, T0);
  await answerNext(sari, false, new Date(T0.getTime() + 60_000));
  await updateReviewSettings(sari, { newPerDay: 15 });
  await setOwnExamDate(sari, { courseId: COURSE, examDate: '2026-12-20' }, T0);
  const exam = await startMockExam(sari, { courseId: COURSE, questions: 5, minutes: 10 }, T0);
  await saveMockExamAnswer(sari, exam.id, { position: 0, response: { kind: 'truefalse', value: true } }, T0);
  const token = await createApiToken(sari, { name: 'skrip saya', password: PASSWORD }, { ip: uniqueIp() }, T0);
  return { sari, teacher, classId: created.id, examId: exam.id, token };
}

async function call(method: string, path: string, opts: { token?: string; body?: unknown; deps?: ApiDeps } = {}) {
  const response = await handleApiRequest(
    new Request(`${ORIGIN}/api/v1${path}`, {
      method,
      headers: {
        'x-forwarded-for': uniqueIp(),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    opts.deps ?? { sessionActor: async () => null, now: async () => T0 },
  );
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function logRowsOf(userId: string) {
  return db().reviewLog.findMany({ where: { userId }, orderBy: { seq: 'asc' } });
}

describe('export', () => {
  it('holds the learner’s profile, deck, every answer, exam, settings, classes and token metadata', async () => {
    const { sari, examId, token } = await busyLearner();
    const doc = await exportMyData(sari, T0);
    expect(personalDataSchema.parse(doc)).toEqual(doc);
    expect(doc.profile).toMatchObject({ id: sari.id, email: sari.email, displayName: sari.displayName });
    const ownLog = await logRowsOf(sari.id);
    expect(ownLog).toHaveLength(2);
    expect(doc.reviewLog.map((l) => l.id)).toEqual(ownLog.map((l) => l.id));
    expect(doc.reviewLog.map((l) => l.correct)).toEqual([true, false]);
    expect(doc.cards.length).toBe(await db().card.count({ where: { userId: sari.id } }));
    expect(doc.cards.filter((c) => c.phase !== 'NEW')).toHaveLength(2);
    expect(doc.reviewSettings?.newPerDay).toBe(15);
    expect(doc.examDates).toEqual([expect.objectContaining({ courseId: COURSE })]);
    expect(doc.mockExams).toHaveLength(1);
    expect(doc.mockExams[0]).toMatchObject({ id: examId, questions: expect.any(Array) });
    expect(doc.mockExams[0]!.answers).toEqual([
      expect.objectContaining({ position: 0, response: { kind: 'truefalse', value: true } }),
    ]);
    expect(doc.classMemberships).toEqual([expect.objectContaining({ className: 'Kelas Sari', removedAt: null })]);
    expect(doc.apiTokens).toEqual([expect.objectContaining({ id: token.id, name: 'skrip saya' })]);
    expect(doc.sessions).toEqual([expect.objectContaining({ userAgent: 'vitest', current: true })]);
    // No secret, and nothing that stands in for one.
    const text = JSON.stringify(doc);
    const stored = await db().user.findUniqueOrThrow({ where: { id: sari.id } });
    const tokenRow = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(text).not.toContain(stored.passwordHash);
    expect(text).not.toContain(token.token);
    expect(text).not.toContain(tokenRow.tokenHash);
    expect(text).not.toContain(sari.sessionId);
  });

  it('holds nobody else’s answers, even to the same items', async () => {
    const { students } = await classOfTwelve();
    const [a, b] = [students[0]!, students[5]!];
    const doc = await exportMyData(a, T0);
    const othersLog = await logRowsOf(b.id);
    expect(othersLog.map((l) => l.itemId)).toContain(doc.reviewLog[0]!.itemId); // the same item, answered by both
    const text = JSON.stringify(doc);
    for (const row of othersLog) expect(text).not.toContain(row.id);
    expect(text).not.toContain(b.id);
    expect(text).not.toContain(b.email);
    expect(doc.reviewLog).toHaveLength(1);
  });

  it('gives each table as CSV with the JSON field names as headers', async () => {
    const { sari } = await busyLearner();
    const doc = await exportMyData(sari, T0);
    const answers = personalDataCsv(doc, 'answers')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(answers[0]!.split(',').slice(0, 4)).toEqual(['id', 'seq', 'cardId', 'itemId']);
    expect(answers).toHaveLength(1 + doc.reviewLog.length);
    expect(answers[1]).toContain(doc.reviewLog[0]!.id);
    const profile = personalDataCsv(doc, 'profile')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(profile[1]).toContain(sari.email);
    expect(personalDataCsv(doc, 'mock-exam-answers')).toContain('"{""kind"":""truefalse"",""value"":true}"');
  });

  it('is served by the API to the caller only: JSON, CSV per table, and a named error for an unknown table', async () => {
    const { sari, token } = await busyLearner();
    const other = await makeActor('STUDENT', 'other');
    const otherToken = await createApiToken(other, { name: 'lain', password: PASSWORD }, { ip: uniqueIp() }, T0);
    const mine = await call('GET', '/me/export', { token: token.token });
    expect(mine.status).toBe(200);
    expect(JSON.parse(mine.text)).toMatchObject({ profile: { email: sari.email } });
    const theirs = await call('GET', '/me/export', { token: otherToken.token });
    expect(JSON.parse(theirs.text)).toMatchObject({ profile: { email: other.email }, reviewLog: [] });
    expect(theirs.text).not.toContain(sari.email);

    const csv = await call('GET', '/me/export.csv?table=cards', { token: token.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ingat-cards-2026-12-01.csv"');
    const bad = await call('GET', '/me/export.csv?table=passwords', { token: token.token });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error: { code: 'invalid', fields: { table: [expect.any(String)] } } });
    expect((await call('GET', '/me/export')).status).toBe(401);
  });
});

describe('deleting one’s own account', () => {
  it('refuses a wrong password or a missing confirmation by name, and changes nothing', async () => {
    const { sari, token } = await busyLearner();
    const before = await exportMyData(sari, T0);
    const wrong = await caught(deleteMyAccount(sari, { password: 'bukan sandinya', confirm: true }, T0));
    expect(wrong.code).toBe('invalid');
    expect(wrong.fieldErrors).toEqual({ password: ['validation.currentPasswordWrong'] });
    const unconfirmed = await caught(deleteMyAccount(sari, { password: PASSWORD }, T0));
    expect(unconfirmed.fieldErrors).toEqual({ confirm: ['dataRights.confirmRequired'] });
    const empty = await caught(deleteMyAccount(sari, { password: '', confirm: false }, T0));
    expect(Object.keys(empty.fieldErrors).sort()).toEqual(['confirm', 'password']);
    expect(await exportMyData(sari, T0)).toEqual(before);
    expect(await actorForToken(token.token, T0)).not.toBeNull();
    await signIn({ email: sari.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }, T0);
  });

  it('removes everything personal, keeps the log pseudonymised, and stops every session and token at once', async () => {
    const { sari, token } = await busyLearner();
    const logBefore = await logRowsOf(sari.id);
    const cardsBefore = await db().card.count({ where: { userId: sari.id } });
    // Both verified (and so cached by this process) before the deletion.
    expect(await actorForToken(token.token, T0)).not.toBeNull();
    expect(await actorForSession(sari.sessionId, T0)).not.toBeNull();
    await authChanges().whenListening();

    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query(`LISTEN ${AUTH_CHANNEL}`);
    try {
      const result = await deleteMyAccount(sari, { password: PASSWORD, confirm: true }, T0);
      expect(result.deletedAt).toEqual(T0);
      await expect.poll(() => heard, { timeout: 5_000 }).toEqual(expect.arrayContaining(['User', 'AuthSession']));
    } finally {
      await listener.end();
    }

    expect(await actorForToken(token.token, T0)).toBeNull();
    expect(await actorForSession(sari.sessionId, T0)).toBeNull();
    const refused = await caught(
      signIn({ email: sari.email, password: PASSWORD }, { ip: uniqueIp(), userAgent: null }, T0),
    );
    expect(refused.messageKey).toBe('errors.badCredentials');

    const row = await db().user.findUniqueOrThrow({ where: { id: sari.id } });
    expect(row).toMatchObject({
      email: `deleted:${sari.id}`,
      displayName: '',
      passwordHash: '',
      role: 'STUDENT',
      timeZone: 'UTC',
      disabledAt: T0,
      deletedAt: T0,
    });
    expect(await db().user.count({ where: { email: sari.email } })).toBe(0);
    for (const count of await Promise.all([
      db().authSession.count({ where: { userId: sari.id } }),
      db().apiToken.count({ where: { userId: sari.id } }),
      db().reviewSettings.count({ where: { userId: sari.id } }),
      db().studentExamDate.count({ where: { userId: sari.id } }),
      db().mockExam.count({ where: { userId: sari.id } }),
      db().parameterSet.count({ where: { userId: sari.id } }),
    ]))
      expect(count).toBe(0);
    // The log is untouched, row for row; the cards it rebuilds stay with the pseudonymous row.
    expect(await logRowsOf(sari.id)).toEqual(logBefore);
    expect(await db().card.count({ where: { userId: sari.id } })).toBe(cardsBefore);
    // The database itself refuses a deleted row that names someone.
    await expect(db().user.update({ where: { id: sari.id }, data: { displayName: 'Sari lagi' } })).rejects.toThrow(
      /User_deleted_has_no_personal_data/,
    );

    // Nor can anything personal be attached to it again, even by a sign-in that raced the deletion.
    await expect(db().authSession.create({ data: { userId: sari.id, userAgent: 'late' } })).rejects.toThrow(
      /is deleted: AuthSession refused/,
    );
    await expect(
      db().apiToken.create({
        data: { userId: sari.id, name: 'late', tokenHash: `late-${sari.id}`, lastFour: 'late', expiresAt: T0 },
      }),
    ).rejects.toThrow(/is deleted: ApiToken refused/);

    // The email is free again.
    const again = await signUp(
      { email: sari.email, password: PASSWORD, displayName: 'Sari Baru' },
      { ip: uniqueIp() },
      T0,
    );
    expect(again.id).not.toBe(sari.id);
  });

  it('works through the API with a token and the password, and the token is dead on the next request', async () => {
    const { token } = await busyLearner();
    const noPassword = await call('DELETE', '/me', { token: token.token, body: { confirm: true } });
    expect(noPassword.status).toBe(400);
    expect((await call('GET', '/me/export', { token: token.token })).status).toBe(200);
    const deleted = await call('DELETE', '/me', { token: token.token, body: { password: PASSWORD, confirm: true } });
    expect(deleted.status).toBe(200);
    expect(JSON.parse(deleted.text)).toEqual({ deleted: true, deletedAt: T0.toISOString() });
    expect((await call('GET', '/me/export', { token: token.token })).status).toBe(401);
  });
});

describe('class statistics after a deletion', () => {
  it('keep item analysis exactly as it was, and drop the learner from the roster by name', async () => {
    const { teacher, classId, students } = await classOfTwelve();
    const gone = students[0]!; // one of the three wrong answers
    const analysisBefore = await getItemAnalysis(teacher, classId);
    const progressBefore = await getClassProgress(teacher, classId, T0);
    expect(progressBefore.students.map((s) => s.id)).toContain(gone.id);

    await deleteMyAccount(gone, { password: PASSWORD, confirm: true }, T0);

    const analysisAfter = await getItemAnalysis(teacher, classId);
    expect(analysisAfter).toEqual(analysisBefore);
    const pk1 = analysisAfter.items.find((i) => i.itemId === 'pk-001')!;
    expect([pk1.attempts, pk1.facility]).toEqual([12, 0.75]);

    const progressAfter = await getClassProgress(teacher, classId, T0);
    expect(progressAfter.students).toHaveLength(11);
    expect(progressAfter.students.map((s) => s.id)).not.toContain(gone.id);
    expect(Object.keys(progressAfter.conceptMap)).not.toContain(gone.id);
    expect(JSON.stringify(progressAfter)).not.toContain(gone.email);
    expect((await caught(getStudentProgress(teacher, classId, gone.id, T0))).code).toBe('not_found');
    const summary = (await listClasses(teacher)).find((c) => c.id === classId)!;
    expect(summary.students).toBe(11);
  });
});

describe('a sign-in racing a deletion', () => {
  it('waits for the deletion and is then refused, so no session outlives the account', async () => {
    const victim = await makeActor('STUDENT', 'race');
    const deleting = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await deleting.connect();
    try {
      await deleting.query('BEGIN');
      await deleting.query(
        `UPDATE "User" SET "email" = 'deleted:' || "id", "displayName" = '', "passwordHash" = '',
           "disabledAt" = now(), "deletedAt" = now() WHERE "id" = $1`,
        [victim.id],
      );
      let settled = false;
      const late = db()
        .authSession.create({ data: { userId: victim.id, userAgent: 'late' } })
        .finally(() => (settled = true));
      late.catch(() => undefined); // observed below, after the commit
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false); // held by the deletion's row lock
      await deleting.query('COMMIT');
      await expect(late).rejects.toThrow(/is deleted: AuthSession refused/);
    } finally {
      await deleting.end();
    }
  });
});

describe('background work after a deletion', () => {
  it('never fits personal parameters for a deleted account again, however many answers it has', async () => {
    const { sari } = await busyLearner();
    const [first] = await logRowsOf(sari.id);
    // Copies of a real answer (new ids and keys, a minute apart): enough history for the hourly sweep.
    await db().$executeRaw`
      INSERT INTO "ReviewLog" ("id", "userId", "cardId", "itemId", "source", "idempotencyKey", "seed", "response",
        "correct", "score", "rating", "durationMs", "answeredAt", "timeZone", "desiredRetention", "cardVersionBefore",
        "cardVersionAfter", "choice", "stateBefore", "stateAfter")
      SELECT gen_random_uuid(), "userId", "cardId", "itemId", "source", 'copy-' || g, "seed", "response", "correct",
        "score", "rating", "durationMs", "answeredAt" + g * interval '1 minute', "timeZone", "desiredRetention",
        "cardVersionBefore", "cardVersionAfter", "choice", "stateBefore", "stateAfter"
      FROM "ReviewLog", generate_series(1, ${MIN_LEARNER_ANSWERS}) g WHERE "id" = ${first!.id}::uuid`;
    const due = async () => (await dueLearnerFits()).some((l) => l.userId === sari.id);
    expect(await due()).toBe(true);
    await deleteMyAccount(sari, { password: PASSWORD, confirm: true }, T0);
    expect(await due()).toBe(false);
  });
});

describe('who may delete an account', () => {
  it('lets no student or instructor delete someone else’s, in lib/data or the API', async () => {
    const victim = await makeActor('STUDENT', 'victim');
    const student = await makeActor('STUDENT', 'mallory');
    const instructor = await makeActor('INSTRUCTOR', 'eve');
    for (const actor of [student, instructor]) {
      expect((await caught(adminDeleteAccount(actor, victim.id, { confirm: true }, T0))).code).toBe('forbidden');
    }
    const token = await createApiToken(student, { name: 'x', password: PASSWORD }, { ip: uniqueIp() }, T0);
    expect((await call('DELETE', `/users/${victim.id}`, { token: token.token, body: { confirm: true } })).status).toBe(
      403,
    );
    expect(await db().user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ deletedAt: null });
    // deleteMyAccount acts on the caller only: a user id slipped into the body is ignored.
    await deleteMyAccount(student, { userId: victim.id, password: PASSWORD, confirm: true }, T0);
    expect(await db().user.findUniqueOrThrow({ where: { id: student.id } })).toMatchObject({ deletedAt: T0 });
    expect(await db().user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ deletedAt: null });
    expect(await actorForSession(victim.sessionId, T0)).not.toBeNull();
  });

  it('lets an admin delete an account after an explicit confirmation, but not their own that way', async () => {
    const admin = await makeActor('ADMIN', 'admin');
    const { sari, token } = await busyLearner();
    const unconfirmed = await caught(adminDeleteAccount(admin, sari.id, {}, T0));
    expect(unconfirmed.fieldErrors).toEqual({ confirm: ['dataRights.confirmRequired'] });
    expect(await actorForToken(token.token, T0)).not.toBeNull();
    expect((await caught(adminDeleteAccount(admin, admin.id, { confirm: true }, T0))).messageKey).toBe(
      'dataRights.adminCannotDeleteSelf',
    );

    await adminDeleteAccount(admin, sari.id, { confirm: true }, T0);
    expect(await actorForToken(token.token, T0)).toBeNull();
    expect(await db().user.findUniqueOrThrow({ where: { id: sari.id } })).toMatchObject({
      deletedAt: T0,
      email: `deleted:${sari.id}`,
    });
    const listed = await listUsersPage(admin, { q: sari.id.slice(0, 8) });
    expect(listed.items).toEqual([]);
    expect(await deletedAccountCount(admin)).toBeGreaterThanOrEqual(1);
    expect((await caught(adminDeleteAccount(admin, sari.id, { confirm: true }, T0))).code).toBe('not_found');
    expect((await caught(adminDeleteAccount(admin, 'not-a-uuid', { confirm: true }, T0))).code).toBe('not_found');
  });
});

describe('the API document', () => {
  const doc = openApiDocument();

  it('describes the export with an example that fits its schema, and the deletions with their bodies', () => {
    expect(personalDataSchema.parse(PERSONAL_DATA_EXAMPLE)).toEqual(PERSONAL_DATA_EXAMPLE);
    const exportOp = doc.paths['/me/export']!.get!;
    expect(exportOp.operationId).toBe('exportMyData');
    expect(exportOp.responses['200']).toMatchObject({
      description: 'OK',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PersonalData' } } },
    });
    expect(doc.components.schemas.PersonalData).toMatchObject({ examples: [PERSONAL_DATA_EXAMPLE] });
    const csvOp = doc.paths['/me/export.csv']!.get!;
    expect(csvOp.parameters).toEqual([
      expect.objectContaining({
        name: 'table',
        in: 'query',
        required: true,
        schema: expect.objectContaining({ enum: expect.arrayContaining(['answers', 'cards']) }),
      }),
    ]);
    const mine = doc.paths['/me']!.delete!;
    expect(mine.requestBody!.content['application/json'].schema.required).toEqual(['password', 'confirm']);
    expect(doc.paths['/users/{userId}']!.delete!.operationId).toBe('deleteUser');
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });
});
