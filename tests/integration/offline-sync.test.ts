/**
 * Answers given offline and synced later (lib/data/review/offline-sync.ts): each lands exactly once, at its own time;
 * a card answered on two devices ends as the replay of its log whichever device syncs first; the bounds refuse what
 * cannot be trusted, answer by answer, and write nothing for it.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findItem } from '@/lib/content/catalog';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/data/actor';
import { reviewSeed, undoAnswer } from '@/lib/data/review/answers';
import { addLessonToDeck } from '@/lib/data/review/deck';
import { memoryOfRow } from '@/lib/data/review/memory.internal';
import { syncOfflineAnswers } from '@/lib/data/review/offline-sync';
import { rebuildCards } from '@/lib/data/review/rebuild.internal';
import { updateReviewSettings } from '@/lib/data/review/settings';
import { viewItem } from '@/lib/domain/item-view';
import { responseFor } from '../support/answers';
import { apiClient } from '../support/api-client';
import { caught, makeActor, uniqueIp } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const LESSON = 'pertahanan-kolektif';
const START = new Date('2026-12-01T02:00:00Z');
const MIN = 60_000;

async function learner(): Promise<Actor> {
  const actor = await makeActor('STUDENT', 'offline');
  await updateReviewSettings(actor, { newPerDay: 100 });
  await addLessonToDeck(actor, { courseId: COURSE, lessonId: LESSON }, START);
  return actor;
}

/** The learner's cards in course order (the same items in the same order for every learner). */
async function cardsOf(actor: Actor) {
  const cards = await db().card.findMany({ where: { userId: actor.id } });
  return cards.sort((a, b) => a.itemId.localeCompare(b.itemId));
}

/** An answer as a device that was offline stores it: the card as shown (version, seed), the time, a fresh key. */
async function offline(
  card: { id: string; itemId: string; version: number; reps: number },
  correct: boolean,
  at: Date,
  shown = { version: card.version, reps: card.reps },
) {
  const { item } = (await findItem(card.itemId))!;
  const view = viewItem(item, reviewSeed(card.id, shown.reps));
  return {
    cardId: card.id,
    cardVersion: shown.version,
    idempotencyKey: randomUUID(),
    response: responseFor(item, view, correct),
    durationMs: 5000,
    answeredAt: at.toISOString(),
  };
}

async function logCount(actor: Actor) {
  return db().reviewLog.count({ where: { userId: actor.id } });
}

async function cardsMatchTheirLog(actor: Actor) {
  return (await rebuildCards({ userId: actor.id, repair: false })).mismatched;
}

describe('offline answers synced later', () => {
  it('twenty answers land exactly once at their own times, however often the sync is sent', async () => {
    const actor = await learner();
    const cards = (await cardsOf(actor)).slice(0, 19);
    const answers = await Promise.all(
      cards.map((c, i) => offline(c, i % 3 !== 0, new Date(START.getTime() + i * MIN))),
    );
    // The first card again ten minutes later, as the device showed it after its own first answer (version + 1).
    const first = cards[0]!;
    answers.push(
      await offline(first, true, new Date(START.getTime() + 30 * MIN), { version: first.version + 1, reps: 1 }),
    );
    const now = new Date(START.getTime() + 2 * 3_600_000);

    const { results } = await syncOfflineAnswers(actor, { answers }, now);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill('accepted'));
    expect(results.map((r) => r.idempotencyKey)).toEqual(answers.map((a) => a.idempotencyKey));
    expect(await logCount(actor)).toBe(20);
    const logged = await db().reviewLog.findMany({ where: { userId: actor.id }, orderBy: { answeredAt: 'asc' } });
    expect(logged.map((l) => l.answeredAt.toISOString())).toEqual(answers.map((a) => a.answeredAt).sort());
    expect(results.filter((r) => r.correct).length).toBe(answers.filter((_, i) => i === 19 || i % 3 !== 0).length);

    // The phone did not hear the answer and sends everything again: nothing new.
    const again = await syncOfflineAnswers(actor, { answers }, now);
    expect(again.results.map((r) => r.status)).toEqual(Array(20).fill('duplicate'));
    expect(again.results.map((r) => r.reviewLogId)).toEqual(results.map((r) => r.reviewLogId));
    expect(await logCount(actor)).toBe(20);
    expect(await cardsMatchTheirLog(actor)).toBe(0);
    const reps = await db().card.findUniqueOrThrow({ where: { id: first.id } });
    expect(reps.reps).toBe(2);
  });

  it('the same batch sent twice at once (a retry racing the first try) still lands once', async () => {
    const actor = await learner();
    const cards = (await cardsOf(actor)).slice(0, 10);
    const answers = await Promise.all(cards.map((c, i) => offline(c, true, new Date(START.getTime() + i * MIN))));
    const now = new Date(START.getTime() + 3_600_000);
    const [x, y] = await Promise.all([
      syncOfflineAnswers(actor, { answers }, now),
      syncOfflineAnswers(actor, { answers }, now),
    ]);
    for (let i = 0; i < answers.length; i++) {
      const pair = [x.results[i]!, y.results[i]!];
      expect(pair.filter((r) => r.status === 'duplicate').length).toBeGreaterThanOrEqual(1);
      expect(pair.every((r) => r.status !== 'rejected')).toBe(true);
      expect(pair[0]!.reviewLogId).toBe(pair[1]!.reviewLogId);
    }
    expect(await logCount(actor)).toBe(10);
    expect(await cardsMatchTheirLog(actor)).toBe(0);
  });

  it('two devices answering the same cards end in the same cards whichever syncs first', async () => {
    const [one, two] = [await learner(), await learner()];
    const states = [];
    for (const [actor, phoneFirst] of [
      [one, true],
      [two, false],
    ] as const) {
      const cards = (await cardsOf(actor)).slice(0, 6);
      // The phone answered in the morning (right), the laptop in the afternoon (wrong), both from the same version.
      const phone = await Promise.all(cards.map((c, i) => offline(c, true, new Date(START.getTime() + i * MIN))));
      const laptop = await Promise.all(
        cards.map((c, i) => offline(c, false, new Date(START.getTime() + 6 * 3_600_000 + i * MIN))),
      );
      const now = new Date(START.getTime() + 8 * 3_600_000);
      const [firstSync, secondSync] = phoneFirst ? [phone, laptop] : [laptop, phone];
      const a = await syncOfflineAnswers(actor, { answers: firstSync }, now);
      const b = await syncOfflineAnswers(actor, { answers: secondSync }, now);
      expect(a.results.map((r) => r.status)).toEqual(Array(6).fill('accepted'));
      expect(b.results.map((r) => r.status)).toEqual(Array(6).fill('merged'));
      expect(await logCount(actor)).toBe(12);
      expect(await cardsMatchTheirLog(actor)).toBe(0);
      // The phone's answers were right and the laptop's wrong, whatever the order of arrival.
      const log = await db().reviewLog.findMany({ where: { userId: actor.id }, orderBy: { answeredAt: 'asc' } });
      expect(log.map((l) => l.correct)).toEqual([...Array(6).fill(true), ...Array(6).fill(false)]);
      states.push((await cardsOf(actor)).slice(0, 6).map((c) => ({ itemId: c.itemId, ...memoryOfRow(c) })));
    }
    expect(states[1]).toEqual(states[0]);
    // Last in time was the wrong answer: each card is back at the first learning step (1 minute after it), not where
    // the morning's right answer had left it (the second step, 10 minutes).
    expect(states[0]!.map((s) => [s.phase, s.due.getTime() - START.getTime()])).toEqual(
      Array.from({ length: 6 }, (_, i) => ['learning', 6 * 3_600_000 + i * MIN + MIN]),
    );
  });

  it('refuses, answer by answer, what cannot be trusted, and records the rest', async () => {
    const actor = await learner();
    const stranger = await learner();
    const [a, b, c, d] = await cardsOf(actor);
    const theirs = (await cardsOf(stranger))[0]!;
    const now = new Date(START.getTime() + 3_600_000);
    const good = await offline(a!, true, START);
    const reused = { ...(await offline(b!, true, START)), idempotencyKey: good.idempotencyKey };
    const answers = [
      good,
      await offline(c!, true, new Date(now.getTime() + 10 * MIN)),
      await offline(d!, true, new Date(now.getTime() - 31 * 86_400_000)),
      await offline(theirs, true, START),
      reused,
    ];
    const { results } = await syncOfflineAnswers(actor, { answers }, now);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['accepted', undefined],
      ['rejected', 'answered_in_future'],
      ['rejected', 'too_old'],
      ['rejected', 'card_not_found'],
      ['rejected', 'idempotency_mismatch'],
    ]);
    expect(await logCount(actor)).toBe(1);
    expect(await logCount(stranger)).toBe(0);

    const tooMany = await caught(syncOfflineAnswers(actor, { answers: Array.from({ length: 501 }, () => good) }, now));
    expect(tooMany.code).toBe('invalid');
    const noZone = await caught(
      syncOfflineAnswers(actor, { answers: [{ ...good, answeredAt: '2026-12-01T09:00:00' }] }, now),
    );
    expect(noZone.fieldErrors).toHaveProperty(['answers.0.answeredAt']);
  });

  it('an answer merged before a later one cannot be undone or re-rated on its own', async () => {
    const actor = await learner();
    const [card] = await cardsOf(actor);
    const now = new Date(START.getTime() + 3 * 3_600_000);
    const later = await offline(card!, true, new Date(START.getTime() + 2 * 3_600_000));
    const earlier = await offline(card!, true, START);
    await syncOfflineAnswers(actor, { answers: [later] }, now);
    const merged = await syncOfflineAnswers(actor, { answers: [earlier] }, now);
    expect(merged.results[0]!.status).toBe('merged');
    const e = await caught(undoAnswer(actor, { reviewLogId: merged.results[0]!.reviewLogId }, now));
    expect(e.code).toBe('conflict');
    expect(await cardsMatchTheirLog(actor)).toBe(0);
  });

  it('is an API operation with per-answer results, for a phone or any client that queued answers', async () => {
    const actor = await learner();
    const [card] = await cardsOf(actor);
    const now = new Date(START.getTime() + 3_600_000);
    const api = apiClient({ actor, now: () => now, ip: uniqueIp() });
    const answer = await offline(card!, true, START);
    const { data, response } = await api.POST('/review/sync', { body: { answers: [answer] } });
    expect(response.status).toBe(200);
    expect(data!.results[0]).toMatchObject({ status: 'accepted', correct: true, rating: 'good', cardId: card!.id });
    expect(response.headers.get('ratelimit-limit')).toBe('10');
    // A full batch (500 answers over the learner's cards, the rest sent again) fits the operation's larger body limit.
    const cards = await cardsOf(actor);
    const full = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        i < cards.length - 1
          ? offline(cards[i + 1]!, false, new Date(START.getTime() + (i + 1) * 1000))
          : Promise.resolve(answer),
      ),
    );
    expect(JSON.stringify({ answers: full }).length).toBeGreaterThan(64 * 1024);
    const big = await api.POST('/review/sync', { body: { answers: full } });
    expect(big.response.status).toBe(200);
    expect(big.data!.results.filter((r) => r.status === 'accepted')).toHaveLength(cards.length - 1);
    const stranger = apiClient({ actor: null, now: () => now, ip: uniqueIp() });
    expect((await stranger.POST('/review/sync', { body: { answers: [answer] } })).response.status).toBe(401);
  });
});
