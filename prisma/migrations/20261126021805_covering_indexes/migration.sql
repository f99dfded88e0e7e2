-- DropIndex
DROP INDEX "ReviewLog_userId_answeredAt_idx";

-- DropIndex
DROP INDEX "ReviewLog_userId_firstAttempt_idx";

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "choice" TEXT,
ADD COLUMN     "recallEligible" BOOLEAN NOT NULL DEFAULT false;

-- Backfill the two derived columns of existing answers. The append-only trigger is lifted for this statement only:
-- it fills columns computed from the row's own data and changes no recorded fact.
ALTER TABLE "ReviewLog" DISABLE TRIGGER "ReviewLog_append_only";
UPDATE "ReviewLog" l SET
  "choice" = CASE
    WHEN l."response" ? 'optionId' THEN l."response"->>'optionId'
    WHEN l."response" ? 'optionIds' THEN array_to_string(ARRAY(SELECT jsonb_array_elements_text(l."response"->'optionIds')), ',')
  END,
  "recallEligible" = l."stateBefore"->>'phase' = 'review' AND l."stateBefore"->>'lastReview' IS NOT NULL
    AND ((l."answeredAt" - make_interval(hours => coalesce((SELECT s."rolloverHour" FROM "ReviewSettings" s WHERE s."userId" = l."userId"), 4))) AT TIME ZONE 'UTC' AT TIME ZONE l."timeZone")::date
      > (((l."stateBefore"->>'lastReview')::timestamptz - make_interval(hours => coalesce((SELECT s."rolloverHour" FROM "ReviewSettings" s WHERE s."userId" = l."userId"), 4))) AT TIME ZONE l."timeZone")::date;
ALTER TABLE "ReviewLog" ENABLE TRIGGER "ReviewLog_append_only";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_answeredAt_rating_recallEligible_id_idx" ON "ReviewLog"("userId", "answeredAt", "rating", "recallEligible", "id");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_firstAttempt_itemId_correct_choice_id_idx" ON "ReviewLog"("userId", "firstAttempt", "itemId", "correct", "choice", "id");
