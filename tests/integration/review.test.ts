import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { findItem } from '@/lib/content/catalog';
import { adjustAnswer, answerInLesson, submitAnswer, undoAnswer } from '@/lib/data/review/answers';
import { addLessonToDeck } from '@/lib/data/review/deck';
import { nextCard, type NextCard } from '@/lib/data/review/next-card';
import { rebuildCards } from '@/lib/data/review/rebuild.internal';
import { updateReviewSettings } from '@/lib/data/review/settings';
import { itemTiming, refreshItemTimings } from '@/lib/data/review/item-timings.internal';
import type { Actor } from '@/lib/data/actor';
import { answerCard, caught, makeActor } from './helpers';

const COURSE = 'struktur-keamanan-regional';
const DAY = 86_400_000;
// 09:00 in Jakarta (the default time zone of new accounts), well away from the 04:00 rollover.
const START = new Date('2026-12-01T02:00:00Z');

const answer = answerCard;

async function learnerWithLesson(lessonId = 'pertahanan-kolektif', settings?: Record<string, number>) {
  const actor = await makeActor('STUDENT', 'learner');
  if (settings) await updateReviewSettings(actor, settings);
  await addLessonToDeck(actor, { courseId: COURSE, lessonId }, START);
  return actor;
}

async function next(actor: Actor, now: Date): Promise<NextCard> {
  const state = await nextCard(actor, now);
  if (!state.next) throw new Error('expected a card');
  return state.next;
}

describe('the deck', () => {
  it('adds a lesson as new cards once, however often it is added', async () => {
    const actor = await makeActor();
    const first = await addLessonToDeck(actor, { courseId: COURSE, lessonId: 'keamanan-kolektif' }, START);
    const again = await addLessonToDeck(actor, { courseId: COURSE, lessonId: 'keamanan-kolektif' }, START);
    expect(first.added).toBe(first.total);
    expect(first.total).toBeGreaterThanOrEqual(30);
    expect(again.added).toBe(0);
    expect(await db().card.count({ where: { userId: actor.id, phase: 'NEW' } })).toBe(first.total);
  });

  it('refuses an unknown lesson with not found and adds nothing', async () => {
    const actor = await makeActor();
    const e = await caught(addLessonToDeck(actor, { courseId: COURSE, lessonId: 'tidak-ada' }, START));
    expect(e.code).toBe('not_found');
    expect(await db().card.count({ where: { userId: actor.id } })).toBe(0);
  });
});

describe('answering', () => {
  it('never sends the answer key with the card', async () => {
    const actor = await learnerWithLesson();
    const card = await next(actor, START);
    const json = JSON.stringify(card);
    expect(json).not.toContain('"correct"');
    expect(json).not.toContain('"answers"');
    expect(json).not.toContain('explanation');
  });

  it('records the same key sent fifty times at once as one answer with one result', async () => {
    const actor = await learnerWithLesson();
    const card = await next(actor, START);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 50 }, () => answer(actor, card, true, START, key)));
    expect(new Set(results.map((r) => r.reviewLogId)).size).toBe(1);
    expect(new Set(results.map((r) => r.nextDue)).size).toBe(1);
    expect(results.every((r) => r.correct && r.cardVersion === card.cardVersion + 1)).toBe(true);
    expect(await db().reviewLog.count({ where: { userId: actor.id } })).toBe(1);
    const stored = await db().card.findUniqueOrThrow({ where: { id: card.cardId } });
    expect(stored.version).toBe(card.cardVersion + 1);
    expect(stored.reps).toBe(1);
  });

  it('refuses an answer for a card that changed since it was shown, and writes nothing', async () => {
    const actor = await learnerWithLesson();
    const card = await next(actor, START);
    await answer(actor, card, true, START);
    const e = await caught(answer(actor, card, false, START));
    expect(e.code).toBe('conflict');
    expect(e.messageKey).toBe('errors.cardChanged');
    expect(await db().reviewLog.count({ where: { userId: actor.id } })).toBe(1);
  });

  it('names the field of a malformed answer and writes nothing', async () => {
    const actor = await learnerWithLesson();
    const card = await next(actor, START);
    const e = await caught(
      submitAnswer(
        actor,
        { cardId: card.cardId, cardVersion: card.cardVersion, idempotencyKey: 'x', response: {}, durationMs: -5 },
        START,
      ),
    );
    expect(e.code).toBe('invalid');
    expect(Object.keys(e.fieldErrors).sort()).toEqual(['durationMs', 'idempotencyKey', 'response.kind']);
    expect(await db().reviewLog.count({ where: { userId: actor.id } })).toBe(0);
  });

  it('grades on the server: wrong is Again, right is Good, and a wrong card comes back after its short step', async () => {
    const actor = await learnerWithLesson();
    const card = await next(actor, START);
    const wrong = await answer(actor, card, false, START);
    expect(wrong.correct).toBe(false);
    expect(wrong.rating).toBe('again');
    expect(wrong.adjustments).toEqual([]);
    expect(new Date(wrong.nextDue).getTime() - START.getTime()).toBe(60_000);
    // One minute later it is due again and comes first.
    const again = await next(actor, new Date(START.getTime() + 61_000));
    expect(again.cardId).toBe(card.cardId);
    expect(again.phase).toBe('learning');
  });

  it('keeps undone answers in the log, marked, and restores the card exactly', async () => {
    const actor = await learnerWithLesson();
    const card = await next(actor, START);
    const before = await db().card.findUniqueOrThrow({ where: { id: card.cardId } });
    const result = await answer(actor, card, true, START);
    const undone = await undoAnswer(actor, {}, new Date(START.getTime() + 5000));
    expect(undone.undoneReviewLogId).toBe(result.reviewLogId);
    const after = await db().card.findUniqueOrThrow({ where: { id: card.cardId } });
    const memory = (c: typeof before) => ({ ...c, version: 0 });
    expect(memory(after)).toEqual(memory(before));
    expect(after.version).toBe(before.version + 2);
    const log = await db().reviewLog.findUniqueOrThrow({
      where: { id: result.reviewLogId },
      include: { revocation: true },
    });
    expect(log.revocation?.reason).toBe('UNDONE');
    // Undoing again finds nothing left to undo.
    expect((await caught(undoAnswer(actor, {}, START))).messageKey).toBe('errors.nothingToUndo');
    // The same card is shown again, at its restored version.
    const shown = await next(actor, START);
    expect(shown.cardId).toBe(card.cardId);
    expect(shown.cardVersion).toBe(after.version);
  });

  it('lets a right answer be re-rated as a guess, which brings the card back like a failure', async () => {
    const actor = await learnerWithLesson();
    const card = await next(actor, START);
    const right = await answer(actor, card, true, START);
    expect(right.adjustments).toEqual(['guessed', 'hard', 'easy']);
    const guessed = await adjustAnswer(actor, { reviewLogId: right.reviewLogId, adjustment: 'guessed' });
    expect(guessed.rating).toBe('again');
    expect(guessed.correct).toBe(true);
    expect(new Date(guessed.nextDue).getTime() - START.getTime()).toBe(60_000);
    expect(guessed.adjustments).toEqual([]);
    // The same request twice changes nothing more.
    const twice = await adjustAnswer(actor, { reviewLogId: right.reviewLogId, adjustment: 'guessed' });
    expect(twice.reviewLogId).toBe(guessed.reviewLogId);
    const logs = await db().reviewLog.findMany({ where: { userId: actor.id }, include: { revocation: true } });
    expect(logs).toHaveLength(2);
    expect(logs.find((l) => l.id === right.reviewLogId)?.revocation?.reason).toBe('RERATED');
  });

  it('refuses to rewrite or delete the review log, even from SQL', async () => {
    const actor = await learnerWithLesson();
    const card = await next(actor, START);
    const result = await answer(actor, card, true, START);
    await expect(
      db().$executeRaw`UPDATE "ReviewLog" SET "correct" = false WHERE "id" = ${result.reviewLogId}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM "ReviewLog" WHERE "id" = ${result.reviewLogId}::uuid`).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('slow right answers', () => {
  it("propose Hard against the item's own median once 30 right answers were timed, before that an estimate", async () => {
    // Far from every other test's answers, so that only this learner's answers fall in the item's 90-day window.
    const at = new Date('2031-06-02T02:00:00Z');
    const actor = await learnerWithLesson();
    const card = await db().card.findFirstOrThrow({
      where: { userId: actor.id, item: { kind: 'truefalse' } },
      select: { id: true, itemId: true, version: true },
    });
    const item = (await findItem(card.itemId))!.item;
    if (item.kind !== 'truefalse') throw new Error('fixture: expected a true/false item');
    let version = card.version;
    // The same learner answering the same card again and again: the median does not care whose answers they are.
    const rightAfter = async (durationMs: number) => {
      const result = await submitAnswer(
        actor,
        {
          cardId: card.id,
          cardVersion: version,
          idempotencyKey: randomUUID(),
          response: { kind: 'truefalse', value: item.answer },
          durationMs,
        },
        at,
      );
      version = result.cardVersion;
      return result;
    };
    // Learners take two minutes on this item; the estimate from its kind and length is far shorter.
    const results = [];
    for (let i = 0; i < 29; i++) results.push(await rightAfter(120_000));
    expect(results.every((r) => r.correct && r.proposeHard)).toBe(true);
    await refreshItemTimings(at);
    expect(await itemTiming(item.id)).toBeNull();
    expect((await rightAfter(150_000)).proposeHard).toBe(true);

    await refreshItemTimings(at);
    expect(await itemTiming(item.id)).toEqual({ medianMs: 120_000, answers: 30 });
    expect((await rightAfter(150_000)).proposeHard).toBe(false);
    expect((await rightAfter(240_001)).proposeHard).toBe(true);
    // Ninety days later those answers are out of the window, and the estimate is back.
    await refreshItemTimings(new Date(at.getTime() + 91 * DAY));
    expect(await itemTiming(item.id)).toBeNull();
  });
});

describe('who may answer what', () => {
  it("does not let one learner read, answer or undo another learner's card", async () => {
    const owner = await learnerWithLesson();
    const intruder = await learnerWithLesson('keamanan-bersama');
    const card = await next(owner, START);
    const guessed = await caught(answer(intruder, card, true, START));
    expect(guessed.code).toBe('not_found');
    const ownerAnswer = await answer(owner, card, true, START);
    expect((await caught(undoAnswer(intruder, { reviewLogId: ownerAnswer.reviewLogId }, START))).code).toBe(
      'not_found',
    );
    expect(
      (await caught(adjustAnswer(intruder, { reviewLogId: ownerAnswer.reviewLogId, adjustment: 'easy' }))).code,
    ).toBe('not_found');
    // The intruder's own queue never contains the owner's cards.
    const theirs = await next(intruder, START);
    expect(theirs.lessonId).toBe('keamanan-bersama');
    expect(await db().reviewLog.count({ where: { userId: intruder.id } })).toBe(0);
  });

  it('refuses everything to a visitor without a session', async () => {
    expect((await caught(nextCard(null, START))).code).toBe('unauthenticated');
    expect((await caught(undoAnswer(null, {}, START))).code).toBe('unauthenticated');
  });
});

describe('the daily queue', () => {
  it('introduces at most the daily number of new cards, never two siblings the same day, and resumes tomorrow', async () => {
    const actor = await learnerWithLesson('pertahanan-kolektif', { newPerDay: 5 });
    const seen: string[] = [];
    let now = START;
    for (;;) {
      const state = await nextCard(actor, now);
      if (!state.next) break;
      seen.push(state.next.cardId);
      await answer(actor, state.next, true, now);
      now = new Date(now.getTime() + 10_000);
      if (seen.length > 40) throw new Error('queue never ends');
    }
    const cards = await db().card.findMany({ where: { id: { in: seen } } });
    expect(new Set(seen).size).toBe(5);
    expect(new Set(cards.map((c) => c.sibling)).size).toBe(5);
    // Right answers on new cards pass through a 10-minute learning step first.
    const soon = await nextCard(actor, new Date(now.getTime() + 11 * 60_000));
    expect(soon.next).not.toBeNull();
    // The next day (after the 04:00 rollover) brings five more new cards.
    const tomorrow = await nextCard(actor, new Date(START.getTime() + DAY));
    expect(tomorrow.counts.new).toBe(5);
  });

  it('brings a card back on the day FSRS chose and not before', async () => {
    const actor = await learnerWithLesson('pertahanan-kolektif', { newPerDay: 1 });
    const card = await next(actor, START);
    const first = await answer(actor, card, true, START);
    const step = new Date(first.nextDue);
    const graduated = await answer(actor, await next(actor, step), true, step);
    const due = new Date(graduated.nextDue);
    expect(due.getTime() - step.getTime()).toBe(2 * DAY);
    // The day before it is due, it is not shown (tomorrow brings one new card instead).
    const dayBefore = await nextCard(actor, new Date(due.getTime() - DAY));
    expect(dayBefore.next?.cardId).not.toBe(card.cardId);
    // On the due day it is shown, as a review.
    const onDay = await next(actor, due);
    expect(onDay.cardId).toBe(card.cardId);
    expect(onDay.phase).toBe('review');
  });

  it('says when the next card is due once today is done', async () => {
    const actor = await learnerWithLesson('pertahanan-kolektif', { newPerDay: 1 });
    const card = await next(actor, START);
    await answer(actor, card, true, START);
    const state = await nextCard(actor, new Date(START.getTime() + 1000));
    expect(state.next).toBeNull();
    expect(state.nextDueAt).toBe(new Date(START.getTime() + 10 * 60_000).toISOString());
    expect(state.unstartedNew).toBeGreaterThan(0);
  });
});

describe('settings and the rebuild from the log', () => {
  it('reschedules review cards when desired retention changes: higher retention, earlier due', async () => {
    const actor = await learnerWithLesson('pertahanan-kolektif', { newPerDay: 1 });
    const card = await next(actor, START);
    const first = await answer(actor, card, true, START);
    const step = new Date(first.nextDue);
    await answer(actor, await next(actor, step), true, step);
    const at90 = await db().card.findUniqueOrThrow({ where: { id: card.cardId } });
    const { rescheduledCards } = await updateReviewSettings(actor, { desiredRetention: 0.97 });
    expect(rescheduledCards).toBe(1);
    const at97 = await db().card.findUniqueOrThrow({ where: { id: card.cardId } });
    expect(at97.scheduledDays).toBeLessThan(at90.scheduledDays);
    expect(at97.due.getTime()).toBeLessThan(at90.due.getTime());
    const e = await caught(updateReviewSettings(actor, { desiredRetention: 0.5 }));
    expect(e.fieldErrors.desiredRetention).toEqual(['validation.retentionRange']);
  });

  it('rebuilds every card from the log to exactly the stored state', async () => {
    const actor = await learnerWithLesson('pertahanan-kolektif', { newPerDay: 6 });
    let now = START;
    // Three weeks of mixed answers, an undo, a re-rating and a retention change along the way.
    for (let day = 0; day < 21; day++) {
      for (let i = 0; i < 12; i++) {
        const state = await nextCard(actor, now);
        if (!state.next) break;
        const result = await answer(actor, state.next, (day * 7 + i) % 4 !== 0, now);
        if (day === 2 && i === 1) await undoAnswer(actor, {}, now);
        if (day === 3 && result.adjustments.includes('easy'))
          await adjustAnswer(actor, { reviewLogId: result.reviewLogId, adjustment: 'easy' });
        now = new Date(now.getTime() + 11 * 60_000);
      }
      if (day === 10) await updateReviewSettings(actor, { desiredRetention: 0.8 });
      now = new Date(START.getTime() + (day + 1) * DAY);
    }
    expect(await db().reviewLog.count({ where: { userId: actor.id } })).toBeGreaterThan(60);
    const report = await rebuildCards({ userId: actor.id, repair: false });
    expect(report.cards).toBe(await db().card.count({ where: { userId: actor.id } }));
    expect(report.mismatched).toBe(0);
  });

  it('finds and repairs a card whose cached state drifted from its log', async () => {
    const actor = await learnerWithLesson('pertahanan-kolektif', { newPerDay: 1 });
    const card = await next(actor, START);
    await answer(actor, card, true, START);
    await db().card.update({ where: { id: card.cardId }, data: { stability: 99 } });
    const found = await rebuildCards({ userId: actor.id, repair: true });
    expect(found.mismatched).toBe(1);
    expect(found.repaired).toBe(1);
    expect((await rebuildCards({ userId: actor.id, repair: false })).mismatched).toBe(0);
  });
});

describe('answers inside a lesson', () => {
  it('add the item to the deck and count as its first review', async () => {
    const actor = await makeActor();
    const found = (await findItem('pk-002'))!;
    const result = await answerInLesson(
      actor,
      {
        itemId: 'pk-002',
        idempotencyKey: randomUUID(),
        response: { kind: 'cloze', text: 'formal' },
        durationMs: 3000,
      },
      START,
    );
    expect(found.item.kind).toBe('cloze');
    expect(result.correct).toBe(true);
    const card = await db().card.findUniqueOrThrow({
      where: { userId_itemId: { userId: actor.id, itemId: 'pk-002' } },
    });
    expect(card.reps).toBe(1);
    const log = await db().reviewLog.findFirstOrThrow({ where: { cardId: card.id } });
    expect(log.source).toBe('LESSON');
  });
});
