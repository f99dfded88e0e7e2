/**
 * Each item's typical answering time, from the review log: the median duration of its latest (at most 500) right
 * answers in the last 90 days, for items with at least MIN_TIMED_ANSWERS of them. An hourly job recomputes the
 * whole table in one statement; the answer path reads an item's row with the card (./answer-store.internal.ts), so what
 * "slow" means follows what learners actually take rather than a guess from the item's length.
 *
 * Durations under 1 s (a lesson or exam answer records 0) or over 10 minutes (the learner left the screen) are not
 * evidence of how long the item takes and are left out.
 */
import { db } from '@/lib/db/client';
import { MIN_TIMED_ANSWERS, type ObservedTiming } from '@/lib/domain/review/rating';

export const TIMING_WINDOW_DAYS = 90;
/** At most this many of an item's latest right answers count: enough for a steady median, cheap to read. */
export const RECENT_ANSWERS = 500;
const SHORTEST_MS = 1_000;
const LONGEST_MS = 600_000;

/**
 * Recomputes every item's timing as of `now`, in one statement (so readers see the old table or the new one):
 * per item, the median of its latest RECENT_ANSWERS timed right answers within the window, through the
 * (itemId, answeredAt, correct, durationMs) index. Items that no longer have enough answers lose their row.
 */
export async function refreshItemTimings(now: Date): Promise<{ items: number }> {
  const since = new Date(now.getTime() - TIMING_WINDOW_DAYS * 86_400_000);
  const items = await db().$executeRaw`
    WITH fresh AS (
      SELECT i."id" AS "itemId", t."medianMs", t."answers"
      FROM "Item" i
      CROSS JOIN LATERAL (
        SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY r."durationMs") AS "medianMs", count(*)::int AS "answers"
        FROM (
          SELECT l."durationMs" FROM "ReviewLog" l
          WHERE l."itemId" = i."id" AND l."answeredAt" > ${since} AND l."answeredAt" <= ${now}
            AND l."correct" AND l."durationMs" BETWEEN ${SHORTEST_MS} AND ${LONGEST_MS}
          ORDER BY l."answeredAt" DESC
          LIMIT ${RECENT_ANSWERS}
        ) r
      ) t
      WHERE t."answers" >= ${MIN_TIMED_ANSWERS}
    ), gone AS (
      DELETE FROM "ItemTiming" WHERE "itemId" NOT IN (SELECT "itemId" FROM fresh)
    )
    INSERT INTO "ItemTiming" ("itemId", "medianMs", "answers", "computedAt")
    SELECT "itemId", "medianMs", "answers", ${now} FROM fresh
    ON CONFLICT ("itemId") DO UPDATE
      SET "medianMs" = EXCLUDED."medianMs", "answers" = EXCLUDED."answers", "computedAt" = EXCLUDED."computedAt"`;
  return { items };
}

/** An item's observed timing, or null when it has too few right answers yet. */
export async function itemTiming(itemId: string): Promise<ObservedTiming | null> {
  return db().itemTiming.findUnique({ where: { itemId }, select: { medianMs: true, answers: true } });
}
