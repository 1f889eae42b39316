-- Extensions: trigram similarity (duplicate detection, organisation lookup) and accent folding (search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE; generated columns need an IMMUTABLE function with a fixed dictionary.
CREATE FUNCTION coop_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('NORTHERN_AFRICA', 'WESTERN_AFRICA', 'CENTRAL_AFRICA', 'EASTERN_AFRICA', 'SOUTHERN_AFRICA', 'EUROPE');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('GOVERNMENT_BODY', 'STATE_COMPANY', 'COMPANY', 'CONSORTIUM', 'UNIVERSITY', 'NGO', 'OTHER');

-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('MOU', 'AGREEMENT', 'TREATY', 'CONTRACT', 'JOINT_STATEMENT', 'TALKS', 'PROGRAMME');

-- CreateEnum
CREATE TYPE "LifecycleStatus" AS ENUM ('ANNOUNCED', 'PROPOSED', 'UNDER_NEGOTIATION', 'SIGNED', 'IN_FORCE', 'IMPLEMENTING', 'COMPLETED', 'SUSPENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EditorialState" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('CONFIRMED', 'REPORTED', 'UNVERIFIED');

-- CreateEnum
CREATE TYPE "PartySide" AS ENUM ('AFRICA', 'PARTNER');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('SIGNATORY', 'FUNDER', 'IMPLEMENTER', 'BENEFICIARY', 'PARTICIPANT');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('EN', 'FR', 'PT', 'RU');

-- CreateTable
CREATE TABLE "Country" (
    "code" VARCHAR(2) NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "namePt" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "region" "Region" NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Sector" (
    "slug" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "namePt" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" "OrganizationKind" NOT NULL,
    "countryCode" VARCHAR(2),
    "website" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsortiumMembership" (
    "consortiumId" UUID NOT NULL,
    "memberId" UUID NOT NULL,

    CONSTRAINT "ConsortiumMembership_pkey" PRIMARY KEY ("consortiumId","memberId")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "kind" "AgreementKind" NOT NULL,
    "status" "LifecycleStatus" NOT NULL,
    "state" "EditorialState" NOT NULL DEFAULT 'DRAFT',
    "announcedOn" DATE,
    "announcedPrecision" "DatePrecision" NOT NULL DEFAULT 'UNKNOWN',
    "signedOn" DATE,
    "signedPrecision" "DatePrecision" NOT NULL DEFAULT 'UNKNOWN',
    "venue" TEXT,
    "event" TEXT,
    "amount" DECIMAL(20,2),
    "currency" VARCHAR(3),
    "confidence" "Confidence" NOT NULL DEFAULT 'REPORTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    "africanCountryCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "partnerCountryCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sectorSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "searchExtra" TEXT NOT NULL DEFAULT '',
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coop_unaccent("title")), 'A') ||
        setweight(to_tsvector('simple', coop_unaccent("summary")), 'B') ||
        setweight(to_tsvector('simple', coop_unaccent("searchExtra")), 'C')
    ) STORED,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementParty" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "organizationId" UUID,
    "countryCode" VARCHAR(2),
    "side" "PartySide" NOT NULL,
    "role" "PartyRole" NOT NULL,
    "representativeName" TEXT,
    "representativeTitle" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AgreementParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementSector" (
    "agreementId" UUID NOT NULL,
    "sectorSlug" TEXT NOT NULL,

    CONSTRAINT "AgreementSector_pkey" PRIMARY KEY ("agreementId","sectorSlug")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "url" TEXT,
    "publisher" TEXT,
    "author" TEXT,
    "title" TEXT,
    "publishedOn" DATE,
    "publishedPrecision" "DatePrecision" NOT NULL DEFAULT 'UNKNOWN',
    "language" VARCHAR(8),
    "retrievedAt" TIMESTAMP(3),
    "excerpt" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(20,2),
    "unit" TEXT,
    "deadline" DATE,
    "deadlinePrecision" "DatePrecision" NOT NULL DEFAULT 'UNKNOWN',
    "delivered" DECIMAL(20,2),
    "deliveredNote" TEXT,
    "sourceId" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusEvent" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "status" "LifecycleStatus" NOT NULL,
    "occurredOn" DATE,
    "precision" "DatePrecision" NOT NULL DEFAULT 'UNKNOWN',
    "note" TEXT,
    "sourceId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Translation" (
    "agreementId" UUID NOT NULL,
    "locale" "Locale" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Translation_pkey" PRIMARY KEY ("agreementId","locale")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "summary" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "ip" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Organization_countryCode_idx" ON "Organization"("countryCode");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ConsortiumMembership_memberId_idx" ON "ConsortiumMembership"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_slug_key" ON "Agreement"("slug");

-- CreateIndex
CREATE INDEX "Agreement_state_publishedAt_id_idx" ON "Agreement"("state", "publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Agreement_state_signedOn_id_idx" ON "Agreement"("state", "signedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Agreement_updatedAt_id_idx" ON "Agreement"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Agreement_africanCountryCodes_idx" ON "Agreement" USING GIN ("africanCountryCodes");

-- CreateIndex
CREATE INDEX "Agreement_partnerCountryCodes_idx" ON "Agreement" USING GIN ("partnerCountryCodes");

-- CreateIndex
CREATE INDEX "Agreement_sectorSlugs_idx" ON "Agreement" USING GIN ("sectorSlugs");

-- CreateIndex
CREATE INDEX "Agreement_search_idx" ON "Agreement" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Agreement_title_idx" ON "Agreement" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "AgreementParty_agreementId_idx" ON "AgreementParty"("agreementId");

-- CreateIndex
CREATE INDEX "AgreementParty_organizationId_idx" ON "AgreementParty"("organizationId");

-- CreateIndex
CREATE INDEX "AgreementParty_countryCode_idx" ON "AgreementParty"("countryCode");

-- CreateIndex
CREATE INDEX "AgreementSector_sectorSlug_idx" ON "AgreementSector"("sectorSlug");

-- CreateIndex
CREATE INDEX "Source_agreementId_idx" ON "Source"("agreementId");

-- CreateIndex
CREATE INDEX "Source_url_idx" ON "Source"("url");

-- CreateIndex
CREATE INDEX "Commitment_agreementId_idx" ON "Commitment"("agreementId");

-- CreateIndex
CREATE INDEX "Commitment_sourceId_idx" ON "Commitment"("sourceId");

-- CreateIndex
CREATE INDEX "StatusEvent_agreementId_occurredOn_idx" ON "StatusEvent"("agreementId", "occurredOn");

-- CreateIndex
CREATE INDEX "StatusEvent_sourceId_idx" ON "StatusEvent"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_agreementId_version_key" ON "Revision"("agreementId", "version");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at" DESC);

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsortiumMembership" ADD CONSTRAINT "ConsortiumMembership_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsortiumMembership" ADD CONSTRAINT "ConsortiumMembership_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSector" ADD CONSTRAINT "AgreementSector_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementSector" ADD CONSTRAINT "AgreementSector_sectorSlug_fkey" FOREIGN KEY ("sectorSlug") REFERENCES "Sector"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A party names an organisation, a country, or both.
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_organization_or_country"
    CHECK ("organizationId" IS NOT NULL OR "countryCode" IS NOT NULL);

-- The audit log is append-only.
CREATE FUNCTION coop_refuse_audit_log_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'AuditLog is append-only'; END $$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION coop_refuse_audit_log_change();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
    FOR EACH STATEMENT EXECUTE FUNCTION coop_refuse_audit_log_change();
