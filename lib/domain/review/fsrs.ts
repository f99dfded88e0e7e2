/**
 * The app's adapter to ts-fsrs: no other module of app/ or lib/ schedules with it. It converts between Ingat's
 * memory state (plain data, stored on a card and copied into every review-log row; `MemoryState` below is its one
 * declaration) and the library's types, and exposes scheduling as pure functions of (state, rating, time,
 * parameters). Elsewhere ts-fsrs appears only where the library itself is the subject: lib/fsrs-optimizer checks
 * fitted weights against its `generatorParameters`, scripts/eval/scheduler.ts simulates learners with it, and a test
 * checks the readiness forecast against it.
 */
import {
  createEmptyCard,
  default_w,
  fsrs,
  forgetting_curve,
  generatorParameters,
  Rating,
  State,
  type Card as LibraryCard,
  type FSRS,
  type Grade,
} from 'ts-fsrs';

export type CardPhase = 'new' | 'learning' | 'review' | 'relearning';
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

/** Everything FSRS needs to know about one card. Dates are instants; `lastReview` is null until the first answer. */
export interface MemoryState {
  phase: CardPhase;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export interface SchedulerParameters {
  desiredRetention: number;
  /** FSRS-6 weights (21 numbers). Absent: the library's population defaults. */
  weights?: readonly number[];
}

export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([...default_w]);
export const MAXIMUM_INTERVAL_DAYS = 3650;
export const LEARNING_STEPS = ['1m', '10m'] as const;
export const RELEARNING_STEPS = ['10m'] as const;

const PHASE_TO_STATE: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_TO_PHASE: Record<State, CardPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const RATING_TO_GRADE: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const DAY_MS = 86_400_000;

// Building an FSRS instance precomputes the interval modifier; learners share a handful of parameter sets.
const schedulers = new Map<string, FSRS>();
function schedulerFor(params: SchedulerParameters): FSRS {
  const w = params.weights ?? DEFAULT_WEIGHTS;
  const key = `${params.desiredRetention}|${w.join(',')}`;
  let f = schedulers.get(key);
  if (!f) {
    f = fsrs(
      generatorParameters({
        request_retention: params.desiredRetention,
        maximum_interval: MAXIMUM_INTERVAL_DAYS,
        w: [...w],
        // Fuzz would make a rebuild from the log depend on the library's seeding; intervals stay exact instead.
        enable_fuzz: false,
        enable_short_term: true,
        learning_steps: [...LEARNING_STEPS],
        relearning_steps: [...RELEARNING_STEPS],
      }),
    );
    if (schedulers.size > 256) schedulers.clear();
    schedulers.set(key, f);
  }
  return f;
}

function toLibrary(state: MemoryState, now: Date): LibraryCard {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.lastReview ? Math.max(0, Math.floor((now.getTime() - state.lastReview.getTime()) / DAY_MS)) : 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: PHASE_TO_STATE[state.phase],
    last_review: state.lastReview ?? undefined,
  };
}

function fromLibrary(card: LibraryCard): MemoryState {
  return {
    phase: STATE_TO_PHASE[card.state],
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? new Date(card.last_review) : null,
  };
}

/** A card that has never been answered, due immediately. */
export function newMemoryState(now: Date): MemoryState {
  return fromLibrary(createEmptyCard(now));
}

/** The state after answering with `rating` at `now`. Pure: the same inputs always give the same state. */
export function schedule(
  state: MemoryState,
  rating: ReviewRating,
  now: Date,
  params: SchedulerParameters,
): MemoryState {
  return fromLibrary(schedulerFor(params).next(toLibrary(state, now), now, RATING_TO_GRADE[rating]).card);
}

/** Probability of recall at `at` (0–1), or null for a card never answered. */
export function retrievability(
  state: MemoryState,
  at: Date,
  params: Pick<SchedulerParameters, 'weights'>,
): number | null {
  if (state.phase === 'new' || !state.lastReview || state.stability <= 0) return null;
  const elapsedDays = Math.max(0, (at.getTime() - state.lastReview.getTime()) / DAY_MS);
  const w = params.weights ?? DEFAULT_WEIGHTS;
  return forgetting_curve(w, elapsedDays, state.stability);
}

/**
 * The constants of the FSRS-6 forgetting curve R(t) = (1 + factor · t / S) ^ decay, for computing retrievability
 * in SQL over many cards at once (the dashboard) exactly as `retrievability` does here.
 */
export function forgettingCurve(params: Pick<SchedulerParameters, 'weights'> = {}): { decay: number; factor: number } {
  const w = params.weights ?? DEFAULT_WEIGHTS;
  const decay = -w[20]!;
  return { decay, factor: 0.9 ** (1 / decay) - 1 };
}

/**
 * The same memory under a different desired retention: a card in long-term review gets the interval the new
 * retention asks for, counted from its last review. Cards still in (re)learning keep their short steps.
 */
export function rescheduleForRetention(state: MemoryState, params: SchedulerParameters): MemoryState {
  if (state.phase !== 'review' || !state.lastReview) return state;
  const days = schedulerFor(params).next_interval(state.stability, 0);
  if (days === state.scheduledDays) return state;
  return { ...state, scheduledDays: days, due: new Date(state.lastReview.getTime() + days * DAY_MS) };
}

/** True when two states are the same memory (used by the rebuild check; dates compared to the millisecond). */
export function sameMemoryState(a: MemoryState, b: MemoryState): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) < 1e-9;
  return (
    a.phase === b.phase &&
    a.due.getTime() === b.due.getTime() &&
    close(a.stability, b.stability) &&
    close(a.difficulty, b.difficulty) &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    (a.lastReview?.getTime() ?? null) === (b.lastReview?.getTime() ?? null)
  );
}
