import { deriveAgreementIndex, syncPublicFacetCounts } from "@coop/core/domain";
import type { Db } from "@coop/core/db";

/** Small deterministic PRNG (mulberry32): the same seed gives the same dataset. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS_EN = [
  "cybersecurity training centre",
  "satellite ground station",
  "nuclear power research",
  "digital identity platform",
  "fibre-optic backbone",
  "artificial intelligence lab",
  "e-government services",
  "drone manufacturing",
  "agricultural machinery plant",
  "university exchange programme",
];
const TOPICS_FR = [
  "centre de formation en cybersécurité",
  "station terrestre de satellites",
  "recherche sur l'énergie nucléaire",
  "plateforme d'identité numérique",
  "dorsale en fibre optique",
  "laboratoire d'intelligence artificielle",
  "services d'administration électronique",
  "fabrication de drones",
  "usine de machines agricoles",
  "programme d'échanges universitaires",
];
const KINDS = ["MOU", "AGREEMENT", "TREATY", "CONTRACT", "JOINT_STATEMENT", "TALKS", "PROGRAMME"] as const;
const STATUSES = ["ANNOUNCED", "PROPOSED", "UNDER_NEGOTIATION", "SIGNED", "IN_FORCE", "IMPLEMENTING", "COMPLETED", "SUSPENDED", "CANCELLED"] as const;
const PRECISIONS = ["DAY", "MONTH", "YEAR"] as const;

/**
 * Inserts `count` published agreements with parties, sectors and a source each,
 * in English or French, spread over 2015-2026. Needs the seeded taxonomy.
 */
export async function generateAgreements(db: Db, count: number, seed = 42): Promise<void> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const african = await db.country.findMany({ where: { region: { not: "EUROPE" } }, select: { code: true, nameEn: true, nameFr: true } });
  const sectors = (await db.sector.findMany({ select: { slug: true } })).map((s) => s.slug);
  const batchSize = 1000;
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const rows = Array.from({ length: size }, (_, i) => {
      const n = start + i;
      const country = pick(african);
      const partner = next() < 0.75 ? "RU" : "BY";
      const french = next() < 0.35;
      const topic = Math.floor(next() * TOPICS_EN.length);
      const title = french
        ? `${country.nameFr} et ${partner === "RU" ? "la Russie" : "le Bélarus"} : ${TOPICS_FR[topic]} (${n})`
        : `${country.nameEn} and ${partner === "RU" ? "Russia" : "Belarus"} agree on ${TOPICS_EN[topic]} (${n})`;
      const signed = next() < 0.7 ? new Date(Date.UTC(2015 + Math.floor(next() * 12), Math.floor(next() * 12), 1 + Math.floor(next() * 28))) : null;
      const recordSectors = [...new Set([pick(sectors), pick(sectors)])];
      return {
        id: crypto.randomUUID(),
        slug: `bench-${seed}-${n}`,
        title,
        summary: `${title}. ${french ? "Accord de coopération technique signé lors d'une visite officielle." : "A technical cooperation deal reported during an official visit."}`,
        kind: pick(KINDS),
        status: pick(STATUSES),
        state: "PUBLISHED" as const,
        signedOn: signed,
        signedPrecision: signed ? pick(PRECISIONS) : ("UNKNOWN" as const),
        publishedAt: new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 6 * 365 * 86_400_000)),
        country: country.code,
        partner,
        recordSectors,
        ...deriveAgreementIndex({
          parties: [
            { side: "AFRICA", countryCode: country.code },
            { side: "PARTNER", countryCode: partner },
          ],
          sectorSlugs: recordSectors,
          translations: [],
        }),
      };
    });
    // A generous timeout: the machine is often shared with other work.
    await db.$transaction(
      async (tx) => {
        await tx.agreement.createMany({
          data: rows.map(({ country: _c, partner: _p, recordSectors: _s, ...row }) => row),
        });
        await tx.agreementParty.createMany({
          data: rows.flatMap((row) => [
            { agreementId: row.id, side: "AFRICA" as const, role: "SIGNATORY" as const, countryCode: row.country, position: 0 },
            { agreementId: row.id, side: "PARTNER" as const, role: "SIGNATORY" as const, countryCode: row.partner, position: 1 },
          ]),
        });
        await tx.agreementSector.createMany({
          data: rows.flatMap((row) => row.recordSectors.map((sectorSlug) => ({ agreementId: row.id, sectorSlug }))),
        });
        await tx.source.createMany({
          data: rows.map((row) => ({ agreementId: row.id, publisher: "Bench Wire", url: `https://news.example/${row.slug}` })),
        });
        await syncPublicFacetCounts(
          tx,
          rows.map((row) => row.id),
        );
      },
      { timeout: 120_000 },
    );
  }
}
