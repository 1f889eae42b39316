import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { Locale } from "../generated/prisma/enums";
import type { Lang } from "../validators/common";
import { toPublicDate } from "./dates";

/** Fields of a published agreement that the public API may show; nothing editorial. */
export const publicAgreementSummarySelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  kind: true,
  status: true,
  confidence: true,
  announcedOn: true,
  announcedPrecision: true,
  signedOn: true,
  signedPrecision: true,
  venue: true,
  event: true,
  amount: true,
  currency: true,
  africanCountryCodes: true,
  partnerCountryCodes: true,
  sectorSlugs: true,
  publishedAt: true,
  updatedAt: true,
  parties: {
    orderBy: { position: "asc" },
    select: {
      side: true,
      role: true,
      countryCode: true,
      representativeName: true,
      representativeTitle: true,
      organization: { select: { slug: true, name: true, kind: true, countryCode: true } },
    },
  },
  sources: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      url: true,
      publisher: true,
      author: true,
      title: true,
      publishedOn: true,
      publishedPrecision: true,
      language: true,
    },
  },
  translations: { orderBy: { locale: "asc" }, select: { locale: true, title: true, summary: true } },
} satisfies Prisma.AgreementSelect;

export const publicAgreementDetailSelect = {
  ...publicAgreementSummarySelect,
  sources: {
    ...publicAgreementSummarySelect.sources,
    select: { ...publicAgreementSummarySelect.sources.select, excerpt: true, retrievedAt: true },
  },
  commitments: {
    orderBy: { position: "asc" },
    select: {
      description: true,
      quantity: true,
      unit: true,
      deadline: true,
      deadlinePrecision: true,
      delivered: true,
      deliveredNote: true,
      sourceId: true,
    },
  },
  statusEvents: {
    orderBy: [{ occurredOn: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: { status: true, occurredOn: true, precision: true, note: true, sourceId: true },
  },
  citations: { orderBy: { position: "asc" }, select: { field: true, sourceId: true, quote: true } },
} satisfies Prisma.AgreementSelect;

type SummaryRow = Prisma.AgreementGetPayload<{ select: typeof publicAgreementSummarySelect }>;

/**
 * The columns of `publicAgreementSummarySelect` as one SQL select list over `"Agreement" a`,
 * parts aggregated as JSON: a page of summaries costs one round trip instead of Prisma's
 * query plus relation loading.
 */
const PUBLIC_SUMMARY_COLUMNS = Prisma.sql`
  a.id, a.slug, a.title, a.summary, a.kind, a.status, a.confidence,
  a."announcedOn", a."announcedPrecision", a."signedOn", a."signedPrecision", a.venue, a.event, a.amount, a.currency,
  a."africanCountryCodes", a."partnerCountryCodes", a."sectorSlugs", a."publishedAt", a."updatedAt",
  (SELECT coalesce(json_agg(json_build_object(
     'side', p.side, 'role', p.role, 'countryCode', p."countryCode",
     'representativeName', p."representativeName", 'representativeTitle', p."representativeTitle",
     'organization', CASE WHEN o.id IS NULL THEN NULL
       ELSE json_build_object('slug', o.slug, 'name', o.name, 'kind', o.kind, 'countryCode', o."countryCode") END
   ) ORDER BY p.position), '[]')
   FROM "AgreementParty" p LEFT JOIN "Organization" o ON o.id = p."organizationId"
   WHERE p."agreementId" = a.id) AS parties,
  (SELECT coalesce(json_agg(json_build_object(
     'id', s.id, 'url', s.url, 'publisher', s.publisher, 'author', s.author, 'title', s.title,
     'publishedOn', s."publishedOn", 'publishedPrecision', s."publishedPrecision", 'language', s.language
   ) ORDER BY s.position), '[]')
   FROM "Source" s WHERE s."agreementId" = a.id) AS sources,
  (SELECT coalesce(json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary) ORDER BY t.locale), '[]')
   FROM "Translation" t WHERE t."agreementId" = a.id) AS translations`;

type SummarySqlRow = Omit<SummaryRow, "sources"> & {
  sources: (Omit<SummaryRow["sources"][number], "publishedOn"> & { publishedOn: string | null })[];
};

/**
 * Summary rows for `query`, a statement whose select list is `PUBLIC_SUMMARY_COLUMNS`
 * (passed in so callers can page, order and add columns of their own).
 */
export async function queryPublicSummaries<Extra extends object = object>(
  db: Db | Prisma.TransactionClient,
  query: (columns: Prisma.Sql) => Prisma.Sql,
): Promise<(SummaryRow & Extra)[]> {
  const rows = await db.$queryRaw<(SummarySqlRow & Extra)[]>(query(PUBLIC_SUMMARY_COLUMNS));
  // JSON carries dates as `YYYY-MM-DD` text; the mapping below expects what Prisma returns.
  return rows.map((row) => ({
    ...row,
    sources: row.sources.map((source) => ({ ...source, publishedOn: source.publishedOn ? new Date(source.publishedOn) : null })),
  }));
}
type DetailRow = Prisma.AgreementGetPayload<{ select: typeof publicAgreementDetailSelect }>;

const LOCALE_OF_LANG: Record<Lang, Locale> = { en: "EN", fr: "FR", pt: "PT", ru: "RU" };

export function toPublicAgreementSummary(row: SummaryRow, lang?: Lang) {
  const translation = lang && lang !== "en" ? row.translations.find((t) => t.locale === LOCALE_OF_LANG[lang]) : undefined;
  return {
    id: row.id,
    slug: row.slug,
    path: `/records/${row.slug}`,
    lang: translation ? (lang as Lang) : ("en" as Lang),
    title: translation?.title ?? row.title,
    summary: translation?.summary || row.summary,
    kind: row.kind,
    status: row.status,
    confidence: row.confidence,
    announced: toPublicDate(row.announcedOn, row.announcedPrecision),
    signed: toPublicDate(row.signedOn, row.signedPrecision),
    venue: row.venue,
    event: row.event,
    amount: row.amount === null ? null : { value: row.amount.toString(), currency: row.currency },
    countries: row.africanCountryCodes,
    partners: row.partnerCountryCodes,
    sectors: row.sectorSlugs,
    parties: row.parties.map((party) => ({
      side: party.side,
      role: party.role,
      country: party.countryCode,
      organization: party.organization,
      representative: party.representativeName
        ? { name: party.representativeName, title: party.representativeTitle }
        : null,
    })),
    sources: row.sources.map(({ publishedOn, publishedPrecision, ...source }) => ({
      ...source,
      published: toPublicDate(publishedOn, publishedPrecision),
    })),
    translations: row.translations.map((t) => ({ lang: t.locale.toLowerCase() as Lang, title: t.title, summary: t.summary })),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toPublicAgreementDetail(row: DetailRow, lang?: Lang) {
  return {
    ...toPublicAgreementSummary(row, lang),
    sources: row.sources.map(({ publishedOn, publishedPrecision, retrievedAt, ...source }) => ({
      ...source,
      published: toPublicDate(publishedOn, publishedPrecision),
      retrievedAt: retrievedAt?.toISOString() ?? null,
    })),
    commitments: row.commitments.map((c) => ({
      description: c.description,
      quantity: c.quantity?.toString() ?? null,
      unit: c.unit,
      deadline: toPublicDate(c.deadline, c.deadlinePrecision),
      delivered: c.delivered?.toString() ?? null,
      deliveredNote: c.deliveredNote,
      sourceId: c.sourceId,
    })),
    timeline: row.statusEvents.map((e) => ({
      status: e.status,
      on: toPublicDate(e.occurredOn, e.precision),
      note: e.note,
      sourceId: e.sourceId,
    })),
    citations: row.citations,
  };
}

export type PublicAgreementSummary = ReturnType<typeof toPublicAgreementSummary>;
export type PublicAgreementDetail = ReturnType<typeof toPublicAgreementDetail>;
