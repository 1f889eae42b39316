import { deriveAgreementIndex, type IndexableParty, syncPublicFacetCounts } from "@coop/core/domain";
import type { Db } from "@coop/core/db";

let counter = 0;

export interface AgreementFixture {
  title?: string;
  summary?: string;
  state?: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "ARCHIVED";
  status?: "ANNOUNCED" | "SIGNED" | "UNDER_NEGOTIATION" | "IN_FORCE";
  kind?: "MOU" | "AGREEMENT" | "TALKS";
  confidence?: "CONFIRMED" | "REPORTED" | "UNVERIFIED";
  /** Slugs of organisations on the African side (created when missing). */
  organizations?: string[];
  africa?: string;
  partner?: string;
  sectors?: string[];
  signedOn?: string | null;
  publishedAt?: Date;
  slug?: string;
  sources?: { url?: string | null; publisher?: string | null; title?: string | null; excerpt?: string | null }[];
  /** Commitments and status events, each citing the first source. */
  commitments?: { description: string; quantity?: number; delivered?: number | null; unit?: string }[];
  timeline?: { status: "ANNOUNCED" | "SIGNED"; occurredOn: string; note?: string }[];
}

/** Inserts an agreement directly, with the derived index columns and public counts the domain maintains. */
export async function insertAgreement(db: Db, fixture: AgreementFixture = {}) {
  counter += 1;
  const africa = fixture.africa ?? "KE";
  const partner = fixture.partner ?? "RU";
  const organizations = await Promise.all(
    (fixture.organizations ?? []).map((slug) =>
      db.organization.upsert({
        where: { slug },
        update: {},
        create: { slug, name: `Organisation ${slug}`, kind: "COMPANY", countryCode: africa },
        select: { id: true, name: true, aliases: true, countryCode: true },
      }),
    ),
  );
  const parties: (IndexableParty & { organizationId?: string })[] = [
    { side: "AFRICA", countryCode: africa },
    { side: "PARTNER", countryCode: partner },
    ...organizations.map((organization) => ({ side: "AFRICA" as const, countryCode: africa, organizationId: organization.id, organization })),
  ];
  const sectors = fixture.sectors ?? ["telecommunications"];
  const state = fixture.state ?? "PUBLISHED";
  const agreement = await db.agreement.create({
    data: {
      slug: fixture.slug ?? `fixture-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      title: fixture.title ?? `Fixture agreement ${counter}`,
      summary: fixture.summary ?? "",
      kind: fixture.kind ?? "AGREEMENT",
      status: fixture.status ?? "SIGNED",
      confidence: fixture.confidence ?? "REPORTED",
      state,
      signedOn: fixture.signedOn ? new Date(`${fixture.signedOn}T00:00:00Z`) : null,
      signedPrecision: fixture.signedOn ? "DAY" : "UNKNOWN",
      publishedAt: state === "PUBLISHED" ? (fixture.publishedAt ?? new Date()) : null,
      ...deriveAgreementIndex({ parties, sectorSlugs: sectors, translations: [] }),
      parties: {
        create: parties.map((party, position) => ({
          side: party.side,
          role: "SIGNATORY",
          countryCode: party.countryCode,
          organizationId: party.organizationId,
          position,
        })),
      },
      sectors: { create: sectors.map((sectorSlug) => ({ sectorSlug })) },
      sources: {
        create: (fixture.sources ?? [{ publisher: "Fixture Times", url: "https://example.org/report" }]).map((source, position) => ({ ...source, position })),
      },
    },
    include: { sources: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  await db.$transaction((tx) => syncPublicFacetCounts(tx, [agreement.id]));
  const sourceId = agreement.sources[0]?.id ?? null;
  await db.commitment.createMany({
    data: (fixture.commitments ?? []).map((commitment, position) => ({ ...commitment, agreementId: agreement.id, sourceId, position })),
  });
  await db.statusEvent.createMany({
    data: (fixture.timeline ?? []).map((event) => ({
      ...event,
      occurredOn: new Date(`${event.occurredOn}T00:00:00Z`),
      precision: "DAY" as const,
      agreementId: agreement.id,
      sourceId,
    })),
  });
  return agreement;
}
