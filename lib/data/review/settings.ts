/**
 * A learner's review settings. Changing desired retention reschedules every card in long-term review, in the same
 * transaction, so the schedule on screen always matches the setting.
 */
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { rescheduleForRetention } from '@/lib/domain/review/fsrs';
import { parseOrThrow } from '@/lib/validation/parse';
import { requireActor, type Actor } from '../actor';
import { memoryOfRow } from './memory.internal';
import { settingsOf, type ReviewSettingsView } from './settings.internal';
import { msg } from '@/lib/i18n/catalogue';

export type { ReviewSettingsView };

export const reviewSettingsSchema = z
  .object({
    desiredRetention: z
      .number({ error: msg('validation.retentionRange') })
      .min(0.7, msg('validation.retentionRange'))
      .max(0.97, msg('validation.retentionRange')),
    newPerDay: z
      .number({ error: msg('validation.newPerDayRange') })
      .int(msg('validation.newPerDayRange'))
      .min(0, msg('validation.newPerDayRange'))
      .max(200, msg('validation.newPerDayRange')),
    maxReviewsPerDay: z
      .number({ error: msg('validation.maxReviewsRange') })
      .int(msg('validation.maxReviewsRange'))
      .min(10, msg('validation.maxReviewsRange'))
      .max(2000, msg('validation.maxReviewsRange')),
    rolloverHour: z
      .number({ error: msg('validation.rolloverRange') })
      .int(msg('validation.rolloverRange'))
      .min(0, msg('validation.rolloverRange'))
      .max(23, msg('validation.rolloverRange')),
  })
  .partial();

export async function getReviewSettings(actor: Actor | null): Promise<ReviewSettingsView> {
  return settingsOf(requireActor(actor).id);
}

export interface SettingsUpdate {
  settings: ReviewSettingsView;
  rescheduledCards: number;
}

export async function updateReviewSettings(actor: Actor | null, input: unknown): Promise<SettingsUpdate> {
  const a = requireActor(actor);
  const patch = parseOrThrow(reviewSettingsSchema, input);
  return db().$transaction(async (tx) => {
    // Lock the settings row (creating it if needed) so two concurrent changes reschedule one after the other.
    await tx.reviewSettings.upsert({ where: { userId: a.id }, create: { userId: a.id }, update: {} });
    await tx.$queryRaw`SELECT 1 FROM "ReviewSettings" WHERE "userId" = ${a.id}::uuid FOR UPDATE`;
    const before = await settingsOf(a.id, tx);
    const settings = { ...before, ...patch };
    const { desiredRetention, newPerDay, maxReviewsPerDay, rolloverHour, weights } = settings;
    await tx.reviewSettings.update({
      where: { userId: a.id },
      data: { desiredRetention, newPerDay, maxReviewsPerDay, rolloverHour },
    });
    let rescheduledCards = 0;
    if (settings.desiredRetention !== before.desiredRetention) {
      const cards = await tx.card.findMany({ where: { userId: a.id, phase: 'REVIEW' } });
      const changed = cards.flatMap((c) => {
        const next = rescheduleForRetention(memoryOfRow(c), {
          desiredRetention: settings.desiredRetention,
          weights: weights ?? undefined,
        });
        return next.due.getTime() === c.due.getTime() ? [] : [{ id: c.id, due: next.due, days: next.scheduledDays }];
      });
      for (let i = 0; i < changed.length; i += 1000) {
        const batch = changed.slice(i, i + 1000);
        await tx.$executeRaw`
          UPDATE "Card" AS c SET "due" = v.due, "scheduledDays" = v.days, "version" = c."version" + 1
          FROM unnest(${batch.map((b) => b.id)}::uuid[], ${batch.map((b) => b.due)}::timestamp(3)[], ${batch.map((b) => b.days)}::int[])
            AS v(id, due, days)
          WHERE c."id" = v.id AND c."userId" = ${a.id}::uuid`;
      }
      rescheduledCards = changed.length;
    }
    return { settings, rescheduledCards };
  });
}
