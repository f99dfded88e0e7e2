/**
 * What "mastered" means, in one place, for every page that shows it (statistics, class dashboard, concept map,
 * at-risk reasons). Pure: the time comes in as an argument.
 *
 * Retrievability just after an answer is about 1 whatever the answer was (the card was seen a minute ago), so
 * "recall now" cannot be a mastery figure: it showed 100% right after wrong answers. Mastery looks ahead instead:
 *
 *   A question is **mastered** when the memory model expects the learner to still recall it, with at least 90%
 *   probability, {@link MASTERY_HORIZON_DAYS} days from now (with no review in between).
 *
 * FSRS defines a card's stability S as the time after the last answer at which recall falls to 90%, so the rule is
 * simply `S ≥ days since the last answer + 7`, for any forgetting curve (default or the learner's own weights): a
 * card failed a minute ago has S ≈ 0.2 days and is not mastered; one answered right once (S ≈ 2.3 days) is not
 * mastered yet either; it takes a right answer after a gap (or an "easy" one) for S to reach a week.
 *
 * Why a fixed week and not the exam date: mastery is compared across days, lessons and the students of a class
 * (who may have different exam dates, or none), so it needs one yardstick. What the learner can expect on the exam
 * day is a different question, answered by readiness (lib/domain/exam/readiness.ts), which projects to that date.
 * A week is the horizon of the next review cycle for a card in steady review at the default 90% retention.
 *
 * A lesson's mastery is the share of its questions (in the learner's deck) that are mastered: unstudied questions
 * count as not mastered, so one right answer cannot make a 34-question lesson "100%". No share is given while
 * nothing in the lesson has been answered (the page says "not started" instead of a misleading 0%).
 */
import type { MemoryState } from './fsrs';

/** How far ahead mastery looks, in days. */
export const MASTERY_HORIZON_DAYS = 7;
/** The recall probability at the horizon a mastered question must reach (FSRS's own stability point). */
export const MASTERED_RECALL = 0.9;

const DAY_MS = 86_400_000;

/**
 * Whether a card counts as mastered at `now`: answered at least once and its stability covers the time since the
 * last answer plus the horizon, i.e. predicted recall a week from now is at least 90%.
 *
 * @example isMastered(justFailed, now) // false: S ≈ 0.2 days
 */
export function isMastered(memory: MemoryState, now: Date, horizonDays: number = MASTERY_HORIZON_DAYS): boolean {
  if (memory.phase === 'new' || !memory.lastReview || memory.stability <= 0) return false;
  const elapsedDays = Math.max(0, (now.getTime() - memory.lastReview.getTime()) / DAY_MS);
  return memory.stability >= elapsedDays + horizonDays;
}

export interface MasteryCount {
  /** Questions counted (in the deck, studied or not). */
  total: number;
  /** Of those, answered at least once. */
  studied: number;
  /** Of those, mastered (see the module header). */
  mastered: number;
  /** mastered / total, or null while nothing is studied (nothing to rest on). */
  share: number | null;
}

/**
 * Mastery of a group of questions (a lesson, a course): how many are studied and how many mastered.
 * `memories` are the studied cards' states (new cards may be passed too; they count as studied = false);
 * `total` is the number of questions in the group, studied or not.
 *
 * @example masteryOf([strongCard, justFailedCard], 10, now) // { total: 10, studied: 2, mastered: 1, share: 0.1 }
 */
export function masteryOf(memories: readonly MemoryState[], total: number, now: Date): MasteryCount {
  let studied = 0;
  let mastered = 0;
  for (const m of memories) {
    if (m.phase === 'new' || !m.lastReview) continue;
    studied += 1;
    if (isMastered(m, now)) mastered += 1;
  }
  return { total, studied, mastered, share: studied > 0 && total > 0 ? mastered / total : null };
}
