/**
 * Everything a signed-in person does in the browser, done through /api/v1 with the typed client generated from the
 * OpenAPI document (tests/support/api-client.ts): the parity list of server actions and their operations, a new
 * learner's first day (catalogue, deck, answers, G/H/E, history, memory), an instructor's class from creation to a
 * student's history, and the limits and conditional requests a polling client meets.
 */
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { operations } from '@/lib/api/operations';
import { findItem } from '@/lib/content/catalog';
import type { Actor } from '@/lib/data/actor';
import { db } from '@/lib/db/client';
import { POLICIES } from '@/lib/limits/limits';
import { responseFor } from '../support/answers';
import { apiClient, type ApiClient } from '../support/api-client';
import { makeActor, uniqueIp } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const LESSON = 'pertahanan-kolektif';
// 09:00 in Jakarta (the default time zone of new accounts).
const NOW = new Date('2026-12-01T02:00:00Z');

const clientFor = (actor: Actor, now = () => NOW) => apiClient({ actor, now, ip: uniqueIp() });

/**
 * Every server action in app/_actions and the operation that does the same through the API. A new action without
 * an entry fails the first test; an entry naming an operation that does not exist fails the second.
 */
const PARITY: Record<string, string> = {
  // account.ts
  updateProfileAction: 'updateProfile',
  changePasswordAction: 'changePassword',
  adminUpdateUserAction: 'updateUser',
  // api-tokens.ts: the settings page makes a token for the signed-in user (with the password)
  createTokenAction: 'createOwnToken',
  revokeTokenAction: 'revokeToken',
  // data-rights.ts
  deleteMyAccountAction: 'deleteMyAccount',
  adminDeleteUserAction: 'deleteUser',
  // security.ts
  revokeSessionAction: 'revokeSession',
  signOutEverywhereAction: 'signOutEverywhere',
  issueResetLinkAction: 'issuePasswordReset',
  requestResetAction: 'requestPasswordReset',
  resetPasswordAction: 'resetPassword',
  // classes.ts
  createClassAction: 'createClass',
  joinClassAction: 'joinClass',
  rotateJoinCodeAction: 'rotateJoinCode',
  assignLessonAction: 'assignLesson',
  'classes.setExamDateAction': 'setClassExamDate',
  addInstructorAction: 'addInstructor',
  removeStudentAction: 'removeStudent',
  // exam.ts
  'exam.setExamDateAction': 'setExamDate',
  startMockExamAction: 'startMockExam',
  saveMockExamAnswerAction: 'saveMockExamAnswer',
  submitMockExamAction: 'submitMockExam',
  // lesson.ts
  answerInLessonAction: 'answerInLesson',
  // review.ts
  submitReviewAnswerAction: 'submitAnswer',
  adjustAnswerAction: 'adjustAnswer',
  undoAnswerAction: 'undoAnswer',
  addToDeckAction: 'addToDeck',
  updateReviewSettingsAction: 'updateSettings',
  fitParametersNowAction: 'requestParameterFit',
  // session.ts: an API client signs in by exchanging the password for a token, signs out by revoking it, and
  // chooses its language per request (Accept-Language) or in the profile.
  signInAction: 'createToken',
  signUpAction: 'signUp',
  signOutAction: 'revokeToken',
  switchLocaleAction: 'updateProfile',
};

/**
 * Operations the browser has without a server action (pages read them directly): listing tokens on the settings
 * page, the data export links on the account page.
 */
const WITHOUT_ACTION = ['listTokens', 'listSessions', 'exportMyData', 'exportMyDataCsv'];

async function serverActions(): Promise<string[]> {
  const dir = resolve(import.meta.dirname, '../../app/_actions');
  const names: string[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()) {
    const source = await readFile(resolve(dir, file), 'utf8');
    // Only modules marked 'use server' export actions; helpers beside them (failure.ts) are not callable by a browser.
    if (!/^'use server';/m.test(source)) continue;
    for (const [, name] of source.matchAll(/^export async function (\w+)/gm)) {
      // Two files export setExamDateAction (a class's date, a learner's own): key those by file.
      names.push(name === 'setExamDateAction' ? `${file.replace(/\.ts$/, '')}.${name}` : name!);
    }
  }
  return names;
}

describe('parity with the browser', () => {
  it('maps every server action to an operation', async () => {
    const actions = await serverActions();
    expect(actions.length).toBeGreaterThanOrEqual(27);
    expect(actions.filter((a) => !(a in PARITY))).toEqual([]);
    expect(Object.keys(PARITY).filter((a) => !actions.includes(a))).toEqual([]);
  });

  it('has every operation the parity list names', () => {
    const ids = new Set(operations.map((op) => op.operationId));
    const missing = [...new Set([...Object.values(PARITY), ...WITHOUT_ACTION])].filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });
});

/** A learner with a lesson in the deck, through the API alone. */
async function learnerWithDeck() {
  const actor = await makeActor('STUDENT', 'parity');
  const api = clientFor(actor);
  const added = await api.POST('/deck', { body: { courseId: COURSE, lessonId: LESSON } });
  expect(added.response.status).toBe(200);
  return { actor, api, added: added.data! };
}

async function answerNext(api: ApiClient, correct: boolean, durationMs = 4000) {
  const { data } = await api.GET('/review/next');
  const next = data!.next!;
  const { item } = (await findItem(next.view.id))!;
  const answered = await api.POST('/review/answers', {
    body: {
      cardId: next.cardId,
      cardVersion: next.cardVersion,
      idempotencyKey: randomUUID(),
      response: responseFor(item, next.view, correct),
      durationMs,
    },
  });
  expect(answered.response.status).toBe(200);
  return { next, result: answered.data!, response: answered.response };
}

describe("a new learner's first day, through the API alone", () => {
  it('finds the course and its lessons, and fills an empty deck with a lesson', async () => {
    const actor = await makeActor('STUDENT', 'catalogue');
    const api = clientFor(actor);
    const { data: list } = await api.GET('/courses');
    expect(list!.courses.map((c) => c.id)).toContain(COURSE);

    const { data: outline } = await api.GET('/courses/{courseId}', { params: { path: { courseId: COURSE } } });
    const lesson = outline!.lessonList.find((l) => l.id === LESSON)!;
    expect(lesson).toMatchObject({ inDeck: 0 });
    expect(lesson.items).toBeGreaterThan(0);
    expect((await api.GET('/deck')).data).toEqual({ lessons: [] });
    expect((await api.GET('/review/next')).data!.next).toBeNull();

    const added = await api.POST('/deck', { body: { courseId: COURSE, lessonId: LESSON } });
    expect(added.data).toEqual({ added: lesson.items, total: lesson.items });
    const again = await api.POST('/deck', { body: { courseId: COURSE, lessonId: LESSON } });
    expect(again.data).toEqual({ added: 0, total: lesson.items });
    expect((await api.GET('/deck')).data!.lessons).toEqual([
      { courseId: COURSE, lessonId: LESSON, lessonTitle: lesson.title, cards: lesson.items, items: lesson.items },
    ]);
    expect((await api.GET('/review/next')).data!.next).not.toBeNull();
    const unknown = await api.POST('/deck', { body: { courseId: COURSE, lessonId: 'no-such-lesson' } });
    expect(unknown.response.status).toBe(404);
  });

  it('answers with a review time, qualifies a right answer as the browser’s G/H/E do, and reads the card’s memory', async () => {
    const { api } = await learnerWithDeck();
    const { next, result } = await answerNext(api, true, 6500);
    expect(result).toMatchObject({ correct: true, rating: 'good', answeredAt: NOW.toISOString(), durationMs: 6500 });
    expect(result.adjustments.sort()).toEqual(['easy', 'guessed', 'hard']);

    const before = await api.GET('/cards/{cardId}', { params: { path: { cardId: next.cardId } } });
    expect(before.data).toMatchObject({ phase: 'learning', version: next.cardVersion + 1, reps: 1 });
    expect(before.data!.stabilityDays).toBeGreaterThan(0);
    expect(before.data!.difficulty).toBeGreaterThanOrEqual(1);
    expect(before.data!.retrievability).toBeCloseTo(1, 5); // answered this very moment

    const guessed = await api.POST('/review/answers/{reviewLogId}/adjustment', {
      params: { path: { reviewLogId: result.reviewLogId } },
      body: { adjustment: 'guessed' },
    });
    expect(guessed.data).toMatchObject({ rating: 'again', adjustments: [], cardVersion: next.cardVersion + 2 });
    expect(guessed.data!.reviewLogId).not.toBe(result.reviewLogId);
    const after = await api.GET('/cards/{cardId}', { params: { path: { cardId: next.cardId } } });
    expect(after.data!.stabilityDays).toBeLessThan(before.data!.stabilityDays);

    // Sending it again returns the same; another qualification of the same answer is refused.
    const repeat = await api.POST('/review/answers/{reviewLogId}/adjustment', {
      params: { path: { reviewLogId: result.reviewLogId } },
      body: { adjustment: 'guessed' },
    });
    expect(repeat.data).toEqual(guessed.data);
    const other = await api.POST('/review/answers/{reviewLogId}/adjustment', {
      params: { path: { reviewLogId: result.reviewLogId } },
      body: { adjustment: 'easy' },
    });
    expect(other.response.status).toBe(409);
    expect(other.error?.error.code).toBe('conflict');
  });

  it('offers no qualification for a wrong answer', async () => {
    const { api } = await learnerWithDeck();
    const { result } = await answerNext(api, false);
    expect(result).toMatchObject({ correct: false, rating: 'again', adjustments: [], proposeHard: false });
    const refused = await api.POST('/review/answers/{reviewLogId}/adjustment', {
      params: { path: { reviewLogId: result.reviewLogId } },
      body: { adjustment: 'hard' },
    });
    expect(refused.response.status).toBe(409);
  });

  it('pages the review history newest first by cursor, marking undone answers', async () => {
    const { api } = await learnerWithDeck();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await answerNext(api, i % 2 === 0)).result.reviewLogId);
    await api.POST('/review/undo', { body: {} });

    const seen: { id: string; revoked: string | null }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { data } = await api.GET('/reviews', { params: { query: { limit: '2', ...(cursor ? { cursor } : {}) } } });
      seen.push(...data!.items);
      cursor = data!.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((r) => r.id)).toEqual([...ids].reverse());
    expect(seen[0]!.revoked).toBe('undone');
    expect(seen.slice(1).every((r) => r.revoked === null)).toBe(true);

    const bad = await api.GET('/reviews', { params: { query: { cursor: 'not-a-cursor' } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.error.fields).toHaveProperty('cursor');
    const tooMany = await api.GET('/reviews', { params: { query: { limit: '101' } } });
    expect(tooMany.response.status).toBe(400);
  });

  it('answers a question inside a lesson, adding it to the deck', async () => {
    const actor = await makeActor('STUDENT', 'lesson');
    const api = clientFor(actor);
    const { data: list } = await api.GET('/courses/{courseId}', { params: { path: { courseId: COURSE } } });
    expect(list!.lessonList[0]!.inDeck).toBe(0);
    const row = await db().item.findFirstOrThrow({ where: { courseId: COURSE, retiredAt: null, kind: 'truefalse' } });
    const { item } = (await findItem(row.id))!;
    const view = { kind: 'truefalse' as const, id: item.id, prompt: item.prompt };
    const body = { idempotencyKey: randomUUID(), response: responseFor(item, view, true), durationMs: 3000 };
    const answered = await api.POST('/items/{itemId}/answers', { params: { path: { itemId: item.id } }, body });
    expect(answered.data).toMatchObject({ itemId: item.id, correct: true, durationMs: 3000 });
    const again = await api.POST('/items/{itemId}/answers', { params: { path: { itemId: item.id } }, body });
    expect(again.data).toEqual(answered.data);
    const { data: history } = await api.GET('/reviews');
    expect(history!.items).toHaveLength(1);
    expect(history!.items[0]).toMatchObject({ source: 'lesson', itemId: item.id });
  });

  it('changes the profile and the password', async () => {
    const actor = await makeActor('STUDENT', 'profile');
    const api = clientFor(actor);
    const updated = await api.PUT('/me', {
      body: { displayName: 'Sari API', locale: 'en', timeZone: 'Asia/Makassar' },
    });
    expect(updated.data).toMatchObject({ displayName: 'Sari API', locale: 'en', timeZone: 'Asia/Makassar' });
    const wrong = await api.PUT('/me/password', {
      body: { currentPassword: 'not it at all', newPassword: 'a brand new one', confirmPassword: 'a brand new one' },
    });
    expect(wrong.response.status).toBe(400);
    expect(wrong.error?.error.fields).toHaveProperty('currentPassword');
  });
});

describe('an admin manages accounts', () => {
  it('pages every account by email, changes a role and disables an account, one change per request', async () => {
    const admin = clientFor(await makeActor('ADMIN', 'admin'));
    const target = await makeActor('STUDENT', 'managed');
    const emails: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await admin.GET('/users', {
        params: { query: { limit: '100', ...(cursor ? { cursor } : {}) } },
      });
      emails.push(...data!.items.map((u) => u.email));
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    expect(emails).toContain(target.email);
    expect(emails).toEqual([...emails].sort());
    expect(new Set(emails).size).toBe(emails.length);

    const user = { params: { path: { userId: target.id } } };
    const promoted = await admin.PATCH('/users/{userId}', { ...user, body: { role: 'INSTRUCTOR' } });
    expect(promoted.data).toMatchObject({ id: target.id, role: 'INSTRUCTOR', disabledAt: null });
    const disabled = await admin.PATCH('/users/{userId}', { ...user, body: { disabled: true } });
    expect(disabled.data!.disabledAt).not.toBeNull();
    const both = await admin.PATCH('/users/{userId}', {
      ...user,
      body: { role: 'STUDENT', disabled: false } as unknown as { role: 'STUDENT' },
    });
    expect(both.response.status).toBe(400);
    expect((await admin.PATCH('/users/{userId}', { ...user, body: { disabled: false } })).data!.disabledAt).toBeNull();

    const student = clientFor(await makeActor('STUDENT', 'not-admin'));
    expect((await student.GET('/users')).response.status).toBe(403);
    expect((await student.PATCH('/users/{userId}', { ...user, body: { disabled: true } })).response.status).toBe(403);
  });
});

describe('polling politely', () => {
  it('answers If-None-Match with 304 while the next card is unchanged, and 200 once it changed', async () => {
    const { api } = await learnerWithDeck();
    const first = await api.GET('/review/next');
    const etag = first.response.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const same = await api.GET('/review/next', { params: { header: { 'If-None-Match': etag! } } });
    expect(same.response.status).toBe(304);
    const stats = await api.GET('/stats');
    const statsTag = stats.response.headers.get('etag')!;
    expect((await api.GET('/stats', { params: { header: { 'If-None-Match': statsTag } } })).response.status).toBe(304);

    await answerNext(api, true);
    const changed = await api.GET('/review/next', { params: { header: { 'If-None-Match': etag! } } });
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get('etag')).not.toBe(etag);
    expect((await api.GET('/stats', { params: { header: { 'If-None-Match': statsTag } } })).response.status).toBe(200);
  });

  it('tells the budget in RateLimit headers and answers 429 with Retry-After past the per-user limit', async () => {
    const actor = await makeActor('STUDENT', 'limits');
    const api = clientFor(actor);
    const { points } = POLICIES.readiness.user;
    for (let i = 1; i <= points; i++) {
      const ok = await api.GET('/courses/{courseId}/readiness', { params: { path: { courseId: COURSE } } });
      expect(ok.response.status).toBe(200);
      expect(ok.response.headers.get('ratelimit-limit')).toBe(String(points));
      expect(ok.response.headers.get('ratelimit-remaining')).toBe(String(points - i));
    }
    const refused = await api.GET('/courses/{courseId}/readiness', { params: { path: { courseId: COURSE } } });
    expect(refused.response.status).toBe(429);
    expect(refused.error?.error.code).toBe('rate_limited');
    expect(refused.response.headers.get('ratelimit-remaining')).toBe('0');
    const retryAfter = Number(refused.response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(POLICIES.readiness.user.durationSeconds);
    // From another address the same user is still over their own limit; another user is not.
    const elsewhere = apiClient({ actor, now: () => NOW, ip: uniqueIp() });
    expect(
      (await elsewhere.GET('/courses/{courseId}/readiness', { params: { path: { courseId: COURSE } } })).response
        .status,
    ).toBe(429);
    const someoneElse = clientFor(await makeActor('STUDENT', 'limits-2'));
    expect(
      (await someoneElse.GET('/courses/{courseId}/readiness', { params: { path: { courseId: COURSE } } })).response
        .status,
    ).toBe(200);
  });
});

describe("an instructor's class, end to end", () => {
  it('creates a class, reads its join code, sees who joined and their answers to the class’s course', async () => {
    const instructor = await makeActor('INSTRUCTOR', 'teacher');
    const teacher = clientFor(instructor);
    const created = await teacher.POST('/classes', { body: { courseId: COURSE, name: 'HI Kelas API' } });
    expect(created.response.status).toBe(201);
    const classId = created.data!.id;
    const { data: detail } = await teacher.GET('/classes/{classId}', { params: { path: { classId } } });
    expect(detail).toMatchObject({ as: 'instructor', name: 'HI Kelas API', courseId: COURSE });
    expect(detail!.joinCode).toMatch(/^[A-Z2-9]{8}$/);

    const studentActor = await makeActor('STUDENT', 'pupil');
    const student = clientFor(studentActor);
    const joined = await student.POST('/classes/join', { body: { code: detail!.joinCode! } });
    expect(joined.data).toMatchObject({ id: classId, role: 'member' });
    const asMember = await student.GET('/classes/{classId}', { params: { path: { classId } } });
    expect(asMember.data).toMatchObject({ as: 'member', joinCode: null });

    const assigned = await teacher.POST('/classes/{classId}/assignments', {
      params: { path: { classId } },
      body: { lessonId: LESSON, dueDate: '2026-12-15' },
    });
    expect(assigned.data!.cardsAdded).toBeGreaterThan(0);
    const { result } = await answerNext(student, true);

    const members = await teacher.GET('/classes/{classId}/members', { params: { path: { classId } } });
    expect(members.data).toEqual({
      items: [
        {
          id: studentActor.id,
          displayName: studentActor.displayName,
          email: studentActor.email,
          joinedAt: NOW.toISOString(),
        },
      ],
      nextCursor: null,
    });
    const history = await teacher.GET('/classes/{classId}/students/{studentId}/reviews', {
      params: { path: { classId, studentId: studentActor.id } },
    });
    expect(history.data!.items.map((r) => r.id)).toEqual([result.reviewLogId]);
    expect(history.data!.items[0]).toMatchObject({ courseId: COURSE, rating: 'good' });

    // Another student's own view is theirs alone; a member cannot read the roster or a classmate's history.
    expect((await student.GET('/classes/{classId}/members', { params: { path: { classId } } })).response.status).toBe(
      403,
    );
    expect(
      (
        await student.GET('/classes/{classId}/students/{studentId}/reviews', {
          params: { path: { classId, studentId: studentActor.id } },
        })
      ).response.status,
    ).toBe(403);

    const oldCode = detail!.joinCode!;
    const rotated = await teacher.POST('/classes/{classId}/join-code', { params: { path: { classId } } });
    expect(rotated.data!.joinCode).not.toBe(oldCode);
    const late = clientFor(await makeActor('STUDENT', 'late'));
    expect((await late.POST('/classes/join', { body: { code: oldCode } })).response.status).toBe(404);

    const exam = await teacher.PUT('/classes/{classId}/exam-date', {
      params: { path: { classId } },
      body: { examDate: '2026-12-20' },
    });
    expect(exam.data).toEqual({ examDate: '2026-12-20T02:00:00.000Z' }); // 09:00 in Jakarta

    const coTeacher = await makeActor('INSTRUCTOR', 'co');
    const added = await teacher.POST('/classes/{classId}/instructors', {
      params: { path: { classId } },
      body: { email: coTeacher.email },
    });
    expect(added.data).toEqual({ id: coTeacher.id, displayName: coTeacher.displayName });
    const notInstructor = await teacher.POST('/classes/{classId}/instructors', {
      params: { path: { classId } },
      body: { email: studentActor.email },
    });
    expect(notInstructor.response.status).toBe(403);

    const removed = await clientFor(coTeacher).DELETE('/classes/{classId}/members/{studentId}', {
      params: { path: { classId, studentId: studentActor.id } },
    });
    expect(removed.data).toEqual({ studentId: studentActor.id, removed: true });
    expect((await teacher.GET('/classes/{classId}/members', { params: { path: { classId } } })).data!.items).toEqual(
      [],
    );
    expect((await student.GET('/classes/{classId}', { params: { path: { classId } } })).response.status).toBe(403);
  });

  it('pages a large roster by cursor without repeating or skipping anyone', async () => {
    const instructor = await makeActor('INSTRUCTOR', 'roster');
    const teacher = clientFor(instructor);
    const { data: cls } = await teacher.POST('/classes', { body: { courseId: COURSE, name: 'Roster' } });
    const { data: detail } = await teacher.GET('/classes/{classId}', { params: { path: { classId: cls!.id } } });
    const joined: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await makeActor('STUDENT', `roster-${i}`);
      // Everyone joins at the same instant: the cursor must still order them.
      await clientFor(s).POST('/classes/join', { body: { code: detail!.joinCode! } });
      joined.push(s.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await teacher.GET('/classes/{classId}/members', {
        params: { path: { classId: cls!.id }, query: { limit: '2', ...(cursor ? { cursor } : {}) } },
      });
      seen.push(...data!.items.map((m) => m.id));
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(joined.sort());
  });
});

describe('mock exams record their answers as reviews', () => {
  it('gives each answered question its rating and next due date in the result', async () => {
    const actor = await makeActor('STUDENT', 'exam-rating');
    const api = clientFor(actor);
    const started = await api.POST('/courses/{courseId}/mock-exams', {
      params: { path: { courseId: COURSE } },
      body: { questions: 5, minutes: 10 },
    });
    const examId = started.data!.id;
    const { data: exam } = await api.GET('/mock-exams/{examId}', { params: { path: { examId } } });
    const first = exam!.questions[0]!;
    const { item } = (await findItem(first.view.id))!;
    await api.PUT('/mock-exams/{examId}/answers/{position}', {
      params: { path: { examId, position: '0' } },
      body: { response: responseFor(item, first.view, true) },
    });
    await api.POST('/mock-exams/{examId}/submit', { params: { path: { examId } } });
    const { data: result } = await api.GET('/mock-exams/{examId}/result', { params: { path: { examId } } });
    const [answered, ...unanswered] = result!.questions;
    expect(answered!.review).toMatchObject({ rating: 'good' });
    expect(new Date(answered!.review!.dueAfter).getTime()).toBeGreaterThan(NOW.getTime());
    expect(unanswered.every((q) => q.review === null)).toBe(true);
  });
});

describe("an instructor sees a student's work in the class's course only", () => {
  /** A second course in the database only (no content), with one item: the student's work in another course. */
  async function otherCourseCard(userId: string) {
    const courseId = 'lain-kursus-uji';
    const lessonId = 'lain-kursus-uji-1';
    await db().course.upsert({
      where: { id: courseId },
      create: { id: courseId, title: 'Other', description: 'Other', language: 'id', contentHash: 'x' },
      update: {},
    });
    await db().lesson.upsert({
      where: { id: lessonId },
      create: { id: lessonId, courseId, order: 1, title: 'Other lesson' },
      update: {},
    });
    await db().item.upsert({
      where: { id: 'zz-901' },
      create: {
        id: 'zz-901',
        courseId,
        lessonId,
        kind: 'truefalse',
        level: 'remember',
        difficulty: 1,
        sibling: 'zz-901',
        concepts: [],
        contentHash: 'x',
        data: {},
      },
      update: {},
    });
    const state = {
      phase: 'review',
      due: '2026-12-05T02:00:00.000Z',
      stability: 5,
      difficulty: 5,
      scheduledDays: 5,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      lastReview: '2026-11-30T02:00:00.000Z',
    };
    const card = await db().card.create({
      data: {
        userId,
        itemId: 'zz-901',
        courseId,
        lessonId,
        sibling: 'zz-901',
        position: 0,
        phase: 'REVIEW',
        due: new Date(state.due),
        stability: 5,
        difficulty: 5,
        scheduledDays: 5,
        reps: 3,
        lastReview: new Date(state.lastReview),
        createdAt: NOW,
        version: 2,
      },
    });
    await db().reviewLog.create({
      data: {
        userId,
        cardId: card.id,
        itemId: 'zz-901',
        source: 'REVIEW',
        idempotencyKey: randomUUID(),
        seed: 's',
        response: { kind: 'truefalse', value: true },
        correct: true,
        score: 1,
        rating: 'GOOD',
        durationMs: 1000,
        answeredAt: new Date(NOW.getTime() - 60_000),
        timeZone: 'Asia/Jakarta',
        desiredRetention: 0.9,
        cardVersionBefore: 1,
        cardVersionAfter: 2,
        stateBefore: state,
        stateAfter: state,
      },
    });
  }

  it('leaves the student’s other courses out of the statistics and the history the instructor reads', async () => {
    const teacher = clientFor(await makeActor('INSTRUCTOR', 'scope'));
    const { data: cls } = await teacher.POST('/classes', { body: { courseId: COURSE, name: 'Scope' } });
    const classId = cls!.id;
    const { data: detail } = await teacher.GET('/classes/{classId}', { params: { path: { classId } } });
    const studentActor = await makeActor('STUDENT', 'scoped');
    const student = clientFor(studentActor);
    await student.POST('/classes/join', { body: { code: detail!.joinCode! } });
    await student.POST('/deck', { body: { courseId: COURSE, lessonId: LESSON } });
    await answerNext(student, true);
    await otherCourseCard(studentActor.id);

    const own = await student.GET('/stats');
    expect(own.data!.lessons.map((l) => l.courseId)).toContain('lain-kursus-uji');
    expect(own.data!.heatmap.total).toBe(2);
    expect((await student.GET('/reviews')).data!.items).toHaveLength(2);

    const seen = await teacher.GET('/classes/{classId}/students/{studentId}/progress', {
      params: { path: { classId, studentId: studentActor.id } },
    });
    expect(seen.data!.stats.lessons.map((l) => l.courseId)).toEqual([COURSE]);
    expect(seen.data!.stats.heatmap.total).toBe(1);
    expect(seen.data!.stats.forecast.later + seen.data!.stats.forecast.days.reduce((s, d) => s + d.count, 0)).toBe(
      own.data!.forecast.later + own.data!.forecast.days.reduce((s, d) => s + d.count, 0) - 1,
    );
    const history = await teacher.GET('/classes/{classId}/students/{studentId}/reviews', {
      params: { path: { classId, studentId: studentActor.id } },
    });
    expect(history.data!.items.map((r) => r.courseId)).toEqual([COURSE]);
  });
});
