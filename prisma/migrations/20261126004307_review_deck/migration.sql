-- CreateEnum
CREATE TYPE "CardPhase" AS ENUM ('NEW', 'LEARNING', 'REVIEW', 'RELEARNING');

-- CreateEnum
CREATE TYPE "ReviewRating" AS ENUM ('AGAIN', 'HARD', 'GOOD', 'EASY');

-- CreateEnum
CREATE TYPE "AnswerSource" AS ENUM ('REVIEW', 'LESSON', 'EXAM');

-- CreateEnum
CREATE TYPE "RevocationReason" AS ENUM ('UNDONE', 'RERATED');

-- DropForeignKey
ALTER TABLE "LessonAnswer" DROP CONSTRAINT "LessonAnswer_userId_fkey";

-- DropForeignKey
ALTER TABLE "LessonAnswer" DROP CONSTRAINT "LessonAnswer_itemId_fkey";

-- DropTable
DROP TABLE "LessonAnswer";

-- CreateTable
CREATE TABLE "Card" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "itemId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "sibling" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "phase" "CardPhase" NOT NULL DEFAULT 'NEW',
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "difficulty" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scheduledDays" INTEGER NOT NULL DEFAULT 0,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "lastReview" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewLog" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "cardId" UUID NOT NULL,
    "itemId" TEXT NOT NULL,
    "source" "AnswerSource" NOT NULL,
    "idempotencyKey" VARCHAR(100) NOT NULL,
    "seed" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "rating" "ReviewRating" NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL,
    "cardVersionBefore" INTEGER NOT NULL,
    "cardVersionAfter" INTEGER NOT NULL,
    "stateBefore" JSONB NOT NULL,
    "stateAfter" JSONB NOT NULL,
    "revisesId" UUID,

    CONSTRAINT "ReviewLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRevocation" (
    "reviewLogId" UUID NOT NULL,
    "reason" "RevocationReason" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewRevocation_pkey" PRIMARY KEY ("reviewLogId")
);

-- CreateTable
CREATE TABLE "ReviewSettings" (
    "userId" UUID NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "rolloverHour" INTEGER NOT NULL DEFAULT 4,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Card_userId_phase_due_idx" ON "Card"("userId", "phase", "due");

-- CreateIndex
CREATE INDEX "Card_userId_phase_position_idx" ON "Card"("userId", "phase", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Card_userId_itemId_key" ON "Card"("userId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_seq_key" ON "ReviewLog"("seq");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_answeredAt_idx" ON "ReviewLog"("userId", "answeredAt");

-- CreateIndex
CREATE INDEX "ReviewLog_cardId_answeredAt_idx" ON "ReviewLog"("cardId", "answeredAt");

-- CreateIndex
CREATE INDEX "ReviewLog_itemId_idx" ON "ReviewLog"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_userId_idempotencyKey_key" ON "ReviewLog"("userId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLog" ADD CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRevocation" ADD CONSTRAINT "ReviewRevocation_reviewLogId_fkey" FOREIGN KEY ("reviewLogId") REFERENCES "ReviewLog"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSettings" ADD CONSTRAINT "ReviewSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The review log and its revocations are append-only: history is never rewritten or erased.
CREATE FUNCTION ingat_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "ReviewLog_append_only" BEFORE UPDATE OR DELETE ON "ReviewLog"
  FOR EACH ROW EXECUTE FUNCTION ingat_refuse_change();
CREATE TRIGGER "ReviewRevocation_append_only" BEFORE UPDATE OR DELETE ON "ReviewRevocation"
  FOR EACH ROW EXECUTE FUNCTION ingat_refuse_change();
CREATE TRIGGER "ReviewLog_no_truncate" BEFORE TRUNCATE ON "ReviewLog"
  FOR EACH STATEMENT EXECUTE FUNCTION ingat_refuse_change();
