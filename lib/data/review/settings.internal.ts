/** A learner's review settings by raw user id (internal: the checked entry points are in settings.ts). */
import { db } from '@/lib/db/client';

export interface ReviewSettingsView {
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  rolloverHour: number;
  /** FSRS weights in use (a personal fit or a pool's), null for the library's defaults. */
  weights: number[] | null;
  parameterSetId: string | null;
}

export const DEFAULT_SETTINGS: ReviewSettingsView = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  rolloverHour: 4,
  weights: null,
  parameterSetId: null,
};

type Client = Pick<ReturnType<typeof db>, 'reviewSettings'>;

export async function settingsOf(userId: string, client: Client = db()): Promise<ReviewSettingsView> {
  const row = await client.reviewSettings.findUnique({
    where: { userId },
    include: { parameterSet: { select: { weights: true } } },
  });
  return row
    ? {
        desiredRetention: row.desiredRetention,
        newPerDay: row.newPerDay,
        maxReviewsPerDay: row.maxReviewsPerDay,
        rolloverHour: row.rolloverHour,
        weights: row.parameterSet?.weights ?? null,
        parameterSetId: row.parameterSetId,
      }
    : DEFAULT_SETTINGS;
}
