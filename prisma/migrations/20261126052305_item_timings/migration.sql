-- DropIndex
DROP INDEX "ReviewLog_itemId_idx";

-- CreateTable
CREATE TABLE "ItemTiming" (
    "itemId" TEXT NOT NULL,
    "medianMs" INTEGER NOT NULL,
    "answers" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemTiming_pkey" PRIMARY KEY ("itemId")
);

-- CreateIndex
CREATE INDEX "ReviewLog_itemId_answeredAt_correct_durationMs_idx" ON "ReviewLog"("itemId", "answeredAt", "correct", "durationMs");

-- AddForeignKey
ALTER TABLE "ItemTiming" ADD CONSTRAINT "ItemTiming_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
