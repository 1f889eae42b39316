-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "side" "PartySide",
ADD COLUMN     "sourceUrl" TEXT;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "text" TEXT;

-- CreateTable
CREATE TABLE "Citation" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "field" VARCHAR(100) NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlugRedirect" (
    "slug" TEXT NOT NULL,
    "agreementId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "Citation_agreementId_idx" ON "Citation"("agreementId");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "SlugRedirect_agreementId_idx" ON "SlugRedirect"("agreementId");

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlugRedirect" ADD CONSTRAINT "SlugRedirect_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Public pages show citations and answer old slugs: their changes move the public data version.
CREATE TRIGGER "Citation_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Citation" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
CREATE TRIGGER "SlugRedirect_public_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SlugRedirect" FOR EACH STATEMENT EXECUTE FUNCTION coop_bump_public_data_version();
