-- DropIndex
DROP INDEX "Agreement_africanCountryCodes_idx";

-- DropIndex
DROP INDEX "Agreement_partnerCountryCodes_idx";

-- DropIndex
DROP INDEX "Agreement_sectorSlugs_idx";

-- CreateIndex
CREATE INDEX "Agreement_africanCountryCodes_partnerCountryCodes_sectorSlu_idx" ON "Agreement" USING GIN ("africanCountryCodes", "partnerCountryCodes", "sectorSlugs");
