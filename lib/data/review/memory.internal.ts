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
export const PHASE_TO_DB: Record<CardPhase, DbPhase> = {
  new: 'NEW',
  learning: 'LEARNING',
  review: 'REVIEW',
  relearning: 'RELEARNING',
};
export const RATING_TO_DB: Record<ReviewRating, DbRating> = {
  again: 'AGAIN',
  hard: 'HARD',
  good: 'GOOD',
  easy: 'EASY',
};
export const RATING_FROM_DB: Record<DbRating, ReviewRating> = {
  AGAIN: 'again',
  HARD: 'hard',
  GOOD: 'good',
  EASY: 'easy',
};

export interface CardMemoryColumns {
  phase: DbPhase;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export function memoryOfRow(row: CardMemoryColumns): MemoryState {
  return {
    phase: PHASE_FROM_DB[row.phase],
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview,
  };
}

export function rowOfMemory(state: MemoryState): CardMemoryColumns {
  return { ...state, phase: PHASE_TO_DB[state.phase] };
}

const storedStateSchema = z.object({
  phase: z.enum(['new', 'learning', 'review', 'relearning']),
  due: z.iso.datetime(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: z.iso.datetime().nullable(),
});
export type StoredState = z.infer<typeof storedStateSchema>;

export function storeState(state: MemoryState): StoredState {
  return { ...state, due: state.due.toISOString(), lastReview: state.lastReview?.toISOString() ?? null };
}

export function readStoredState(json: unknown): MemoryState {
  const s = storedStateSchema.parse(json);
  return { ...s, due: new Date(s.due), lastReview: s.lastReview ? new Date(s.lastReview) : null };
}
