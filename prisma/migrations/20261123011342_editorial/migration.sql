-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "importFingerprint" TEXT;

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewComment_agreementId_createdAt_idx" ON "ReviewComment"("agreementId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_externalId_key" ON "Agreement"("externalId");

-- CreateIndex
CREATE INDEX "Agreement_state_updatedAt_idx" ON "Agreement"("state", "updatedAt" DESC);

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
