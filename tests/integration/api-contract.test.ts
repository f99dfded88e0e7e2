/**
 * The API as a contract (issue #13): every malformed request is a 4xx in the documented JSON error shape, bodies are
 * JSON only and bounded as they arrive, numbers are numbers, and an idempotency key promises one request, not one
 * result for whatever is sent with it. Raw requests on purpose: the typed client would not let us send these.
 */
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { handleApiRequest, type ApiDeps } from '@/lib/api/dispatch';
import { MAX_BODY_BYTES } from '@/lib/api/body';
import { operations } from '@/lib/api/operations';
import type { Actor } from '@/lib/data/actor';
import { addLessonToDeck } from '@/lib/data/review/deck';
import { nextCard } from '@/lib/data/review/next-card';
import { getReviewSettings } from '@/lib/data/review/settings';
import { db } from '@/lib/db/client';
import { findItem } from '@/lib/content/catalog';
import { responseFor } from '../support/answers';
import { makeActor, PASSWORD, uniqueEmail, uniqueIp } from './helpers';

const ORIGIN = 'http://ingat.test';
const NOW = new Date('2026-12-01T02:00:00Z');
const COURSE = 'struktur-keamanan-regional';
const LESSON = 'pertahanan-kolektif';

const as = (actor: Actor | null): ApiDeps => ({ sessionActor: async () => actor, now: async () => NOW });

interface Raw {
  body?: BodyInit;
  headers?: Record<string, string>;
  actor?: Actor | null;
}

async function send(method: string, path: string, { body, headers = {}, actor = null }: Raw = {}) {
  const request = new Request(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: { 'x-forwarded-for': uniqueIp(), origin: ORIGIN, host: 'ingat.test', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const response = await handleApiRequest(request, as(actor));
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? (JSON.parse(text) as unknown) : null,
  };
}

const json = (value: unknown) => ({
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json' },
});

/** The documented error shape, and nothing else. */
function expectErrorShape(json: unknown, code: string) {
  expect(json).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(
    Object.keys((json as { error: object }).error).every((k) => ['code', 'message', 'fields', 'requestId'].includes(k)),
  ).toBe(true);
}

describe('malformed paths', () => {
  it('answers a broken percent-escape in any path parameter with 400 in the JSON error shape', async () => {
    const actor = await makeActor('INSTRUCTOR', 'pct');
    const withParams = operations.filter((op) => op.path.includes('{'));
    expect(withParams.length).toBeGreaterThanOrEqual(13);
    for (const op of withParams) {
      const path = op.path.replace(/\{[^}]+\}/g, '%ZZ');
      const res = await send(op.method, path, { actor, ...(op.body ? json({}) : {}) });
      expect(res.status, `${op.operationId} ${path}`).toBe(400);
      expectErrorShape(res.json, 'invalid');
    }
  });

  it('answers it in the proxy too, before Next fails to decode the path for routing', async () => {
    const response = await proxy(
      new NextRequest(`${ORIGIN}/api/v1/classes/%ZZ/progress`, { headers: { 'accept-language': 'en' } }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid',
        message: 'Please check the highlighted fields.',
        fields: { _form: ['The request path is not valid (broken percent-encoding).'] },
      },
    });
    // A well-formed escape goes on to the API.
    expect((await proxy(new NextRequest(`${ORIGIN}/api/v1/classes/a%20b`))).headers.get('x-middleware-next')).toBe('1');
  });
});

describe('request bodies', () => {
  it('refuses a body that is not declared as JSON with 415, and accepts JSON with a charset', async () => {
    const actor = await makeActor('STUDENT', 'mime');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/json']) {
      const res = await send('PATCH', '/settings', {
        actor,
        body: JSON.stringify({ newPerDay: 12 }),
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(415);
      expectErrorShape(res.json, 'unsupported_media_type');
    }
    expect((await getReviewSettings(actor)).newPerDay).toBe(20);
    const ok = await send('PATCH', '/settings', {
      actor,
      body: JSON.stringify({ newPerDay: 12 }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(ok.status).toBe(200);
    expect((await getReviewSettings(actor)).newPerDay).toBe(12);
  });

  it('stops reading a chunked body at 64 KiB with 413, without reading the rest', async () => {
    const actor = await makeActor('STUDENT', 'chunked');
    const chunk = new TextEncoder().encode(`{"pad":"${'x'.repeat(16 * 1024)}`);
    let pulled = 0;
    // 20 MB on offer, sent without Content-Length (a stream body is chunked).
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 20 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await send('PATCH', '/settings', {
      actor,
      body: stream,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expectErrorShape(res.json, 'too_large');
    // The reader stopped at the limit: what was pulled is the limit plus at most the stream's read-ahead.
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength);
  });

  it('answers 413 to a body over the limit even when Content-Length claims less', async () => {
    const actor = await makeActor('STUDENT', 'liar');
    const big = JSON.stringify({ newPerDay: 12, pad: 'x'.repeat(MAX_BODY_BYTES) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await send('PATCH', '/settings', {
      actor,
      body: stream,
      headers: { 'content-type': 'application/json', 'content-length': '20' },
    });
    expect(res.status).toBe(413);
    expect((await getReviewSettings(actor)).newPerDay).toBe(20);
  });

  it('answers malformed JSON and invalid UTF-8 with 400', async () => {
    const actor = await makeActor('STUDENT', 'badjson');
    const bad = await send('PATCH', '/settings', {
      actor,
      body: '{"newPerDay": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.json, 'invalid');
    const bytes = await send('PATCH', '/settings', {
      actor,
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
      headers: { 'content-type': 'application/json' },
    });
    expect(bytes.status).toBe(400);
  });
});

describe('numbers are numbers', () => {
  it('refuses a daily limit sent as a string, a boolean, null, "" or an array, naming the field', async () => {
    const actor = await makeActor('STUDENT', 'coerce');
    for (const value of ['12', true, null, '', [[12]], '0x10']) {
      const res = await send('PATCH', '/settings', { actor, ...json({ newPerDay: value }) });
      expect(res.status, JSON.stringify(value)).toBe(400);
      expect((res.json as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('newPerDay');
    }
    for (const field of ['desiredRetention', 'maxReviewsPerDay', 'rolloverHour']) {
      const res = await send('PATCH', '/settings', { actor, ...json({ [field]: '5' }) });
      expect(res.status, field).toBe(400);
      expect((res.json as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(field);
    }
    expect(await getReviewSettings(actor)).toMatchObject({ newPerDay: 20, maxReviewsPerDay: 200, rolloverHour: 4 });
  });

  it('refuses a mock exam size sent as a string', async () => {
    const actor = await makeActor('STUDENT', 'coerce-exam');
    const res = await send('POST', `/courses/${COURSE}/mock-exams`, {
      actor,
      ...json({ questions: '10', minutes: 20 }),
    });
    expect(res.status).toBe(400);
    expect((res.json as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('questions');
    expect(await db().mockExam.count({ where: { userId: actor.id } })).toBe(0);
  });

  it('refuses a mock-exam question position that is not plain digits', async () => {
    const actor = await makeActor('STUDENT', 'position');
    for (const position of ['1e0', '0x1', '%20'])
      expect(
        (
          await send('PUT', `/mock-exams/${randomUUID()}/answers/${position}`, {
            actor,
            ...json({ response: { kind: 'truefalse', value: true } }),
          })
        ).status,
        position,
      ).toBe(400);
  });
});

describe('idempotency keys', () => {
  async function shownCard() {
    const actor = await makeActor('STUDENT', 'idem');
    await addLessonToDeck(actor, { courseId: COURSE, lessonId: LESSON }, NOW);
    const card = (await nextCard(actor, NOW)).next!;
    const { item } = (await findItem(card.view.id))!;
    return { actor, card, right: responseFor(item, card.view, true), wrong: responseFor(item, card.view, false) };
  }

  it('replays the same request, and answers 422 when the key comes back with a different body', async () => {
    const { actor, card, right, wrong } = await shownCard();
    const body = { cardId: card.cardId, cardVersion: card.cardVersion, idempotencyKey: 'key-12345', durationMs: 4000 };
    const first = await send('POST', '/review/answers', { actor, ...json({ ...body, response: right }) });
    expect(first.status).toBe(200);
    const repeat = await send('POST', '/review/answers', { actor, ...json({ ...body, response: right }) });
    expect(repeat.json).toEqual(first.json);

    for (const changed of [
      { ...body, response: wrong },
      { ...body, response: right, durationMs: 9000 },
      { ...body, response: right, cardVersion: card.cardVersion + 1 },
    ]) {
      const reused = await send('POST', '/review/answers', { actor, ...json(changed) });
      expect(reused.status).toBe(422);
      expectErrorShape(reused.json, 'idempotency_mismatch');
    }
    expect(await db().reviewLog.count({ where: { userId: actor.id } })).toBe(1);
  });

  it('documents the key rules and the 422', async () => {
    const res = await send('GET', '/openapi.json');
    expect(res.status).toBe(404); // the document is served beside the API, not through it
    const { openApiDocument } = await import('@/lib/api/openapi');
    const submit = openApiDocument().paths['/review/answers']!.post!;
    const key = (submit.requestBody!.content['application/json'].schema.properties as Record<string, object>)
      .idempotencyKey;
    expect(key).toMatchObject({ pattern: '^[A-Za-z0-9_-]{8,64}$' });
    expect(JSON.stringify(key)).toMatch(/8.64/);
    expect(submit.responses).toHaveProperty('422');
  });
});

describe('passwords', () => {
  it('answers a wrong password with 401, not 400', async () => {
    const email = uniqueEmail('pw401');
    const up = await send('POST', '/users', { ...json({ email, password: PASSWORD, displayName: 'Pw' }) });
    expect(up.status).toBe(201);
    const wrong = await send('POST', '/tokens', { ...json({ email, password: 'not the password', name: 'x' }) });
    expect(wrong.status).toBe(401);
    expectErrorShape(wrong.json, 'unauthenticated');
  });
});
