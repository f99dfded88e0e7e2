/**
 * Exam-aware scheduling. Before an exam, every studied card whose next review falls after the exam and whose
 * predicted recall on the exam day would be below the target gets one review in the last days before the exam.
 * Those extra reviews are placed as late as possible (just before the exam, where they help most), never on a day
 * that would exceed the learner's daily maximum, moving earlier when the last days are full. Pure.
 */
import { retrievability, type MemoryState, type SchedulerParameters } from '../review/fsrs';

export interface PlanCard {
  id: string;
  memory: MemoryState;
}

export interface PlanDay {
  /** 0 = today. */
  day: number;
  /** Reviews falling due that day anyway. */
  natural: number;
  /** Extra reviews brought forward for the exam. */
  pulled: number;
}

export interface ExamPlan {
  days: PlanDay[];
  /** Card id → the day (0 = today) of its extra review. */
  pulled: Map<string, number>;
  /** Cards that need an extra review but found no room before the exam. */
  unplaced: number;
}

/**
 * @param dayOf maps an instant to its learner-day index (0 = today), so days follow the learner's rollover hour.
 * @param examDay the learner-day index of the exam (reviews are planned on days 0 … examDay − 1).
 */
export function examPlan(
  cards: readonly PlanCard[],
  options: {
    examAt: Date;
    examDay: number;
    target: number;
    maxPerDay: number;
    dayOf: (at: Date) => number;
    params?: Pick<SchedulerParameters, 'weights'>;
  },
): ExamPlan {
  const { examAt, examDay, target, maxPerDay, dayOf } = options;
  const days: PlanDay[] = Array.from({ length: Math.max(0, examDay) }, (_, day) => ({ day, natural: 0, pulled: 0 }));
  const needing: { id: string; r: number }[] = [];
  for (const c of cards) {
    if (c.memory.phase === 'new') continue;
    const due = Math.max(0, dayOf(c.memory.due));
    if (due < examDay) {
      days[due]!.natural++;
      continue;
    }
    const r = retrievability(c.memory, examAt, options.params ?? {});
    if (r !== null && r < target) needing.push({ id: c.id, r });
  }
  // The weakest first, so if room runs out it is the strongest that go without.
  needing.sort((a, b) => a.r - b.r);
  const pulled = new Map<string, number>();
  let unplaced = 0;
  for (const n of needing) {
    let placed = false;
    for (let d = examDay - 1; d >= 0; d--) {
      const day = days[d]!;
      if (day.natural + day.pulled < maxPerDay) {
        day.pulled++;
        pulled.set(n.id, d);
        placed = true;
        break;
      }
    }
    if (!placed) unplaced++;
  }
  return { days, pulled, unplaced };
}
