-- CreateTable
CREATE TABLE "StudentExamDate" (
    "userId" UUID NOT NULL,
    "courseId" TEXT NOT NULL,
    "examDate" TIMESTAMP(3) NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudentExamDate_pkey" PRIMARY KEY ("userId","courseId")
);

-- CreateTable
CREATE TABLE "MockExam" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "courseId" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "timeLimitSec" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "forecast" DOUBLE PRECISION NOT NULL,
    "forecastLow" DOUBLE PRECISION NOT NULL,
    "forecastHigh" DOUBLE PRECISION NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "score" DOUBLE PRECISION,
    "correctCount" INTEGER,

    CONSTRAINT "MockExam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MockExamAnswer" (
    "examId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "itemId" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,
    "correct" BOOLEAN,

    CONSTRAINT "MockExamAnswer_pkey" PRIMARY KEY ("examId","position")
);

-- CreateIndex
CREATE INDEX "MockExam_userId_startedAt_idx" ON "MockExam"("userId", "startedAt");

-- AddForeignKey
ALTER TABLE "StudentExamDate" ADD CONSTRAINT "StudentExamDate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MockExam" ADD CONSTRAINT "MockExam_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MockExamAnswer" ADD CONSTRAINT "MockExamAnswer_examId_fkey" FOREIGN KEY ("examId") REFERENCES "MockExam"("id") ON DELETE CASCADE ON UPDATE CASCADE;
