/**
 * Card state is a cache of the review log. `rebuildCards` replays every answer that still counts (not undone, not
 * replaced by a re-rating) from a new card, the way the live path computed it, and compares or repairs the cards.
 * Used by `npm run review:rebuild` and by the test that proves the cache matches the log.
 */
import { db } from '@/lib/db/client';
import {
  newMemoryState,
  rescheduleForRetention,
  sameMemoryState,
  schedule,
  type MemoryState,
} from '@/lib/domain/review/fsrs';
import { memoryOfRow, RATING_FROM_DB, rowOfMemory } from './memory.internal';
import { settingsOf } from './settings.internal';

export interface ReplayedAnswer {
  rating: keyof typeof RATING_FROM_DB;
  answeredAt: Date;
  desiredRetention: number;
}

/**
 * The state a card has after `answers` (in time order, then recording order), given it was created at `createdAt` and the learner's
 * desired retention is now `currentRetention`. When the retention in force changed between two answers (or since the
 * last one), the card is rescheduled as the settings change did on the live path. All answers are replayed with the
 * learner's current FSRS weights: adopting a new parameter set rebuilds the cards this way.
 */
export function replay(
  createdAt: Date,
  answers: readonly ReplayedAnswer[],
  currentRetention: number,
  weights?: readonly number[],
): MemoryState {
  let state = newMemoryState(createdAt);
  let retention: number | null = null;
  for (const a of answers) {
    const params = { desiredRetention: a.desiredRetention, weights };
    // A settings change between two answers rescheduled the card on the live path; only then is it redone here
    // (rescheduling is not a no-op: ts-fsrs keeps Hard < Good < Easy intervals apart, which a fresh interval may not).
    if (retention !== null && retention !== a.desiredRetention) state = rescheduleForRetention(state, params);
    state = schedule(state, RATING_FROM_DB[a.rating], a.answeredAt, params);
    retention = a.desiredRetention;
  }
  return retention !== null && retention !== currentRetention
    ? rescheduleForRetention(state, { desiredRetention: currentRetention, weights })
    : state;
}

export interface RebuildReport {
  users: number;
  cards: number;
  mismatched: number;
  repaired: number;
  examples: { cardId: string; stored: MemoryState; rebuilt: MemoryState }[];
}

/** Checks (and with `repair`, rewrites) the cards of one user, or of every user when `userId` is omitted. */
export async function rebuildCards(options: { userId?: string; repair: boolean }): Promise<RebuildReport> {
  const report: RebuildReport = { users: 0, cards: 0, mismatched: 0, repaired: 0, examples: [] };
  const users = options.userId
    ? [{ id: options.userId }]
    : await db().user.findMany({ where: { cards: { some: {} } }, select: { id: true } });
  for (const user of users) {
    report.users++;
    const { desiredRetention, weights } = await settingsOf(user.id);
    const cards = await db().card.findMany({ where: { userId: user.id } });
    const logs = await db().reviewLog.findMany({
      where: { userId: user.id, revocation: null },
      // Time order, then recording order: answers synced from a device that was offline join at their own time.
      orderBy: [{ answeredAt: 'asc' }, { seq: 'asc' }],
      select: { cardId: true, rating: true, answeredAt: true, desiredRetention: true },
    });
    const byCard = new Map<string, ReplayedAnswer[]>();
    for (const l of logs) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
    for (const card of cards) {
      report.cards++;
      const rebuilt = replay(card.createdAt, byCard.get(card.id) ?? [], desiredRetention, weights ?? undefined);
      const stored = memoryOfRow(card);
      if (sameMemoryState(stored, rebuilt)) continue;
      report.mismatched++;
      if (report.examples.length < 5) report.examples.push({ cardId: card.id, stored, rebuilt });
      if (options.repair) {
        const moved = await db().card.updateMany({
          where: { id: card.id, version: card.version },
          data: { ...rowOfMemory(rebuilt), version: card.version + 1 },
        });
        report.repaired += moved.count;
      }
    }
  }
  return report;
}
