/**
 * Today's review queue for one learner. Pure: the caller passes the candidate cards, what was answered today, the
 * settings and the time.
 *
 * Rules, in order:
 * 1. Cards in (re)learning that are due now come first (a wrong answer returns after its short step).
 * 2. Cards in review that fall due before the learner's day ends, lowest current retrievability first, capped by
 *    the daily review maximum (answers already given today count against it).
 * 3. New cards, up to the daily limit minus the new cards already started today, taken from each lesson in turn
 *    and spread evenly among the reviews.
 * 4. Two cards of the same fact (sibling key) are never shown on the same day: a card is left out when a sibling
 *    was answered today or is already in the queue.
 * 5. Consecutive cards come from different lessons when another lesson's card is close behind (interleaving).
 * When nothing is due now but a learning step falls due within the learn-ahead window, that card is shown early.
 */
export interface QueueCard {
  id: string;
  lessonId: string;
  sibling: string;
  phase: 'new' | 'learning' | 'review' | 'relearning';
  due: Date;
  /** Course order of the item: lesson order, then item order. Decides which new cards come first. */
  position: number;
  /** Current probability of recall, null for new cards. */
  retrievability: number | null;
  /** New cards with a lower priority come first (0: an assigned lesson before an exam). Default 1. */
  priority?: number;
}

export interface AnsweredToday {
  cardId: string;
  sibling: string;
  /** The card was new when this answer was given (so it used up one of today's new cards). */
  wasNew: boolean;
}

export interface QueueSettings {
  newPerDay: number;
  maxReviewsPerDay: number;
}

export interface QueueInput {
  now: Date;
  dayEnd: Date;
  /** Cards that are not new and fall due before `dayEnd` (or within the learn-ahead window). */
  scheduled: readonly QueueCard[];
  /** New cards in course order; may hold more than needed, siblings are filtered here. */
  fresh: readonly QueueCard[];
  answeredToday: readonly AnsweredToday[];
  settings: QueueSettings;
  learnAheadMs?: number;
}

export interface Queue {
  cards: QueueCard[];
  /** Cards counted in today's work that are not yet answered, by kind. */
  counts: { learning: number; review: number; new: number };
}

/** Learning steps are not shown early: seeing a card again a minute after answering it proves nothing. */
export const LEARN_AHEAD_MS = 0;
const INTERLEAVE_WINDOW = 3;

export function buildQueue(input: QueueInput): Queue {
  const { now, dayEnd, settings } = input;
  const learnAhead = input.learnAheadMs ?? LEARN_AHEAD_MS;
  const answeredCards = new Set(input.answeredToday.map((a) => a.cardId));
  const blockedSiblings = new Map<string, string>();
  for (const a of input.answeredToday) if (!blockedSiblings.has(a.sibling)) blockedSiblings.set(a.sibling, a.cardId);
  const siblingFree = (c: QueueCard) => {
    const owner = blockedSiblings.get(c.sibling);
    return owner === undefined || owner === c.id;
  };
  const take = (c: QueueCard) => {
    if (!blockedSiblings.has(c.sibling)) blockedSiblings.set(c.sibling, c.id);
  };

  const isLearning = (c: QueueCard) => c.phase === 'learning' || c.phase === 'relearning';
  const learningNow = input.scheduled
    .filter((c) => isLearning(c) && c.due.getTime() <= now.getTime() && siblingFree(c))
    .sort(byDueThenPosition);
  learningNow.forEach(take);

  const reviewsDone = input.answeredToday.filter((a) => !a.wasNew).length;
  const reviewRoom = Math.max(0, settings.maxReviewsPerDay - reviewsDone - learningNow.length);
  const reviewCandidates = input.scheduled
    .filter((c) => c.phase === 'review' && c.due.getTime() < dayEnd.getTime() && siblingFree(c))
    .sort((a, b) => (a.retrievability ?? 0) - (b.retrievability ?? 0) || a.position - b.position);
  const reviews: QueueCard[] = [];
  for (const c of reviewCandidates) {
    if (reviews.length >= reviewRoom) break;
    if (!siblingFree(c)) continue;
    take(c);
    reviews.push(c);
  }

  const newStarted = new Set(input.answeredToday.filter((a) => a.wasNew).map((a) => a.cardId)).size;
  const newRoom = Math.max(0, settings.newPerDay - newStarted);
  const fresh = pickNewRoundRobin(
    input.fresh.filter((c) => !answeredCards.has(c.id)),
    newRoom,
    siblingFree,
    take,
  );

  let cards = [...learningNow, ...spread(interleave(reviews), fresh)];
  if (cards.length === 0) {
    const soon = input.scheduled
      .filter((c) => isLearning(c) && c.due.getTime() <= now.getTime() + learnAhead && siblingFree(c))
      .sort(byDueThenPosition);
    cards = soon.slice(0, 1);
  }
  const laterLearning = input.scheduled.filter(
    (c) => isLearning(c) && c.due.getTime() > now.getTime() && c.due.getTime() < dayEnd.getTime() && !cards.includes(c),
  ).length;
  return {
    cards,
    counts: {
      learning: cards.filter(isLearning).length + laterLearning,
      review: cards.filter((c) => c.phase === 'review').length,
      new: fresh.length,
    },
  };
}

function byDueThenPosition(a: QueueCard, b: QueueCard): number {
  return a.due.getTime() - b.due.getTime() || a.position - b.position;
}

function pickNewRoundRobin(
  candidates: readonly QueueCard[],
  room: number,
  siblingFree: (c: QueueCard) => boolean,
  take: (c: QueueCard) => void,
): QueueCard[] {
  const picked: QueueCard[] = [];
  // Priority tiers first (an assigned lesson before an exam), then each lesson in turn within a tier.
  const tiers = [...new Set(candidates.map((c) => c.priority ?? 1))].sort((a, b) => a - b);
  for (const tier of tiers) {
    const byLesson = new Map<string, QueueCard[]>();
    for (const c of candidates.filter((x) => (x.priority ?? 1) === tier).sort((a, b) => a.position - b.position)) {
      const list = byLesson.get(c.lessonId) ?? [];
      list.push(c);
      byLesson.set(c.lessonId, list);
    }
    const lanes = [...byLesson.values()];
    while (picked.length < room && lanes.some((l) => l.length > 0)) {
      for (const lane of lanes) {
        if (picked.length >= room) break;
        while (lane.length > 0) {
          const c = lane.shift()!;
          if (!siblingFree(c)) continue;
          take(c);
          picked.push(c);
          break;
        }
      }
    }
  }
  return picked;
}

/** Reorders so that a card is not followed by one of the same lesson when a different lesson's card is near. */
export function interleave(cards: readonly QueueCard[]): QueueCard[] {
  const rest = [...cards];
  const out: QueueCard[] = [];
  while (rest.length > 0) {
    const previous = out[out.length - 1];
    let index = 0;
    if (previous) {
      const found = rest.slice(0, INTERLEAVE_WINDOW).findIndex((c) => c.lessonId !== previous.lessonId);
      if (found > 0) index = found;
    }
    out.push(rest.splice(index, 1)[0]!);
  }
  return out;
}

/** Places the new cards evenly among the reviews, starting with a review when there is one. */
export function spread(reviews: readonly QueueCard[], fresh: readonly QueueCard[]): QueueCard[] {
  if (fresh.length === 0) return [...reviews];
  if (reviews.length === 0) return [...fresh];
  const out: QueueCard[] = [];
  const every = (reviews.length + fresh.length) / fresh.length;
  let r = 0;
  let n = 0;
  for (let i = 0; i < reviews.length + fresh.length; i++) {
    const newDue = n < fresh.length && i + 1 >= Math.round((n + 1) * every);
    if ((newDue || r >= reviews.length) && n < fresh.length) out.push(fresh[n++]!);
    else out.push(reviews[r++]!);
  }
  return out;
}
