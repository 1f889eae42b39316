-- AlterTable
ALTER TABLE "Agreement" DROP COLUMN "importFingerprint",
ADD COLUMN     "editedById" TEXT,
ADD COLUMN     "importedRow" JSONB;

-- Who last changed each record's content: before this column, the last saver is the best guess.
-- (Import fingerprints are dropped: a record imported before has no baseline, so its next
-- re-import is compared with the record itself and proposes only real differences.)
UPDATE "Agreement" SET "editedById" = COALESCE("updatedById", "createdById");

-- CreateTable
CREATE TABLE "OrganizationMerge" (
    "mergedId" UUID NOT NULL,
    "mergedSlug" TEXT NOT NULL,
    "mergedName" TEXT NOT NULL,
    "targetId" UUID NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationMerge_pkey" PRIMARY KEY ("mergedId")
);

-- CreateTable
CREATE TABLE "ProposedChange" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "patch" JSONB NOT NULL,
    "importedRow" JSONB NOT NULL,
    "proposedById" TEXT,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposedChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedVersion" (
    "version" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedVersion_pkey" PRIMARY KEY ("version")
);

-- CreateIndex
CREATE INDEX "OrganizationMerge_targetId_idx" ON "OrganizationMerge"("targetId");

-- CreateIndex
CREATE INDEX "OrganizationMerge_mergedSlug_idx" ON "OrganizationMerge"("mergedSlug");

-- CreateIndex
CREATE UNIQUE INDEX "ProposedChange_agreementId_key" ON "ProposedChange"("agreementId");

-- CreateIndex
CREATE INDEX "ProposedChange_proposedAt_idx" ON "ProposedChange"("proposedAt");

-- CreateIndex
CREATE INDEX "Invitation_invitedById_idx" ON "Invitation"("invitedById");

-- AddForeignKey
ALTER TABLE "OrganizationMerge" ADD CONSTRAINT "OrganizationMerge_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedChange" ADD CONSTRAINT "ProposedChange_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
