-- CreateTable
CREATE TABLE "PublicFacetCount" (
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "PublicFacetCount_pkey" PRIMARY KEY ("facet","value")
);

-- CreateTable
CREATE TABLE "PublicFacetEntry" (
    "agreementId" UUID NOT NULL,
    "keys" TEXT[],

    CONSTRAINT "PublicFacetEntry_pkey" PRIMARY KEY ("agreementId")
);

-- The keys a record adds to "PublicFacetCount" as "facet:value" (a value listed twice counts
-- twice, as in the facets' table scan; an organisation once per record), none unless public.
-- syncPublicFacetCounts (packages/core/src/domain/public-facet-counts.ts) applies them.
CREATE FUNCTION coop_public_facet_keys(agreement_id uuid) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(keys.key ORDER BY keys.key), '{}') FROM "Agreement" a, LATERAL (
    SELECT 'total:' AS key
    UNION ALL SELECT 'country:' || v FROM unnest(a."africanCountryCodes") v
    UNION ALL SELECT 'partner:' || v FROM unnest(a."partnerCountryCodes") v
    UNION ALL SELECT 'sector:' || v FROM unnest(a."sectorSlugs") v
    UNION ALL SELECT 'status:' || a."status"
    UNION ALL SELECT 'kind:' || a."kind"
    UNION ALL SELECT 'confidence:' || a."confidence"
    UNION ALL SELECT 'year:' || extract(year FROM COALESCE(a."signedOn", a."announcedOn"))::int
      WHERE COALESCE(a."signedOn", a."announcedOn") IS NOT NULL
    UNION ALL SELECT DISTINCT 'organization:' || p."organizationId" FROM "AgreementParty" p
      WHERE p."agreementId" = a.id AND p."organizationId" IS NOT NULL
  ) keys
  WHERE a.id = agreement_id AND a."state" = 'PUBLISHED' AND a."deletedAt" IS NULL
$$;

-- The counts of the records already there.
INSERT INTO "PublicFacetEntry" ("agreementId", keys)
SELECT id, coop_public_facet_keys(id) FROM "Agreement" WHERE "state" = 'PUBLISHED' AND "deletedAt" IS NULL;
INSERT INTO "PublicFacetCount" (facet, value, count)
SELECT split_part(key, ':', 1), substr(key, strpos(key, ':') + 1), count(*) FROM "PublicFacetEntry", unnest(keys) key GROUP BY key;
