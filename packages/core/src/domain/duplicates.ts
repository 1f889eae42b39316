import type { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { EditorialState } from "../generated/prisma/enums";
import { ZDuplicateCheckInput } from "../validators/agreement-editing";
import { sideOfCountry, statesNamedIn } from "./intake";

export interface DuplicateCandidate {
  id: string;
  slug: string;
  title: string;
  state: EditorialState;
  /** For access checks only: never sent to callers (see `duplicatesVisibleTo`). */
  createdById: string | null;
  /** 0..1: how alike the two records look. */
  score: number;
  /** True when the match is strong enough that creating asks for confirmation. */
  strong: boolean;
  reasons: string[];
}

const DATE_WINDOW_DAYS = 60;
/** Below this trigram similarity a title alone does not make a record a candidate (pg_trgm's own default). */
const SIMILAR_TITLE = 0.3;
/** Titles read per state, nearest first: far more than the 20 candidates returned. */
const NEAREST_PER_STATE = 50;

/**
 * Existing records that look like the one described. A duplicate shares a state: the check
 * reads the titles nearest to this one among the records of each African state it names (in its
 * parties or, while none is chosen, in its title) and of the records that name no state, plus
 * the records of the same or similar organisations; then it scores title similarity,
 * organisations, shared countries and event dates within 60 days.
 */
export async function findLikelyDuplicates(db: Db | Prisma.TransactionClient, rawInput: z.input<typeof ZDuplicateCheckInput>): Promise<DuplicateCandidate[]> {
  const input = ZDuplicateCheckInput.parse(rawInput);
  const named = input.countries.length ? input.countries : statesNamedIn(input.title);
  // "" files the records that name no African state (see the StateTitle model).
  const states = ["", ...new Set(named.filter((code) => sideOfCountry(code) === "AFRICA"))];
  const names = input.organizationIds.length
    ? (await db.organization.findMany({ where: { id: { in: input.organizationIds } }, select: { name: true } })).map((o) => o.name)
    : [];
  // Index-friendly probes, united: nearest titles per state (GiST), then similar organisation names (GIN).
  const byOrganization = names.length
    ? Prisma.sql`UNION SELECT p."agreementId" FROM "AgreementParty" p JOIN "Organization" o ON o.id = p."organizationId" WHERE o.name % ANY(${names}::text[])`
    : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      id: string;
      slug: string;
      title: string;
      state: EditorialState;
      createdById: string | null;
      countries: string[];
      eventOn: Date | null;
      titleSimilarity: number;
      organizationSimilarity: number | null;
    }[]
  >`
    WITH candidates AS (
      SELECT nearest."agreementId" AS id FROM unnest(${states}::text[]) AS probe(code),
        LATERAL (SELECT t."agreementId" FROM "StateTitle" t WHERE t."countryCode" = probe.code
                 ORDER BY t.title <-> ${input.title} LIMIT ${NEAREST_PER_STATE}) nearest
      ${byOrganization}
    )
    SELECT a.id, a.slug, a.title, a.state::text, a."createdById",
           a."africanCountryCodes" || a."partnerCountryCodes" AS countries,
           COALESCE(a."signedOn", a."announcedOn") AS "eventOn",
           similarity(a.title, ${input.title})::float8 AS "titleSimilarity",
           (SELECT max(similarity(o.name, n))::float8 FROM "AgreementParty" p
              JOIN "Organization" o ON o.id = p."organizationId", unnest(${names}::text[]) n
            WHERE p."agreementId" = a.id) AS "organizationSimilarity"
    FROM "Agreement" a JOIN (SELECT DISTINCT id FROM candidates) c ON c.id = a.id
    WHERE a."deletedAt" IS NULL AND (${input.excludeId ?? null}::uuid IS NULL OR a.id <> ${input.excludeId ?? null}::uuid)
    ORDER BY "titleSimilarity" DESC
    LIMIT 20`;

  const probeDate = input.date ? new Date(`${input.date}T00:00:00Z`) : null;
  return rows
    .filter((row) => row.titleSimilarity >= SIMILAR_TITLE || (row.organizationSimilarity ?? 0) >= SIMILAR_TITLE)
    .map((row) => {
      const reasons: string[] = [];
      const sharedCountries = row.countries.filter((code) => input.countries.includes(code));
      const organizationMatch = (row.organizationSimilarity ?? 0) >= 0.6;
      const daysApart = probeDate && row.eventOn ? Math.abs(probeDate.getTime() - row.eventOn.getTime()) / 86_400_000 : null;
      const closeInTime = daysApart !== null && daysApart <= DATE_WINDOW_DAYS;
      if (row.titleSimilarity >= SIMILAR_TITLE) reasons.push(`similar title (${Math.round(row.titleSimilarity * 100)}%)`);
      if (organizationMatch) reasons.push("same or similar organisation");
      if (sharedCountries.length) reasons.push(`same countries: ${sharedCountries.join(", ")}`);
      if (closeInTime) reasons.push(`dates ${Math.round(daysApart)} days apart`);
      const score =
        0.55 * row.titleSimilarity +
        (organizationMatch ? 0.2 : 0) +
        (input.countries.length ? 0.15 * (sharedCountries.length / input.countries.length) : 0) +
        (closeInTime ? 0.1 : 0);
      const strong = row.titleSimilarity >= 0.85 || (row.titleSimilarity >= 0.5 && organizationMatch && (sharedCountries.length > 0 || closeInTime));
      return {
        id: row.id,
        slug: row.slug,
        title: row.title,
        state: row.state,
        createdById: row.createdById,
        score: Math.round(score * 100) / 100,
        strong,
        reasons,
      };
    })
    .filter((candidate) => candidate.score >= 0.25)
    .sort((a, b) => b.score - a.score);
}
