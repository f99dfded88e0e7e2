/**
 * The schedulers FSRS is compared with (npm run eval:scheduler): SM-2 as published, SM-2 as Anki's classic
 * scheduler runs it, and a Leitner box system. They schedule whole days: every method takes the day (a day number)
 * and returns the day the item is due next. Each keeps its own per-item bookkeeping, indexed by item number, so one
 * instance schedules a whole deck; the knob given to the constructor scales its intervals (how the evaluation tunes
 * each one to a target retention). Pure: no clock, no randomness.
 */
import { MAXIMUM_INTERVAL_DAYS } from './fsrs';

/** The four answer buttons: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Grade = 1 | 2 | 3 | 4;

export interface DayScheduler {
  /** The item is seen for the first time on `day`, answered with `rating`: the day it is due next. */
  introduce(item: number, rating: Grade, day: number): number;
  /** A review on `day`, `elapsedDays` after the previous one: the day the item is due next. */
  review(item: number, rating: Grade, day: number, elapsedDays: number): number;
}

/**
 * SM-2 (SuperMemo 2, the basis of Anki's classic scheduler): ease 2.5; after a pass the interval is 1, then 6, then
 * the previous interval × ease (rounded); a fail (Again) starts the repetitions over from 1 day (relearning). The
 * ease moves by quality q after every answer, EF += 0.1 − (5 − q)(0.08 + 0.02(5 − q)), floor 1.3, with Anki's
 * buttons as q = rating + 1 (Again 2 … Easy 5, as the FSRS benchmark's SM-2 does). The knob `multiplier` scales
 * every interval SM-2 computes (its own bookkeeping stays unscaled): the due day is round(interval × multiplier).
 * @example new Sm2Scheduler(1).introduce(0, 3, 0) // 1: due the next day
 */
export class Sm2Scheduler implements DayScheduler {
  private repetitions: number[] = [];
  private ease: number[] = [];
  private interval: number[] = [];
  constructor(private readonly multiplier: number) {}
  private answer(item: number, rating: Grade, day: number): number {
    const q = rating + 1;
    const n = this.repetitions[item] ?? 0;
    const ease = this.ease[item] ?? 2.5;
    let interval = this.interval[item] ?? 0;
    if (q >= 3) {
      interval = n === 0 ? 1 : n === 1 ? 6 : Math.round(interval * ease);
      this.repetitions[item] = n + 1;
    } else {
      interval = 1;
      this.repetitions[item] = 0;
    }
    this.interval[item] = interval;
    this.ease[item] = Math.max(1.3, ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    return day + Math.max(1, Math.round(interval * this.multiplier));
  }
  introduce(item: number, rating: Grade, day: number): number {
    return this.answer(item, rating, day);
  }
  review(item: number, rating: Grade, day: number): number {
    return this.answer(item, rating, day);
  }
}

/**
 * SM-2 as Anki's classic scheduler runs it, with Anki's default deck options, at day resolution (learning and
 * relearning steps fall within a day and are left out): a new card graduates to 1 day (Easy: 4 days); on review,
 * Hard gives (interval + late/4) × 1.2 and ease − 0.15, Good (interval + late/2) × ease, Easy
 * (interval + late) × ease × 1.3 and ease + 0.15, each at least a day more than the button before; Again lowers the
 * ease by 0.20 and restarts at 1 day ("new interval" 0%, minimum 1 day); ease starts at 2.5, floor 1.3; intervals
 * stop at MAXIMUM_INTERVAL_DAYS. The knob is Anki's interval modifier: it multiplies every review interval and, as
 * in Anki, compounds (the next interval grows from the modified one).
 */
export class AnkiSm2Scheduler implements DayScheduler {
  private ease: number[] = [];
  private interval: number[] = [];
  constructor(private readonly modifier: number) {}
  introduce(item: number, rating: Grade, day: number): number {
    this.ease[item] = 2.5;
    this.interval[item] = rating === 4 ? 4 : 1;
    return day + this.interval[item];
  }
  review(item: number, rating: Grade, day: number, elapsedDays: number): number {
    const current = this.interval[item]!;
    const late = Math.max(0, elapsedDays - current);
    let ease = this.ease[item]!;
    let next: number;
    if (rating === 1) {
      ease -= 0.2;
      next = 1;
    } else {
      const hard = Math.max(current + 1, Math.round((current + late / 4) * 1.2 * this.modifier));
      const good = Math.max(hard + 1, Math.round((current + late / 2) * ease * this.modifier));
      if (rating === 2) {
        ease -= 0.15;
        next = hard;
      } else if (rating === 3) next = good;
      else {
        next = Math.max(good + 1, Math.round((current + late) * ease * 1.3 * this.modifier));
        ease += 0.15;
      }
    }
    this.ease[item] = Math.max(1.3, ease);
    this.interval[item] = Math.min(MAXIMUM_INTERVAL_DAYS, next);
    return day + this.interval[item];
  }
}

/** Leitner: 5 boxes reviewed every 1, 2, 4, 8, 16 days (× the knob); a pass moves up a box, a fail back to box 1. */
export class LeitnerScheduler implements DayScheduler {
  private static readonly INTERVALS = [1, 2, 4, 8, 16];
  private box: number[] = [];
  constructor(private readonly multiplier: number) {}
  private due(item: number, day: number): number {
    return day + Math.max(1, Math.round(LeitnerScheduler.INTERVALS[this.box[item]!]! * this.multiplier));
  }
  introduce(item: number, _rating: Grade, day: number): number {
    this.box[item] = 0;
    return this.due(item, day);
  }
  review(item: number, rating: Grade, day: number): number {
    this.box[item] = rating === 1 ? 0 : Math.min(LeitnerScheduler.INTERVALS.length - 1, this.box[item]! + 1);
    return this.due(item, day);
  }
}
