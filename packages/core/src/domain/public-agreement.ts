import type { Prisma } from "../generated/prisma/client";
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
  translations: { select: { locale: true, title: true, summary: true } },
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
} satisfies Prisma.AgreementSelect;

type SummaryRow = Prisma.AgreementGetPayload<{ select: typeof publicAgreementSummarySelect }>;
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
  };
}

export type PublicAgreementSummary = ReturnType<typeof toPublicAgreementSummary>;
export type PublicAgreementDetail = ReturnType<typeof toPublicAgreementDetail>;
