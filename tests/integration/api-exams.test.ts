/**
 * Exam preparation over /api/v1: the exam date, readiness and a mock exam from start to result, through the same
 * dispatcher the route handler uses (session and clock injected), against the real database. The journey goes
 * through the typed client generated from the OpenAPI document; the refusals send raw requests.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handleApiRequest, type ApiDeps } from '@/lib/api/dispatch';
import { findItem } from '@/lib/content/catalog';
import type { Actor } from '@/lib/data/actor';
import { createApiToken } from '@/lib/data/api-tokens';
import { classDetail, createClass, joinClass, setExamDate } from '@/lib/data/classes/classes';
import { db } from '@/lib/db/client';
import type { ItemView } from '@/lib/domain/item-view';
import { responseFor } from '../support/answers';
import { apiClient } from '../support/api-client';
import { makeActor, PASSWORD, uniqueIp } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const ORIGIN = 'http://ingat.test';
// 09:00 in Jakarta (the default time zone of new accounts).
const NOW = new Date('2026-12-01T02:00:00Z');
const MIN = 60_000;

const at = (date: Date): ApiDeps => ({ sessionActor: async () => null, now: async () => date });
const signedInAs = (actor: Actor): ApiDeps => ({ sessionActor: async () => actor, now: async () => NOW });

interface Call {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  deps?: ApiDeps;
}

async function call(method: string, path: string, { body, token, headers = {}, deps = at(NOW) }: Call = {}) {
  const request = new Request(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: {
      'x-ingat-client-ip': uniqueIp(),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handleApiRequest(request, deps);
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as unknown };
}

async function studentWithToken(label = 'exam') {
  const actor = await makeActor('STUDENT', label);
  const { token } = await createApiToken(actor, { name: 'test', password: PASSWORD }, { ip: uniqueIp() }, NOW);
  return { actor, token };
}

interface ExamBody {
  id: string;
  questions: { position: number; view: ItemView; response: unknown }[];
}

async function startExam(token: string, questions = 5, minutes = 10) {
  const res = await call('POST', `/courses/${COURSE}/mock-exams`, { token, body: { questions, minutes } });
  expect(res.status).toBe(201);
  return (res.json as { id: string }).id;
}

async function readExam(token: string, examId: string, deps = at(NOW)) {
  const res = await call('GET', `/mock-exams/${examId}`, { token, deps });
  expect(res.status).toBe(200);
  return { ...(res.json as ExamBody), text: res.text, json: res.json };
}

/** A right or wrong answer to question `position`, from what the attempt showed. */
async function answerFor(exam: ExamBody, position: number, correct: boolean) {
  const view = exam.questions[position]!.view;
  const found = await findItem(view.id);
  if (!found) throw new Error(`unknown item ${view.id}`);
  return responseFor(found.item, view, correct);
}

describe('exam preparation over the API', () => {
  it('sets an exam date, forecasts readiness for it, and takes a mock exam from start to result', async () => {
    const { actor, token } = await studentWithToken();
    let clock = NOW;
    const api = apiClient({ token, now: () => clock, ip: uniqueIp() });
    const course = { params: { path: { courseId: COURSE } } };

    const date = await api.PUT('/courses/{courseId}/exam-date', { ...course, body: { examDate: '2026-12-20' } });
    expect(date.response.status).toBe(200);
    const exam = { examAt: '2026-12-20T02:00:00.000Z', source: 'own', className: null };
    expect(date.data).toEqual(exam);

    const readiness = await api.GET('/courses/{courseId}/readiness', course);
    expect(readiness.data).toMatchObject({ examDate: exam.examAt, exam, forecastFor: 'exam' });
    expect(readiness.data!.items.length).toBeGreaterThan(0);

    const started = await api.POST('/courses/{courseId}/mock-exams', {
      ...course,
      body: { questions: 5, minutes: 10 },
    });
    expect(started.response.status).toBe(201);
    expect(started.data).toMatchObject({
      questionCount: 5,
      startedAt: NOW.toISOString(),
      submittedAt: null,
      score: null,
    });
    const examId = started.data!.id;
    const attempt = { params: { path: { examId } } };

    const taken = await api.GET('/mock-exams/{examId}', { ...attempt, parseAs: 'text' });
    const takenExam = JSON.parse(taken.data!) as ExamBody;
    expect(takenExam).toMatchObject({ id: examId, courseId: COURSE, status: 'open', remainingSec: 600 });
    expect(takenExam.questions.map((q) => q.position)).toEqual([0, 1, 2, 3, 4]);
    for (const key of ['"correct"', '"answers"', '"explanation"', '"feedback"', '"key"'])
      expect(taken.data).not.toContain(key);

    const answerAt = (position: number) => ({ params: { path: { examId, position: String(position) } } });
    clock = new Date(NOW.getTime() + 2 * MIN);
    const saved = await api.PUT('/mock-exams/{examId}/answers/{position}', {
      ...answerAt(0),
      body: { response: await answerFor(takenExam, 0, true) },
    });
    expect(saved.data).toEqual({ position: 0, savedAt: clock.toISOString(), remainingSec: 480 });
    const wrong = { response: await answerFor(takenExam, 1, false) };
    expect(
      (await api.PUT('/mock-exams/{examId}/answers/{position}', { ...answerAt(1), body: wrong })).response.status,
    ).toBe(200);
    const reloaded = await api.GET('/mock-exams/{examId}', attempt);
    expect(reloaded.data!.questions.map((q) => q.response !== null)).toEqual([true, true, false, false, false]);

    const submitted = await api.POST('/mock-exams/{examId}/submit', { ...attempt, parseAs: 'text' });
    expect(submitted.response.status).toBe(200);
    expect(JSON.parse(submitted.data!)).toMatchObject({ id: examId, score: 0.2, submittedAt: clock.toISOString() });
    clock = new Date(NOW.getTime() + 3 * MIN);
    const again = await api.POST('/mock-exams/{examId}/submit', { ...attempt, parseAs: 'text' });
    expect(again.response.status).toBe(200);
    expect(again.data).toBe(submitted.data);
    // Each saved answer is recorded once as exam evidence; unanswered questions are not evidence.
    expect(await db().reviewLog.count({ where: { userId: actor.id, source: 'EXAM' } })).toBe(2);

    const { data: graded } = await api.GET('/mock-exams/{examId}/result', attempt);
    expect(graded).toMatchObject({ id: examId, correctCount: 1, score: 0.2 });
    expect(graded!.questions.map((q) => q.correct)).toEqual([true, false, false, false, false]);
    expect(graded!.questions.map((q) => q.review?.rating ?? null)).toEqual(['good', 'again', null, null, null]);
    expect(graded!.questions[2]!.response).toBeNull();
    expect(graded!.questions[0]!.feedback.explanation.length).toBeGreaterThan(10);
    expect(graded!.byLesson.reduce((s, l) => s + l.total, 0)).toBe(5);

    const tooLate = await api.PUT('/mock-exams/{examId}/answers/{position}', { ...answerAt(2), body: wrong });
    expect(tooLate.response.status).toBe(409);
    expect(tooLate.error?.error.code).toBe('conflict');
  });

  it('accepts the browser session, with writes only from this site', async () => {
    const actor = await makeActor('STUDENT', 'exam-session');
    const deps = signedInAs(actor);
    const put = (headers: Record<string, string>) =>
      call('PUT', `/courses/${COURSE}/exam-date`, { deps, headers, body: { examDate: '2026-12-24' } });
    expect((await put({})).status).toBe(403);
    const ok = await put({ origin: ORIGIN });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ source: 'own' });

    const cleared = await call('PUT', `/courses/${COURSE}/exam-date`, {
      deps,
      headers: { origin: ORIGIN },
      body: { examDate: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.json).toBeNull();
    const readiness = await call('GET', `/courses/${COURSE}/readiness`, { deps });
    expect(readiness.json).toMatchObject({
      exam: null,
      forecastFor: 'week',
      examDate: new Date(NOW.getTime() + 7 * 86_400_000).toISOString(),
    });
  });

  it('answers 409 for a result before submission, a save after the time is up, and refuses an exam date in the past with 400', async () => {
    const { token } = await studentWithToken();
    const examId = await startExam(token, 5, 2);
    const early = await call('GET', `/mock-exams/${examId}/result`, { token });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ error: { code: 'conflict' } });

    const afterTime = at(new Date(NOW.getTime() + 3 * MIN));
    const exam = await readExam(token, examId);
    const late = await call('PUT', `/mock-exams/${examId}/answers/0`, {
      token,
      deps: afterTime,
      body: { response: await answerFor(exam, 0, true) },
    });
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ error: { code: 'conflict' } });
    // Reading the attempt after its time submits it; then the result is there.
    expect((await readExam(token, examId, afterTime)).json).toMatchObject({ status: 'submitted', remainingSec: 0 });
    const result = await call('GET', `/mock-exams/${examId}/result`, { token, deps: afterTime });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ score: 0, correctCount: 0 });

    const past = await call('PUT', `/courses/${COURSE}/exam-date`, { token, body: { examDate: '2026-11-30' } });
    expect(past.status).toBe(400);
    expect(past.json).toMatchObject({ error: { code: 'invalid', fields: { examDate: [expect.any(String)] } } });
  });

  it("answers 409 when the student's class has set the exam date", async () => {
    const teacher = await makeActor('INSTRUCTOR', 'exam-teacher');
    const { actor, token } = await studentWithToken('exam-pupil');
    const created = await createClass(teacher, { courseId: COURSE, name: 'HI Kelas Ujian' }, NOW);
    await joinClass(actor, { code: (await classDetail(teacher, created.id)).joinCode! }, NOW);
    await setExamDate(teacher, created.id, { examDate: '2026-12-18' });

    const res = await call('PUT', `/courses/${COURSE}/exam-date`, { token, body: { examDate: '2026-12-20' } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ error: { code: 'conflict' } });
    const readiness = await call('GET', `/courses/${COURSE}/readiness`, { token });
    expect(readiness.json).toMatchObject({
      exam: { source: 'class', className: 'HI Kelas Ujian' },
      forecastFor: 'exam',
    });
  });
});

describe('who may touch a mock exam', () => {
  it("answers 404 to another student on every operation of someone else's attempt, as for one that does not exist", async () => {
    const owner = await studentWithToken('exam-owner');
    const other = await studentWithToken('exam-other');
    const examId = await startExam(owner.token);
    const exam = await readExam(owner.token, examId);
    const body = { response: await answerFor(exam, 0, true) };

    const attempts = (id: string) => [
      call('GET', `/mock-exams/${id}`, { token: other.token }),
      call('PUT', `/mock-exams/${id}/answers/0`, { token: other.token, body }),
      call('POST', `/mock-exams/${id}/submit`, { token: other.token }),
      call('GET', `/mock-exams/${id}/result`, { token: other.token }),
    ];
    const foreign = await Promise.all(attempts(examId));
    const missing = await Promise.all(attempts(randomUUID()));
    for (const [i, res] of foreign.entries()) {
      expect(res.status, `operation ${i}`).toBe(404);
      expect(res.json, `operation ${i}`).toEqual(missing[i]!.json);
    }

    const untouched = await db().mockExam.findUniqueOrThrow({ where: { id: examId }, include: { answers: true } });
    expect(untouched.submittedAt).toBeNull();
    expect(untouched.answers).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every exam operation', async () => {
    const { token } = await studentWithToken();
    const examId = await startExam(token);
    const anonymous = [
      call('PUT', `/courses/${COURSE}/exam-date`, { body: { examDate: '2026-12-20' } }),
      call('GET', `/courses/${COURSE}/readiness`),
      call('POST', `/courses/${COURSE}/mock-exams`, { body: { questions: 5, minutes: 10 } }),
      call('GET', `/mock-exams/${examId}`),
      call('PUT', `/mock-exams/${examId}/answers/0`, { body: { response: { kind: 'truefalse', value: true } } }),
      call('POST', `/mock-exams/${examId}/submit`),
      call('GET', `/mock-exams/${examId}/result`),
    ];
    for (const res of await Promise.all(anonymous)) {
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });
});

describe('input validation', () => {
  it('answers a malformed mock-exam request with 400 naming the field, and starts nothing', async () => {
    const { actor, token } = await studentWithToken();
    const res = await call('POST', `/courses/${COURSE}/mock-exams`, { token, body: { questions: 999, minutes: 10 } });
    expect(res.status).toBe(400);
    const { error } = res.json as { error: { code: string; fields: Record<string, string[]> } };
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields)).toEqual(['questions']);
    expect(await db().mockExam.count({ where: { userId: actor.id } })).toBe(0);
  });

  it('answers 400 for a position that is not a number, an exam id that is not one, and a bad exam date', async () => {
    const { token } = await studentWithToken();
    const examId = await startExam(token);
    const body = { response: { kind: 'truefalse', value: true } };

    const position = await call('PUT', `/mock-exams/${examId}/answers/first`, { token, body });
    expect(position.status).toBe(400);
    expect(Object.keys((position.json as { error: { fields: object } }).error.fields)).toEqual(['position']);

    const id = await call('GET', '/mock-exams/not-an-id', { token });
    expect(id.status).toBe(400);
    expect(Object.keys((id.json as { error: { fields: object } }).error.fields)).toEqual(['examId']);

    const date = await call('PUT', `/courses/${COURSE}/exam-date`, { token, body: { examDate: '20-12-2026' } });
    expect(date.status).toBe(400);
    expect(Object.keys((date.json as { error: { fields: object } }).error.fields)).toEqual(['examDate']);
  });

  it('answers 404 for an unknown course and for a question the attempt does not have', async () => {
    const { token } = await studentWithToken();
    expect((await call('GET', '/courses/no-such-course/readiness', { token })).status).toBe(404);
    const examId = await startExam(token);
    const res = await call('PUT', `/mock-exams/${examId}/answers/5`, {
      token,
      body: { response: { kind: 'truefalse', value: true } },
    });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: { code: 'not_found' } });
  });
});
