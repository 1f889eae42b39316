import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { DatePrecision, LifecycleStatus, Locale } from "../generated/prisma/enums";
import type { Lang } from "../validators/common";
import { toPublicDate } from "./dates";
import { recordPath } from "./public-paths";

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
  translations: { orderBy: { locale: "asc" }, select: { locale: true, title: true, summary: true, venue: true, event: true } },
} satisfies Prisma.AgreementSelect;

export const publicAgreementDetailSelect = {
  ...publicAgreementSummarySelect,
  version: true,
  translations: {
    ...publicAgreementSummarySelect.translations,
    select: { ...publicAgreementSummarySelect.translations.select, commitments: true, statusNotes: true },
  },
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
    select: { id: true, status: true, occurredOn: true, precision: true, note: true, sourceId: true },
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
  (SELECT coalesce(json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary, 'venue', t.venue, 'event', t.event) ORDER BY t.locale), '[]')
   FROM "Translation" t WHERE t."agreementId" = a.id) AS translations`;

/**
 * The summary columns plus what an export carries besides: commitments, the status
 * timeline, the translations of their text, and the citations (never a source's text).
 */
export const PUBLIC_EXPORT_COLUMNS = Prisma.sql`${PUBLIC_SUMMARY_COLUMNS},
  (SELECT coalesce(json_agg(json_build_object('locale', t.locale, 'commitments', t.commitments, 'statusNotes', t."statusNotes") ORDER BY t.locale), '[]')
   FROM "Translation" t WHERE t."agreementId" = a.id) AS "translatedParts",
  (SELECT coalesce(json_agg(json_build_object(
     'description', c.description, 'quantity', c.quantity::text, 'unit', c.unit, 'deadline', c.deadline,
     'deadlinePrecision', c."deadlinePrecision", 'delivered', c.delivered::text, 'deliveredNote', c."deliveredNote", 'sourceId', c."sourceId"
   ) ORDER BY c.position), '[]')
   FROM "Commitment" c WHERE c."agreementId" = a.id) AS commitments,
  (SELECT coalesce(json_agg(json_build_object(
     'id', e.id, 'status', e.status, 'occurredOn', e."occurredOn", 'precision', e.precision, 'note', e.note, 'sourceId', e."sourceId"
   ) ORDER BY e."occurredOn" ASC NULLS FIRST, e."createdAt"), '[]')
   FROM "StatusEvent" e WHERE e."agreementId" = a.id) AS "statusEvents",
  (SELECT coalesce(json_agg(json_build_object('field', q.field, 'sourceId', q."sourceId", 'quote', q.quote) ORDER BY q.position), '[]')
   FROM "Citation" q WHERE q."agreementId" = a.id) AS citations`;

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
  columns: Prisma.Sql = PUBLIC_SUMMARY_COLUMNS,
): Promise<(SummaryRow & Extra)[]> {
  const rows = await db.$queryRaw<(SummarySqlRow & Extra)[]>(query(columns));
  // JSON carries dates as `YYYY-MM-DD` text; the mapping below expects what Prisma returns.
  return rows.map((row) => ({
    ...row,
    sources: row.sources.map((source) => ({ ...source, publishedOn: source.publishedOn ? new Date(source.publishedOn) : null })),
  }));
}
type DetailRow = Prisma.AgreementGetPayload<{ select: typeof publicAgreementDetailSelect }>;

const LOCALE_OF_LANG: Record<Lang, Locale> = { en: "EN", fr: "FR", pt: "PT", ru: "RU" };

/** The row's translation into `lang`, if it has one (English is the original). */
function translationOf<T extends { locale: Locale }>(translations: T[], lang?: Lang): T | undefined {
  return lang && lang !== "en" ? translations.find((t) => t.locale === LOCALE_OF_LANG[lang]) : undefined;
}

/**
 * A published agreement for readers of `lang`: its text in that language where
 * translated, else the original, and `lang` saying which one the title is in.
 * `path` is the record's page in the reader's language either way.
 */
export function toPublicAgreementSummary(row: SummaryRow, lang?: Lang) {
  const translation = translationOf(row.translations, lang);
  return {
    id: row.id,
    slug: row.slug,
    path: recordPath(row.slug, lang),
    lang: translation ? (lang as Lang) : ("en" as Lang),
    title: translation?.title ?? row.title,
    summary: translation?.summary || row.summary,
    kind: row.kind,
    status: row.status,
    confidence: row.confidence,
    announced: toPublicDate(row.announcedOn, row.announcedPrecision),
    signed: toPublicDate(row.signedOn, row.signedPrecision),
    venue: translation?.venue ?? row.venue,
    event: translation?.event ?? row.event,
    amount: row.amount === null ? null : { value: row.amount.toString(), currency: row.currency },
    countries: row.africanCountryCodes,
    partners: row.partnerCountryCodes,
    sectors: row.sectorSlugs,
    parties: row.parties.map((party) => ({
      side: party.side,
      role: party.role,
      country: party.countryCode,
      organization: party.organization,
      representative: party.representativeName ? { name: party.representativeName, title: party.representativeTitle } : null,
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

interface CommitmentRow {
  description: string;
  quantity: { toString(): string } | null;
  unit: string | null;
  deadline: Date | null;
  deadlinePrecision: DatePrecision;
  delivered: { toString(): string } | null;
  deliveredNote: string | null;
  sourceId: string | null;
}

interface StatusEventRow {
  id: string;
  status: LifecycleStatus;
  occurredOn: Date | null;
  precision: DatePrecision;
  note: string | null;
  sourceId: string | null;
}

interface TranslatedParts {
  locale: Locale;
  commitments: string[];
  statusNotes: unknown;
}

/**
 * Commitments and the status timeline in `lang` where translated; each says the
 * language its text is in, so a page can mark what is shown in the original.
 */
function publicParts(commitments: CommitmentRow[], statusEvents: StatusEventRow[], translations: TranslatedParts[], lang?: Lang) {
  const translation = translationOf(translations, lang);
  const notes = (translation?.statusNotes ?? {}) as Record<string, string | undefined>;
  return {
    commitments: commitments.map((c, index) => {
      const description = translation?.commitments[index] || null;
      return {
        description: description ?? c.description,
        lang: description ? (lang as Lang) : "en",
        quantity: c.quantity?.toString() ?? null,
        unit: c.unit,
        deadline: toPublicDate(c.deadline, c.deadlinePrecision),
        delivered: c.delivered?.toString() ?? null,
        deliveredNote: c.deliveredNote,
        sourceId: c.sourceId,
      };
    }),
    timeline: statusEvents.map((e) => {
      const note = e.note ? notes[e.id] || null : null;
      return {
        status: e.status,
        on: toPublicDate(e.occurredOn, e.precision),
        note: note ?? e.note,
        lang: note ? (lang as Lang) : "en",
        sourceId: e.sourceId,
      };
    }),
  };
}

export function toPublicAgreementDetail(row: DetailRow, lang?: Lang) {
  return {
    ...toPublicAgreementSummary(row, lang),
    /** The saved version shown, for citations. */
    version: row.version,
    sources: row.sources.map(({ publishedOn, publishedPrecision, retrievedAt, ...source }) => ({
      ...source,
      published: toPublicDate(publishedOn, publishedPrecision),
      retrievedAt: retrievedAt?.toISOString() ?? null,
    })),
    ...publicParts(row.commitments, row.statusEvents, row.translations, lang),
    citations: row.citations,
  };
}

/** A row read with `PUBLIC_EXPORT_COLUMNS`. */
export type ExportRow = SummaryRow & {
  translatedParts: TranslatedParts[];
  commitments: (Omit<CommitmentRow, "deadline"> & { deadline: string | null })[];
  statusEvents: (Omit<StatusEventRow, "occurredOn"> & { occurredOn: string | null })[];
  citations: DetailRow["citations"];
};

const dateOf = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** A published agreement as exports carry it: the summary with its commitments, status timeline and citations. */
export function toPublicAgreementExport(row: ExportRow, lang?: Lang) {
  const commitments = row.commitments.map((c) => ({ ...c, deadline: dateOf(c.deadline) }));
  const statusEvents = row.statusEvents.map((e) => ({ ...e, occurredOn: dateOf(e.occurredOn) }));
  return { ...toPublicAgreementSummary(row, lang), ...publicParts(commitments, statusEvents, row.translatedParts, lang), citations: row.citations };
}

export type PublicAgreementExport = ReturnType<typeof toPublicAgreementExport>;
export type PublicAgreementSummary = ReturnType<typeof toPublicAgreementSummary>;
export type PublicAgreementDetail = ReturnType<typeof toPublicAgreementDetail>;
