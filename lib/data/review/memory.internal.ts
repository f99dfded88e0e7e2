/**
 * Card rows and review-log JSON as Ingat's MemoryState. The log stores states as JSON with ISO dates; this module
 * is the only place that knows both shapes.
 */
import { z } from 'zod';
import type { CardPhase as DbPhase, ReviewRating as DbRating } from '@/lib/generated/prisma/enums';
import type { CardPhase, MemoryState, ReviewRating } from '@/lib/domain/review/fsrs';

export const PHASE_FROM_DB: Record<DbPhase, CardPhase> = {
  NEW: 'new',
  LEARNING: 'learning',
  REVIEW: 'review',
  RELEARNING: 'relearning',
};
export const RATING_FROM_DB: Record<DbRating, ReviewRating> = {
  AGAIN: 'again',
  HARD: 'hard',
  GOOD: 'good',
  EASY: 'easy',
};

/** The other direction of a one-to-one map, so each pair of names is written once. */
function inverse<K extends string, V extends string>(map: Record<K, V>): Record<V, K> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, K>;
}
export const PHASE_TO_DB = inverse(PHASE_FROM_DB);
export const RATING_TO_DB = inverse(RATING_FROM_DB);

/** A card row's memory columns: MemoryState (lib/domain/review/fsrs.ts, the one declaration) with the DB's phase. */
export type CardMemoryColumns = Omit<MemoryState, 'phase'> & { phase: DbPhase };

/** The memory columns as a Prisma select; a field added to or removed from MemoryState is a type error here. */
export const MEMORY_SELECT = {
  phase: true,
  due: true,
  stability: true,
  difficulty: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  lastReview: true,
} as const satisfies Record<keyof MemoryState, true>;

const MEMORY_FIELDS = Object.keys(MEMORY_SELECT) as (keyof MemoryState)[];

/** The same columns in SQL, for the statements that bypass Prisma (the phase enum read as text). */
export const MEMORY_SQL_COLUMNS = MEMORY_FIELDS.map((f) =>
  f === 'phase' ? 'c."phase"::text AS "phase"' : `c."${f}"`,
).join(', ');

export function memoryOfRow(row: CardMemoryColumns): MemoryState {
  const state = {} as Record<keyof MemoryState, unknown>;
  for (const field of MEMORY_FIELDS) state[field] = row[field];
  return { ...(state as Omit<MemoryState, 'phase'>), phase: PHASE_FROM_DB[row.phase] };
}

export function rowOfMemory(state: MemoryState): CardMemoryColumns {
  return { ...state, phase: PHASE_TO_DB[state.phase] };
}

/** MemoryState as stored in the log's JSON: dates as ISO strings. */
type Stored<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** The memory state stored in a review-log row (stateBefore, stateAfter); also the shape of the personal-data export. */
export const storedStateSchema = z.object({
  phase: z.enum(['new', 'learning', 'review', 'relearning']),
  due: z.iso.datetime(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: z.iso.datetime().nullable(),
}) satisfies z.ZodType<Stored<MemoryState>>;
export type StoredState = Stored<MemoryState>;

export function storeState(state: MemoryState): StoredState {
  return { ...state, due: state.due.toISOString(), lastReview: state.lastReview?.toISOString() ?? null };
}

export function readStoredState(json: unknown): MemoryState {
  const s = storedStateSchema.parse(json);
  return { ...s, due: new Date(s.due), lastReview: s.lastReview ? new Date(s.lastReview) : null };
}
