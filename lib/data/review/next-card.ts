/**
 * What the learner answers next. Three indexed queries (cards falling due today, a window of new cards, today's
 * answers) feed the pure queue in lib/domain/review/queue.ts. The item is shown without its key.
 */
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { findItem } from '@/lib/content/catalog';
import { retrievability } from '@/lib/domain/review/fsrs';
import { learnerDay } from '@/lib/domain/review/day';
import { buildQueue, LEARN_AHEAD_MS, type QueueCard } from '@/lib/domain/review/queue';
import { viewItem, type ItemView } from '@/lib/domain/item-view';
import { requireActor, type Actor } from '../actor';
import { MEMORY_SELECT, memoryOfRow, PHASE_FROM_DB } from './memory.internal';
import { settingsOf } from './settings.internal';
import { reviewSeed } from './answers';
import { assignedLessons, coursesWithExamAhead, examPlanFor } from '../exam/plan.internal';

export interface NextCard {
  cardId: string;
  cardVersion: number;
  phase: QueueCard['phase'];
  lessonId: string;
  lessonTitle: string;
  courseId: string;
  view: ItemView;
}

export interface ReviewQueueState {
  next: NextCard | null;
  counts: { learning: number; review: number; new: number };
  /** When nothing is left today: the earliest moment a card falls due (null when the deck is empty or all new). */
  nextDueAt: string | null;
  /** New cards in the deck not yet started (offered when today's queue is empty). */
  unstartedNew: number;
  answeredToday: number;
  dayKey: string;
}

const NEW_WINDOW = 400;

/** The columns the queue and the answer screen need of a card. */
const CARD_SELECT = {
  id: true,
  itemId: true,
  lessonId: true,
  courseId: true,
  sibling: true,
  position: true,
  version: true,
  ...MEMORY_SELECT,
} as const;

function cardsWhere(where: Prisma.CardWhereInput, page?: { take: number }) {
  return db().card.findMany({
    where,
    select: CARD_SELECT,
    ...(page ? { orderBy: { position: 'asc' as const }, take: page.take } : {}),
  });
}
type CardRow = Awaited<ReturnType<typeof cardsWhere>>[number];

/**
 * Before an exam: today's extra reviews from the exam plans of the learner's courses, and the new cards of lessons
 * assigned in their classes (introduced first). Nothing when no exam is ahead.
 */
async function examPriorities(userId: string, timeZone: string, now: Date) {
  const examCourses = await coursesWithExamAhead(userId, now);
  const pulledIds = new Set<string>();
  let assigned: string[] = [];
  let assignedFresh: CardRow[] = [];
  if (examCourses.length > 0) {
    for (const courseId of examCourses) {
      const plan = await examPlanFor(userId, timeZone, courseId, now);
      for (const id of plan?.pulledToday ?? []) pulledIds.add(id);
    }
    assigned = await assignedLessons(userId);
    if (assigned.length > 0)
      assignedFresh = await cardsWhere({ userId, phase: 'NEW', lessonId: { in: assigned } }, { take: NEW_WINDOW });
  }
  const pulled = pulledIds.size ? await cardsWhere({ userId, id: { in: [...pulledIds] } }) : [];
  return { pulledIds, pulled, assigned, assignedFresh };
}

/** The card at the head of the queue as the answer screen shows it (without its key). */
async function viewOf(row: CardRow, phase: QueueCard['phase']): Promise<NextCard | null> {
  const found = await findItem(row.itemId);
  if (!found) return null;
  return {
    cardId: row.id,
    cardVersion: row.version,
    phase,
    lessonId: row.lessonId,
    lessonTitle: found.catalog.lessonById.get(row.lessonId)?.title ?? row.lessonId,
    courseId: row.courseId,
    view: viewItem(found.item, reviewSeed(row.id, row.reps)),
  };
}

export async function nextCard(actor: Actor | null, now: Date): Promise<ReviewQueueState> {
  const a = requireActor(actor);
  const settings = await settingsOf(a.id);
  const day = learnerDay(now, a.timeZone, settings.rolloverHour);
  const horizon = new Date(Math.max(day.end.getTime(), now.getTime() + LEARN_AHEAD_MS));
  const [scheduled, fresh, today, unstartedNew] = await Promise.all([
    cardsWhere({ userId: a.id, phase: { in: ['LEARNING', 'REVIEW', 'RELEARNING'] }, due: { lt: horizon } }),
    cardsWhere({ userId: a.id, phase: 'NEW' }, { take: NEW_WINDOW }),
    db().reviewLog.findMany({
      where: { userId: a.id, answeredAt: { gte: day.start, lt: day.end }, revocation: null },
      select: { cardId: true, stateBefore: true, card: { select: { sibling: true } } },
    }),
    db().card.count({ where: { userId: a.id, phase: 'NEW' } }),
  ]);
  const { pulledIds, pulled, assigned, assignedFresh } = await examPriorities(a.id, a.timeZone, now);
  const freshAll = [...new Map([...assignedFresh, ...fresh].map((c) => [c.id, c])).values()];

  const rows = new Map([...scheduled, ...freshAll, ...pulled].map((c) => [c.id, c]));
  const toQueue = (c: CardRow): QueueCard => ({
    id: c.id,
    lessonId: c.lessonId,
    sibling: c.sibling,
    phase: PHASE_FROM_DB[c.phase],
    due: c.due,
    position: c.position,
    retrievability: retrievability(memoryOfRow(c), now, { weights: settings.weights ?? undefined }),
    priority: assigned.includes(c.lessonId) ? 0 : 1,
  });
  const queue = buildQueue({
    now,
    dayEnd: day.end,
    // A card brought forward for the exam counts as due now.
    scheduled: [
      ...scheduled.filter((c) => !pulledIds.has(c.id)).map(toQueue),
      ...pulled.map((c) => ({ ...toQueue(c), due: now })),
    ],
    fresh: freshAll.map(toQueue),
    answeredToday: today.map((l) => ({
      cardId: l.cardId,
      sibling: l.card.sibling,
      wasNew: (l.stateBefore as { phase?: string }).phase === 'new',
    })),
    settings,
  });

  const head = queue.cards[0];
  const next = head ? await viewOf(rows.get(head.id)!, head.phase) : null;
  const nextDueAt = next
    ? null
    : ((await whenNextAvailable(a.id, scheduled, now, day.end, a.timeZone, settings.rolloverHour))?.toISOString() ??
      null);

  return {
    next,
    counts: queue.counts,
    nextDueAt,
    unstartedNew: unstartedNew,
    answeredToday: today.length,
    dayKey: day.key,
  };
}

/**
 * When the learner will next have something to answer: a learning step later today, else tomorrow when cards due
 * today were held back, else the start of the learner day in which the earliest review falls due.
 */
async function whenNextAvailable(
  userId: string,
  scheduled: readonly { phase: string; due: Date }[],
  now: Date,
  dayEnd: Date,
  timeZone: string,
  rolloverHour: number,
): Promise<Date | null> {
  const learning = scheduled
    .filter((c) => c.phase !== 'REVIEW' && c.due.getTime() > now.getTime())
    .sort((x, y) => x.due.getTime() - y.due.getTime())[0];
  if (learning) return learning.due;
  if (scheduled.some((c) => c.phase === 'REVIEW')) return dayEnd;
  const soonest = await db().card.findFirst({
    where: { userId, phase: { in: ['LEARNING', 'REVIEW', 'RELEARNING'] }, due: { gte: dayEnd } },
    orderBy: { due: 'asc' },
    select: { due: true },
  });
  return soonest ? learnerDay(soonest.due, timeZone, rolloverHour).start : null;
}
