import { z } from "zod";
import { Confidence, OrganizationKind, PartyRole, PartySide, Region } from "../generated/prisma/enums";
import { ZAgreementKind, ZDatePrecision, ZLang, ZLifecycleStatus } from "./common";

// What the public procedures answer. Declared as their `.output()`, so an answer never
// carries a field not described here, and the OpenAPI document is generated from them.

/** Dates travel as strings: `YYYY-MM-DD` for calendar dates, ISO 8601 in UTC for instants. */
const ZDateText = z.iso.date();
const ZInstantText = z.iso.datetime();

export const ZPublicDate = z
  .object({
    date: ZDateText.nullable().describe("First day of the known period; null when unknown."),
    precision: ZDatePrecision,
  })
  .meta({ id: "PartialDate", description: 'A date known to a day, month or year: `{ date: "2025-10-01", precision: "MONTH" }`.' });

const ZPublicParty = z.object({
  side: z.enum(PartySide),
  role: z.enum(PartyRole),
  country: z.string().nullable(),
  organization: z.object({ slug: z.string(), name: z.string(), kind: z.enum(OrganizationKind), countryCode: z.string().nullable() }).nullable(),
  representative: z.object({ name: z.string(), title: z.string().nullable() }).nullable(),
});

const ZPublicSource = z.object({
  id: z.uuid(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  title: z.string().nullable(),
  language: z.string().nullable(),
  published: ZPublicDate,
});

export const ZPublicAgreementSummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    path: z.string().describe("The record's page on this site."),
    lang: ZLang.describe("The language of `title` and `summary`: the one asked for when translated, else en."),
    title: z.string(),
    summary: z.string(),
    kind: ZAgreementKind,
    status: ZLifecycleStatus,
    confidence: z.enum(Confidence),
    announced: ZPublicDate,
    signed: ZPublicDate,
    venue: z.string().nullable(),
    event: z.string().nullable(),
    amount: z.object({ value: z.string().describe("A decimal number, as text."), currency: z.string().nullable() }).nullable(),
    countries: z.array(z.string()).describe("African states, ISO 3166-1 alpha-2."),
    partners: z.array(z.string()).describe("RU and/or BY."),
    sectors: z.array(z.string()),
    parties: z.array(ZPublicParty),
    sources: z.array(ZPublicSource),
    translations: z.array(z.object({ lang: ZLang, title: z.string(), summary: z.string() })),
    publishedAt: ZInstantText.nullable(),
    updatedAt: ZInstantText,
  })
  .meta({ id: "Record" });

const ZPublicCommitment = z.object({
  description: z.string(),
  lang: ZLang.describe("The language of `description`."),
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  deadline: ZPublicDate,
  delivered: z.string().nullable(),
  deliveredNote: z.string().nullable(),
  sourceId: z.uuid().nullable(),
});

const ZPublicStatusStep = z.object({
  status: ZLifecycleStatus,
  on: ZPublicDate,
  note: z.string().nullable(),
  lang: ZLang.describe("The language of `note`."),
  sourceId: z.uuid().nullable(),
});

export const ZPublicCitation = z
  .object({
    field: z
      .string()
      .describe("The fact, as a path into the record as editors edit it: `title`, `signedOn`, `sectors.0`, `parties.1.countryCode`, `commitments.0.quantity`."),
    sourceId: z.uuid().describe("The source, one of the record's `sources`."),
    quote: z.string().describe("The source's words that state it, verbatim."),
  })
  .meta({ id: "Citation", description: "A fact tied to the words of a source." });

export const ZPublicAgreementDetail = ZPublicAgreementSummary.extend({
  version: z.number().int().describe("The saved version shown, for a citation's permalink."),
  sources: z.array(ZPublicSource.extend({ excerpt: z.string().nullable(), retrievedAt: ZInstantText.nullable() })),
  commitments: z.array(ZPublicCommitment),
  timeline: z.array(ZPublicStatusStep),
  citations: z.array(ZPublicCitation).describe("Facts tied to the words of a source."),
}).meta({ id: "RecordDetail" });

/** One record of `/export.json`: the summary with its commitments, timeline, citations and absolute address. */
export const ZPublicAgreementExport = ZPublicAgreementSummary.extend({
  commitments: z.array(ZPublicCommitment),
  timeline: z.array(ZPublicStatusStep),
  citations: z.array(ZPublicCitation),
  url: z.url().describe("The record's page, absolute."),
}).meta({ id: "ExportRecord" });

export const ZPublicRelated = z.object({ items: z.array(ZPublicAgreementSummary) }).meta({ id: "RelatedRecords" });

const ZNamedOrganization = z.object({ slug: z.string(), name: z.string() });
export const ZPublicOrganization = z
  .object({
    slug: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    kind: z.enum(OrganizationKind),
    countryCode: z.string().nullable(),
    website: z.string().nullable(),
    members: z.array(ZNamedOrganization).describe("A consortium's members."),
    consortia: z.array(ZNamedOrganization).describe("The consortia it belongs to."),
  })
  .meta({ id: "PublicOrganization", description: "An organisation party to at least one published record." });

const ZNextCursor = z.string().nullable().describe("Pass as `cursor` for the next page; null on the last.");

export const ZPublicAgreementPage = z
  .object({
    items: z.array(ZPublicAgreementSummary),
    nextCursor: ZNextCursor,
    previousCursor: z.string().nullable().describe("Pass as `cursor` with `direction: backward` for the page before; null on the first."),
  })
  .meta({ id: "RecordPage" });

const ZFacetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const ZPublicFacets = z
  .object({
    total: z.number().int(),
    country: ZFacetCounts,
    partner: ZFacetCounts,
    sector: ZFacetCounts,
    status: ZFacetCounts,
    kind: ZFacetCounts,
    confidence: ZFacetCounts,
    organization: z
      .array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }))
      .describe("The organisations named most often, by slug, with their names."),
    year: ZFacetCounts,
  })
  .meta({
    id: "Facets",
    description:
      "Counts of the matching records; each group is counted under every other filter, not its own, so it lists the choices open beside the current ones.",
  });

export const ZPublicChangesPage = z
  .object({
    items: z.array(
      z.discriminatedUnion("change", [
        z.object({ change: z.literal("upsert"), id: z.uuid(), slug: z.string(), at: ZInstantText, agreement: ZPublicAgreementSummary }),
        z.object({ change: z.literal("delete"), id: z.uuid(), slug: z.string(), at: ZInstantText, agreement: z.null() }),
      ]),
    ),
    nextCursor: ZNextCursor,
  })
  .meta({ id: "ChangesPage", description: "Oldest first: published records as upserts, withdrawn ones as deletions." });

export const ZPublicFeed = z
  .object({
    items: z.array(
      z.object({
        slug: z.string(),
        path: z.string(),
        lang: ZLang,
        title: z.string(),
        kind: ZAgreementKind,
        status: ZLifecycleStatus,
        statusLabel: z.string(),
        confidence: z.enum(Confidence),
        confidenceLabel: z.string(),
        date: ZPublicDate,
        countries: z.array(z.string()),
        partners: z.array(z.string()),
        sectors: z.array(z.string()),
        publisher: z.string().nullable(),
        publishedAt: ZInstantText.nullable(),
      }),
    ),
  })
  .meta({ id: "FeedItems" });

const ZNames = z.object({ en: z.string(), fr: z.string(), pt: z.string(), ru: z.string() });

export const ZPublicCountries = z
  .array(z.object({ code: z.string(), name: z.string(), names: ZNames, region: z.enum(Region), isPartner: z.boolean() }))
  .meta({ id: "Countries" });

export const ZPublicSectors = z.array(z.object({ slug: z.string(), name: z.string(), names: ZNames })).meta({ id: "Sectors" });
