/**
 * The /api/v1 JSON API end to end against the real database: requests go through the same dispatcher the route
 * handler uses, with the browser session and the clock injected (there is no Next request scope in a test).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { handleApiRequest, type ApiDeps } from '@/lib/api/dispatch';
import { defineOperation } from '@/lib/api/operation';
import { openApiDocument } from '@/lib/api/openapi';
import { actorForToken, createApiToken, listApiTokens, revokeApiToken } from '@/lib/data/api-tokens';
import type { Actor } from '@/lib/data/actor';
import { addLessonToDeck } from '@/lib/data/review/deck';
import { APPLICATION_NAME, authChanges } from '@/lib/db/auth-changes';
import { db } from '@/lib/db/client';
import { CLIENT_IP_HEADER } from '@/lib/auth/client-ip';
import { SIGN_IN_POLICIES } from '@/lib/domain/auth/throttle';
import type { ItemView, Response as ItemResponse } from '@/lib/domain/item-view';
import { AppError } from '@/lib/errors';
import { translator } from '@/lib/i18n/catalogue';
import { apiClient, type ApiClient } from '../support/api-client';
import { makeActor, PASSWORD, uniqueEmail, uniqueIp } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const LESSON = 'pertahanan-kolektif';
const ORIGIN = 'http://ingat.test';
// 09:00 in Jakarta (the default time zone of new accounts), well away from the 04:00 rollover.
const NOW = new Date('2026-12-01T02:00:00Z');

const en = translator('en');
const signedOut: ApiDeps = { sessionActor: async () => null, now: async () => NOW };
const signedInAs = (actor: Actor): ApiDeps => ({ sessionActor: async () => actor, now: async () => NOW });

interface Call {
  body?: unknown;
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  deps?: ApiDeps;
}

async function call(method: string, path: string, { body, rawBody, token, headers = {}, deps = signedOut }: Call = {}) {
  const request = new Request(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: {
      [CLIENT_IP_HEADER]: uniqueIp(),
      ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const response = await handleApiRequest(request, deps);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as unknown };
}

/** A response of the right shape for what was shown (right or wrong does not matter here). */
function someResponse(view: ItemView): ItemResponse {
  switch (view.kind) {
    case 'single':
    case 'scenario':
      return { kind: view.kind, optionId: view.options[0]!.id };
    case 'multiple':
      return { kind: 'multiple', optionIds: [view.options[0]!.id] };
    case 'truefalse':
      return { kind: 'truefalse', value: true };
    case 'cloze':
    case 'short':
      return { kind: view.kind, text: 'jawaban' };
    case 'matching':
      return { kind: 'matching', pairs: {} };
    case 'ordering':
      return { kind: 'ordering', order: view.steps.map((s) => s.id) };
  }
}

/** A learner with a lesson in their deck and a personal token. */
async function learnerWithToken(label = 'api') {
  const actor = await makeActor('STUDENT', label);
  await addLessonToDeck(actor, { courseId: COURSE, lessonId: LESSON }, NOW);
  const { token } = await createApiToken(actor, { name: 'test', password: PASSWORD }, { ip: uniqueIp() }, NOW);
  return { actor, token };
}

interface NextCardBody {
  next: { cardId: string; cardVersion: number; view: ItemView } | null;
}

async function nextCardWith(token: string) {
  const res = await call('GET', '/review/next', { token });
  expect(res.status).toBe(200);
  const body = res.json as NextCardBody;
  if (!body.next) throw new Error('expected a card');
  return { ...body.next, text: res.text };
}

describe('signing up and getting a token over the API', () => {
  it('signs up, exchanges the password for a token, and reads the next card with it', async () => {
    const email = uniqueEmail('api-signup');
    const signUp = await call('POST', '/users', { body: { email, password: PASSWORD, displayName: 'Api Sari' } });
    expect(signUp.status).toBe(201);
    expect(signUp.json).toMatchObject({ email, displayName: 'Api Sari', role: 'STUDENT', locale: 'id' });
    expect(signUp.text).not.toContain('passwordHash');
    expect(signUp.text).not.toContain('disabledAt');

    const created = await call('POST', '/tokens', { body: { email, password: PASSWORD, name: 'laptop' } });
    expect(created.status).toBe(201);
    const token = (created.json as { token: string }).token;
    expect(token).toMatch(/^ingat_[A-Za-z0-9_-]{43}$/);

    const row = await db().apiToken.findFirstOrThrow({ where: { user: { email } } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(row.lastFour).toBe(token.slice(-4));
    // The exchange opens no lasting browser session.
    expect(await db().authSession.count({ where: { user: { email }, revokedAt: null } })).toBe(0);

    const empty = await call('GET', '/review/next', { token });
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ next: null, counts: { learning: 0, review: 0, new: 0 } });

    const actor = (await actorForToken(token, NOW))!;
    await addLessonToDeck(actor, { courseId: COURSE, lessonId: LESSON }, NOW);
    const card = await nextCardWith(token);
    expect(card.cardVersion).toBe(1);
  });

  it('refuses a wrong password with one message, and throttles with 429 and Retry-After', async () => {
    const email = uniqueEmail('api-throttle');
    const from = { [CLIENT_IP_HEADER]: uniqueIp() };
    await call('POST', '/users', { body: { email, password: PASSWORD, displayName: 'Tono' } });
    for (let i = 0; i < SIGN_IN_POLICIES.accountFromAddress.free; i++) {
      const wrong = await call('POST', '/tokens', {
        body: { email, password: 'nope nope nope', name: 'x' },
        headers: from,
      });
      expect(wrong.status).toBe(401);
      expect(wrong.json).toMatchObject({ error: { code: 'unauthenticated', message: 'Email atau kata sandi salah.' } });
    }
    const blocked = await call('POST', '/tokens', { body: { email, password: PASSWORD, name: 'x' }, headers: from });
    expect(blocked.status).toBe(429);
    expect(blocked.json).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers a bad body with 400 naming each field, in the language the caller asked for', async () => {
    const res = await call('POST', '/users', {
      body: { email: 'not-an-email', password: 'short' },
      headers: { 'accept-language': 'en-GB,en;q=0.9,id;q=0.5' },
    });
    expect(res.status).toBe(400);
    expect(en('errors.invalid')).not.toBe(translator('id')('errors.invalid'));
    expect(res.json).toMatchObject({
      error: {
        code: 'invalid',
        message: en('errors.invalid'),
        fields: {
          email: [en('validation.emailInvalid')],
          password: [en('validation.passwordTooShort')],
          displayName: [en('validation.displayNameRequired')],
        },
      },
    });
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const res = await call('POST', '/users', { rawBody: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code: 'invalid' } });
  });
});

describe('reviewing over the API', () => {
  /** The typed client (generated from the OpenAPI document) with a learner's token. */
  async function learnerClient() {
    const { actor, token } = await learnerWithToken();
    return { actor, api: apiClient({ token, now: () => NOW, ip: uniqueIp() }) };
  }

  async function shown(api: ApiClient) {
    const { data, response } = await api.GET('/review/next', { parseAs: 'text' });
    expect(response.status).toBe(200);
    const next = (JSON.parse(data!) as NextCardBody).next;
    if (!next) throw new Error('expected a card');
    return { ...next, text: data! };
  }

  it('never sends the answer key with the next card', async () => {
    const { api } = await learnerClient();
    for (let i = 0; i < 6; i++) {
      const card = await shown(api);
      expect(card.text).not.toMatch(/"(correct|answer|answers|feedback|explanation|key|rejects)"/);
      const answered = await api.POST('/review/answers', {
        body: {
          cardId: card.cardId,
          cardVersion: card.cardVersion,
          idempotencyKey: randomUUID(),
          response: someResponse(card.view),
          durationMs: 5000,
        },
      });
      expect(answered.response.status).toBe(200);
    }
  });

  it('records an answer, returns the same result for a repeat, and undoes it', async () => {
    const { api } = await learnerClient();
    const card = await shown(api);
    const body = {
      cardId: card.cardId,
      cardVersion: card.cardVersion,
      idempotencyKey: randomUUID(),
      response: someResponse(card.view),
      durationMs: 5000,
    };
    const first = await api.POST('/review/answers', { body });
    expect(first.data).toMatchObject({ cardId: card.cardId, cardVersion: card.cardVersion + 1 });
    const again = await api.POST('/review/answers', { body });
    expect(again.data).toEqual(first.data);

    const undone = await api.POST('/review/undo', {});
    expect(undone.data).toMatchObject({ cardId: card.cardId, undoneReviewLogId: first.data!.reviewLogId });
    const nothing = await api.POST('/review/undo', { body: {} });
    expect(nothing.response.status).toBe(404);
    expect(nothing.error).toMatchObject({
      error: { code: 'not_found', message: 'Belum ada jawaban yang dapat dibatalkan.' },
    });
  });

  it("reports the token owner's statistics", async () => {
    const { api } = await learnerClient();
    const card = await shown(api);
    await api.POST('/review/answers', {
      body: {
        cardId: card.cardId,
        cardVersion: card.cardVersion,
        idempotencyKey: randomUUID(),
        response: someResponse(card.view),
        durationMs: 5000,
      },
    });
    const stats = await api.GET('/stats');
    expect(stats.data).toMatchObject({
      todayKey: '2026-12-01',
      heatmap: { total: 1, activeDays: 1 },
      streak: { days: 1, includesToday: true },
      lessons: [expect.objectContaining({ lessonId: LESSON, studied: 1 })],
    });
  });

  it('names the fields of a bad answer', async () => {
    const { token } = await learnerWithToken();
    const res = await call('POST', '/review/answers', {
      token,
      body: { cardId: 'nope', cardVersion: 'one', idempotencyKey: 'k', response: { kind: 'essay' } },
    });
    expect(res.status).toBe(400);
    const fields = (res.json as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual([
      'cardId',
      'cardVersion',
      'durationMs',
      'idempotencyKey',
      'response.kind',
    ]);
    expect(fields.cardId).toEqual(['Kartu tidak valid.']);
  });

  it("will not let one user's token answer another user's card, and says only 404", async () => {
    const owner = await learnerWithToken('owner');
    const other = await learnerWithToken('other');
    const card = await nextCardWith(owner.token);
    const answerAs = (token: string, cardId: string) =>
      call('POST', '/review/answers', {
        token,
        body: {
          cardId,
          cardVersion: card.cardVersion,
          idempotencyKey: randomUUID(),
          response: someResponse(card.view),
          durationMs: 5000,
        },
      });
    const foreign = await answerAs(other.token, card.cardId);
    const missing = await answerAs(other.token, randomUUID());
    expect(foreign.status).toBe(404);
    expect(foreign.json).toEqual(missing.json);
    expect(await db().reviewLog.count({ where: { cardId: card.cardId } })).toBe(0);
  });
});

describe('authentication', () => {
  it('answers 401 without a token or session', async () => {
    const res = await call('GET', '/review/next');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.json).toMatchObject({ error: { code: 'unauthenticated', message: 'Silakan masuk terlebih dahulu.' } });
  });

  it('answers 401 for a revoked token, even from a browser that is signed in', async () => {
    const { actor, token } = await learnerWithToken();
    const [listed] = await listApiTokens(actor);
    await revokeApiToken(actor, listed!.id, NOW);
    const res = await call('GET', '/review/next', { token, deps: signedInAs(actor) });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      error: { code: 'unauthenticated', message: 'Token API tidak valid atau sudah dicabut.' },
    });
  });

  it('answers 401 for a malformed Authorization header instead of using the cookie', async () => {
    const actor = await makeActor();
    for (const authorization of ['Bearer', 'Basic dXNlcjpwYXNz', `Bearer ingat_${'x'.repeat(43)}`]) {
      const res = await call('GET', '/settings', { headers: { authorization }, deps: signedInAs(actor) });
      expect(res.status).toBe(401);
    }
  });

  it('refuses tokens of a disabled account', async () => {
    const { actor, token } = await learnerWithToken();
    await db().user.update({ where: { id: actor.id }, data: { disabledAt: NOW } });
    expect((await call('GET', '/settings', { token })).status).toBe(401);
  });

  it('accepts the browser session, but a write only from this site', async () => {
    const actor = await makeActor();
    const deps = signedInAs(actor);
    expect((await call('GET', '/settings', { deps })).json).toMatchObject({ newPerDay: 20 });

    const patch = (headers: Record<string, string>) =>
      call('PATCH', '/settings', { body: { newPerDay: 15 }, deps, headers });
    expect((await patch({})).status).toBe(403);
    expect((await patch({ origin: 'https://evil.example' })).status).toBe(403);
    const ok = await patch({ origin: ORIGIN });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ settings: { newPerDay: 15 }, rescheduledCards: 0 });
  });

  it('lets a bearer client write without an Origin header', async () => {
    const { token } = await learnerWithToken();
    const res = await call('PATCH', '/settings', { token, body: { rolloverHour: 5 } });
    expect(res.status).toBe(200);
    expect((await call('GET', '/settings', { token })).json).toMatchObject({ rolloverHour: 5 });
  });

  it('writes lastUsedAt at most once a minute', async () => {
    const { actor, token } = await learnerWithToken();
    const lastUsed = async () => (await listApiTokens(actor))[0]!.lastUsedAt;
    await actorForToken(token, NOW);
    expect(await lastUsed()).toEqual(NOW);
    await actorForToken(token, new Date(NOW.getTime() + 30_000));
    expect(await lastUsed()).toEqual(NOW);
    const later = new Date(NOW.getTime() + 61_000);
    await actorForToken(token, later);
    expect(await lastUsed()).toEqual(later);
  });
});

describe('verified tokens, reused only while nothing they stand for changed', () => {
  // A raw write through the shared pool plays "another process": it bypasses lib/data, so only the database
  // trigger's notification can tell this process. `heardEverything()` waits until notifications committed so far
  // have arrived (an echo, not a timer).
  const listener = authChanges();
  const later = (ms: number) => new Date(NOW.getTime() + ms);
  const setLastUsedNull = (token: string) =>
    db().$executeRaw`UPDATE "ApiToken" SET "lastUsedAt" = NULL WHERE "lastFour" = ${token.slice(-4)}`;

  it('asks the database once a minute per token, not on every request', async () => {
    await listener.whenListening();
    const { actor, token } = await learnerWithToken();
    const lastUsed = async () => (await listApiTokens(actor))[0]!.lastUsedAt;
    expect(await actorForToken(token, NOW)).toMatchObject({ id: actor.id });
    await setLastUsedNull(token);
    // Served from what was verified: the lookup (which would have written lastUsedAt) did not run.
    expect(await actorForToken(token, later(59_000))).toMatchObject({ id: actor.id });
    expect(await lastUsed()).toBeNull();
    expect(await actorForToken(token, later(61_000))).toMatchObject({ id: actor.id });
    expect(await lastUsed()).toEqual(later(61_000));
  });

  it('refuses a verified token as soon as it is revoked, here or by another process', async () => {
    await listener.whenListening();
    const here = await learnerWithToken();
    expect((await call('GET', '/settings', { token: here.token })).status).toBe(200);
    await revokeApiToken(here.actor, (await listApiTokens(here.actor))[0]!.id, NOW);
    expect((await call('GET', '/settings', { token: here.token })).status).toBe(401);

    const elsewhere = await learnerWithToken();
    expect((await call('GET', '/settings', { token: elsewhere.token })).status).toBe(200);
    await db().$executeRaw`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "userId" = ${elsewhere.actor.id}::uuid`;
    await listener.heardEverything();
    expect((await call('GET', '/settings', { token: elsewhere.token })).status).toBe(401);
  });

  it('follows a disabled account and a changed time zone made by another process', async () => {
    await listener.whenListening();
    const moved = await learnerWithToken();
    expect(await actorForToken(moved.token, NOW)).toMatchObject({ timeZone: 'Asia/Jakarta' });
    await db().$executeRaw`UPDATE "User" SET "timeZone" = 'Asia/Jayapura' WHERE "id" = ${moved.actor.id}::uuid`;
    await listener.heardEverything();
    expect(await actorForToken(moved.token, later(1_000))).toMatchObject({ timeZone: 'Asia/Jayapura' });

    const disabled = await learnerWithToken();
    expect(await actorForToken(disabled.token, NOW)).not.toBeNull();
    await db().$executeRaw`UPDATE "User" SET "disabledAt" = now() WHERE "id" = ${disabled.actor.id}::uuid`;
    await listener.heardEverything();
    expect(await actorForToken(disabled.token, later(1_000))).toBeNull();
  });

  it('trusts nothing it verified once the connection that hears changes is lost', async () => {
    await listener.whenListening();
    const { actor, token } = await learnerWithToken();
    expect(await actorForToken(token, NOW)).not.toBeNull();
    await db().$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = ${`${APPLICATION_NAME}:${process.pid}`}`;
    await vi.waitFor(() => expect(listener.isListening()).toBe(false));
    // Nobody in this process hears this revocation; the token must be checked against the database again.
    await db().$executeRaw`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "userId" = ${actor.id}::uuid`;
    expect(await actorForToken(token, later(1_000))).toBeNull();
    await listener.whenListening();
  });
});

describe('token management', () => {
  it("cannot revoke someone else's token: it is not found", async () => {
    const owner = await learnerWithToken('owner');
    const intruder = await makeActor();
    const [token] = await listApiTokens(owner.actor);
    const refused = await revokeApiToken(intruder, token!.id, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('not_found');
    expect((await listApiTokens(owner.actor))[0]!.revokedAt).toBeNull();
    expect(await actorForToken(owner.token, NOW)).not.toBeNull();
  });

  it('requires a token name', async () => {
    const actor = await makeActor();
    const refused = await createApiToken(actor, { name: '   ', password: PASSWORD }, { ip: uniqueIp() }, NOW).catch(
      (e: unknown) => e,
    );
    expect((refused as AppError).fieldErrors).toEqual({ name: ['validation.tokenNameRequired'] });
  });
});

describe('errors and routing', () => {
  it('answers an unknown path with JSON 404, and a wrong method with the allowed ones', async () => {
    const unknown = await call('GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: 'not_found' } });
    const wrongMethod = await call('DELETE', '/settings');
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.headers.get('allow')).toBe('GET, PATCH');
  });

  it('prefers a literal path segment to a parameter, whatever the registry order', async () => {
    const echo = (operationId: string, path: `/${string}`) =>
      defineOperation({
        operationId,
        method: 'GET',
        path,
        summary: operationId,
        tags: [],
        auth: 'none',
        params: z.object({ id: z.string() }).partial(),
        response: z.object({ operationId: z.string(), id: z.string().optional() }),
        handler: async ({ params }) => ({ operationId, ...params }),
      });
    const ops = [echo('byId', '/things/{id}'), echo('mine', '/things/mine')];
    const get = async (path: string) =>
      (await handleApiRequest(new Request(`${ORIGIN}/api/v1${path}`), signedOut, ops)).json();
    expect(await get('/things/mine')).toEqual({ operationId: 'mine' });
    expect(await get('/things/a%20b')).toEqual({ operationId: 'byId', id: 'a b' });
  });

  it('turns an unexpected failure into a 500 that names the request id and nothing else', async () => {
    const broken = defineOperation({
      operationId: 'broken',
      method: 'GET',
      path: '/broken',
      summary: 'Fails',
      tags: [],
      auth: 'none',
      response: z.object({}),
      handler: async () => {
        throw new Error('connection to 10.0.0.5 refused');
      },
    });
    const response = await handleApiRequest(
      new Request(`${ORIGIN}/api/v1/broken`, { headers: { 'x-request-id': 'req-123' } }),
      signedOut,
      [broken],
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('10.0.0.5');
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'internal',
        message: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.',
        requestId: 'req-123',
      },
    });
  });
});

describe('the OpenAPI document', () => {
  const doc = openApiDocument();
  const operations = Object.values(doc.paths).flatMap((byMethod) => Object.values(byMethod));

  it('is OpenAPI 3.1 and lists every operation by its id', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(operations.map((op) => op.operationId).sort()).toEqual(
      [
        'signUp',
        'createToken',
        'getMe',
        'updateProfile',
        'changePassword',
        'listUsers',
        'updateUser',
        'listCourses',
        'getCourse',
        'getDeck',
        'addToDeck',
        'getNextCard',
        'submitAnswer',
        'syncOfflineAnswers',
        'adjustAnswer',
        'undoAnswer',
        'answerInLesson',
        'listReviews',
        'getCard',
        'getStats',
        'getSettings',
        'updateSettings',
        'requestParameterFit',
        'createClass',
        'listClasses',
        'joinClass',
        'getClass',
        'rotateJoinCode',
        'setClassExamDate',
        'addInstructor',
        'listClassMembers',
        'removeStudent',
        'assignLesson',
        'getClassProgress',
        'getStudentProgress',
        'listStudentReviews',
        'getItemAnalysis',
        'exportClassProgressCsv',
        'exportItemAnalysisCsv',
        'setExamDate',
        'getReadiness',
        'startMockExam',
        'getMockExam',
        'saveMockExamAnswer',
        'submitMockExam',
        'getMockExamResult',
        'listTokens',
        'createOwnToken',
        'revokeToken',
        'listSessions',
        'revokeSession',
        'signOutEverywhere',
        'requestPasswordReset',
        'resetPassword',
        'issuePasswordReset',
        'exportMyData',
        'exportMyDataCsv',
        'deleteMyAccount',
        'deleteUser',
      ].sort(),
    );
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'sessionCookie']);
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
  });

  it('describes the request body of every operation that takes one, from the schemas the handlers use', () => {
    const withBody = operations.filter((op) =>
      ['signUp', 'createToken', 'submitAnswer', 'undoAnswer', 'updateSettings'].includes(op.operationId),
    );
    expect(withBody).toHaveLength(5);
    for (const op of withBody) {
      expect(op.requestBody?.content['application/json'].schema, op.operationId).toMatchObject({ type: 'object' });
    }
    const submit = operations.find((op) => op.operationId === 'submitAnswer')!;
    expect(submit.requestBody!.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['cardId', 'cardVersion', 'idempotencyKey', 'response', 'durationMs']),
    );
    for (const op of operations) {
      expect(Object.keys(op.responses), op.operationId).toContain('500');
      expect(JSON.stringify(op), op.operationId).not.toContain('#/$defs/');
    }
  });

  it('marks user operations as needing a token or session, and sign-up, createToken and password resets as open', () => {
    const openOps = ['signUp', 'createToken', 'requestPasswordReset', 'resetPassword'];
    for (const op of operations) {
      const open = openOps.includes(op.operationId);
      expect(op.security, op.operationId).toEqual(open ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }]);
    }
  });
});
