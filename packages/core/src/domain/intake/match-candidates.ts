import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { toKnownDate, type KnownDate, type MatchCandidate } from "./matching";
import type { Proposal } from "./types";

/** Records dated further from the report's event than this are not read. */
const WINDOW_DAYS = 180;
const MAX_CANDIDATES = 50;

const candidateSelect = {
  id: true,
  slug: true,
  title: true,
  state: true,
  kind: true,
  signedOn: true,
  signedPrecision: true,
  announcedOn: true,
  announcedPrecision: true,
  parties: { select: { countryCode: true, organizationId: true, side: true, organization: { select: { countryCode: true } } } },
} satisfies Prisma.AgreementSelect;

/**
 * The stored records (any editorial state, not deleted) that could be the proposal's event:
 * sharing an African state or an organisation with it, dated within six months of it or
 * undated, among those `readable` lets the caller see. Index-backed: the GIN index on the country arrays and the party organisation index.
 */
export async function findMatchCandidates(db: Db, proposal: Proposal, readable: Prisma.AgreementWhereInput = {}): Promise<MatchCandidate[]> {
  const parties = proposal.draft.parties ?? [];
  const organizationIds = [...new Set(parties.flatMap((party) => (party.organizationId ? [party.organizationId] : [])))];
  const africanStates = [...new Set(parties.flatMap((party) => (party.side === "AFRICA" && party.countryCode ? [party.countryCode] : [])))];
  // Every record has a partner state; the partner states narrow only when the report names no African one.
  const partnerStates = africanStates.length ? [] : [...new Set(parties.flatMap((party) => (party.countryCode ? [party.countryCode] : [])))];
  const shares: Prisma.AgreementWhereInput[] = [];
  if (africanStates.length) shares.push({ africanCountryCodes: { hasSome: africanStates } });
  if (partnerStates.length) shares.push({ partnerCountryCodes: { hasSome: partnerStates } });
  if (organizationIds.length) shares.push({ parties: { some: { organizationId: { in: organizationIds } } } });
  if (shares.length === 0) return [];

  const rows = await db.agreement.findMany({
    where: { deletedAt: null, OR: shares, AND: [dateWindow(proposal), readable] },
    select: candidateSelect,
    orderBy: { updatedAt: "desc" },
    take: MAX_CANDIDATES,
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    state: row.state,
    kind: row.kind,
    signedOn: storedDate(row.signedOn, row.signedPrecision),
    announcedOn: storedDate(row.announcedOn, row.announcedPrecision),
    parties: row.parties.map((party) => ({
      countryCode: party.countryCode ?? party.organization?.countryCode ?? null,
      organizationId: party.organizationId,
      side: party.side,
    })),
  }));
}

function dateWindow(proposal: Proposal): Prisma.AgreementWhereInput {
  const date = toKnownDate(proposal.draft.signedOn ?? proposal.draft.announcedOn ?? null);
  if (!date) return {};
  const on = Date.parse(date.date);
  const window = { gte: new Date(on - WINDOW_DAYS * 86_400_000), lte: new Date(on + WINDOW_DAYS * 86_400_000) };
  return { OR: [{ signedOn: window }, { announcedOn: window }, { signedOn: null, announcedOn: null }] };
}

function storedDate(on: Date | null, precision: string): KnownDate | null {
  if (!on || precision === "UNKNOWN") return null;
  return { date: on.toISOString().slice(0, 10), precision: precision as KnownDate["precision"] };
}
