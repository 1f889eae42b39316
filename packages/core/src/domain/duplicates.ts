import type { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
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
/** Below this trigram similarity a title alone does not make a record a candidate (pg_trgm's own default threshold for "%"). */
const SIMILAR_TITLE = 0.3;
/** The least title similarity of a strong match (with a shared organisation, and a state or a date). */
export const WEAKEST_STRONG_TITLE = 0.5;
/** The title similarity that makes a match strong on its own. */
export const STRONG_TITLE = 0.85;
/** Titles read per state, nearest first, and records read per organisation: far more than the 20 candidates returned. */
const NEAREST_PER_STATE = 50;
/** Organisations read per name given, most alike first. */
const ALIKE_ORGANIZATIONS = 5;

/**
 * Existing records that look like the one described. A duplicate shares a state: the check
 * reads the titles nearest to this one among the records of each African state it names (in its
 * parties and their organisations or, while none is chosen, in its title) and of the records
 * that name no state, plus
 * the records of the same or similar organisations; then it scores title similarity,
 * organisations, shared countries and event dates within 60 days.
 */
export async function findLikelyDuplicates(db: Db | Prisma.TransactionClient, rawInput: z.input<typeof ZDuplicateCheckInput>): Promise<DuplicateCandidate[]> {
  return (await findLikelyDuplicatesOfEach(db, [rawInput]))[0]!;
}

/**
 * The states a record names for the check: its parties' and their organisations' (`ofParties`,
 * as its filed states are derived) and, while there are none, its title's (`named`).
 */
export function statesNamedBy(record: { title: string; countries: string[] }, organizationCountries: (string | null)[]) {
  const ofParties = [...new Set([...record.countries, ...organizationCountries.flatMap((code) => code ?? [])])];
  return { ofParties, named: ofParties.length ? ofParties : statesNamedIn(record.title) };
}

/**
 * `findLikelyDuplicates` of many records in one statement (an import's chunk), in their order;
 * `strongOnly` leaves out, before reading them, the candidates whose title is too far to be strong.
 */
export async function findLikelyDuplicatesOfEach(
  db: Db | Prisma.TransactionClient,
  rawInputs: z.input<typeof ZDuplicateCheckInput>[],
  { strongOnly = false } = {},
): Promise<DuplicateCandidate[][]> {
  const leastTitleSimilarity = strongOnly ? WEAKEST_STRONG_TITLE : 0;
  const inputs = rawInputs.map((rawInput) => ZDuplicateCheckInput.parse(rawInput));
  const organizationIds = [...new Set(inputs.flatMap((input) => input.organizationIds))];
  const organizationById = new Map(
    organizationIds.length
      ? (await db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true, countryCode: true } })).map((o) => [o.id, o])
      : [],
  );
  const namedStates = inputs.map(
    (input) =>
      statesNamedBy(
        input,
        input.organizationIds.map((id) => organizationById.get(id)?.countryCode ?? null),
      ).named,
  );
  const probes = inputs.map((input, position) => ({
    position,
    title: input.title,
    // "" files the records that name no African state (see the StateTitle model).
    states: ["", ...namedStates[position]!.filter((code) => sideOfCountry(code) === "AFRICA")],
    names: input.organizationIds.flatMap((id) => organizationById.get(id)?.name ?? []),
    excluded: input.excludeId ?? null,
  }));
  // Index-friendly probes, united: nearest titles per state (GiST), then similar organisation names (GIN).
  const rows = await db.$queryRaw<
    {
      position: number;
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
    WITH probe AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(probes)}::jsonb) AS probe(position int, title text, states text[], names text[], excluded uuid)
    ), candidates AS (
      SELECT probe.position, nearest.id FROM probe, unnest(probe.states) AS state(code),
        LATERAL (SELECT t."agreementId" AS id, t.title <-> probe.title AS distance FROM "StateTitle" t WHERE t."countryCode" = state.code
                 ORDER BY distance LIMIT ${NEAREST_PER_STATE}) nearest
      WHERE nearest.distance <= 1 - ${leastTitleSimilarity}::float8
      UNION
      -- The most alike organisations of each name, and their newest records (ids are time-ordered).
      SELECT probe.position, recent.id FROM probe, unnest(probe.names) AS name(value),
        LATERAL (SELECT o.id FROM "Organization" o WHERE o.name % name.value ORDER BY o.name <-> name.value LIMIT ${ALIKE_ORGANIZATIONS}) alike,
        LATERAL (SELECT p."agreementId" AS id FROM "AgreementParty" p WHERE p."organizationId" = alike.id
                 ORDER BY p."agreementId" DESC LIMIT ${NEAREST_PER_STATE}) recent
    ), scored AS (
      SELECT c.position, a.*, similarity(a.title, probe.title)::float8 AS "titleSimilarity",
             (SELECT max(similarity(o.name, n))::float8 FROM "AgreementParty" p
                JOIN "Organization" o ON o.id = p."organizationId", unnest(probe.names) n
              WHERE p."agreementId" = a.id) AS "organizationSimilarity"
      FROM candidates c JOIN probe ON probe.position = c.position,
        -- A lookup per candidate: LIMIT keeps the planner from joining the whole table instead.
        LATERAL (SELECT a.id, a.slug, a.title, a.state::text, a."createdById",
                        a."africanCountryCodes" || a."partnerCountryCodes" AS countries,
                        COALESCE(a."signedOn", a."announcedOn") AS "eventOn"
                 FROM "Agreement" a WHERE a.id = c.id AND a."deletedAt" IS NULL LIMIT 1) a
      WHERE probe.excluded IS NULL OR a.id <> probe.excluded
    )
    SELECT * FROM (SELECT scored.*, row_number() OVER (PARTITION BY position ORDER BY "titleSimilarity" DESC) AS rank FROM scored) ranked
    WHERE rank <= 20 AND "titleSimilarity" >= ${leastTitleSimilarity}`;

  const rowsOf = new Map<number, typeof rows>();
  for (const row of rows) {
    const rowsOfProbe = rowsOf.get(row.position);
    if (rowsOfProbe) rowsOfProbe.push(row);
    else rowsOf.set(row.position, [row]);
  }
  return inputs.map((input, position) => {
    const probeDate = input.date ? new Date(`${input.date}T00:00:00Z`) : null;
    return (rowsOf.get(position) ?? [])
      .filter((row) => row.titleSimilarity >= SIMILAR_TITLE || (row.organizationSimilarity ?? 0) >= SIMILAR_TITLE)
      .map((row) => {
        const reasons: string[] = [];
        const named = namedStates[position]!;
        const sharedCountries = row.countries.filter((code) => named.includes(code));
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
          (named.length ? 0.15 * (sharedCountries.length / named.length) : 0) +
          (closeInTime ? 0.1 : 0);
        const strong =
          row.titleSimilarity >= STRONG_TITLE ||
          (row.titleSimilarity >= WEAKEST_STRONG_TITLE && organizationMatch && (sharedCountries.length > 0 || closeInTime));
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
      .filter((candidate) => candidate.score >= 0.25 && (candidate.strong || !strongOnly))
      .sort((a, b) => b.score - a.score);
  });
}
