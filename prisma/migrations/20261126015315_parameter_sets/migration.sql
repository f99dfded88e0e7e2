-- CreateEnum
CREATE TYPE "ParameterScope" AS ENUM ('LEARNER', 'POOL');

-- AlterTable
ALTER TABLE "ReviewSettings" ADD COLUMN     "parameterSetId" UUID;

-- CreateTable
CREATE TABLE "ParameterSet" (
    "id" UUID NOT NULL,
    "scope" "ParameterScope" NOT NULL,
    "userId" UUID,
    "poolKey" TEXT,
    "courseId" TEXT NOT NULL,
    "weights" DOUBLE PRECISION[],
    "trainReviews" INTEGER NOT NULL,
    "heldOutReviews" INTEGER NOT NULL,
    "logLoss" DOUBLE PRECISION NOT NULL,
    "rmseBins" DOUBLE PRECISION NOT NULL,
    "baselineLogLoss" DOUBLE PRECISION NOT NULL,
    "baselineRmseBins" DOUBLE PRECISION NOT NULL,
    "adopted" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ParameterSet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ParameterSet_userId_createdAt_idx" ON "ParameterSet"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ParameterSet_poolKey_createdAt_idx" ON "ParameterSet"("poolKey", "createdAt");

-- AddForeignKey
ALTER TABLE "ReviewSettings" ADD CONSTRAINT "ReviewSettings_parameterSetId_fkey" FOREIGN KEY ("parameterSetId") REFERENCES "ParameterSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;
