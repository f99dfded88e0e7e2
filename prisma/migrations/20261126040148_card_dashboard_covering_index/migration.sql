-- DropIndex
DROP INDEX "Card_userId_phase_due_idx";

-- CreateIndex
CREATE INDEX "Card_userId_phase_due_courseId_lessonId_stability_lastRevie_idx" ON "Card"("userId", "phase", "due", "courseId", "lessonId", "stability", "lastReview");
