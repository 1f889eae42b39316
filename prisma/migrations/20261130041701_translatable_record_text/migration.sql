-- AlterTable
ALTER TABLE "Translation" ADD COLUMN     "commitments" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "event" TEXT,
ADD COLUMN     "statusNotes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "venue" TEXT;
