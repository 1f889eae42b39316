import { z } from "zod";
import { AgreementKind, Confidence, EditorialState, LifecycleStatus, OrganizationKind, PartyRole, PartySide } from "../generated/prisma/enums";
import { ZCountryCode, ZIsoDate, ZIsoDateTime, ZPartialDate, ZSectorSlug, ZSlug } from "./common";
import { EDITOR_SORTS } from "./vocabulary";

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => value || null);
const required = (max: number) => text(max).min(1, "must not be empty");
/** Only web links: a `javascript:` or `data:` URL is never stored. */
export const ZWebUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000);
const sourceIndex = z.number().int().min(0, "must point at one of the sources").nullish();

export const ZPartyInput = z
  .object({
    organizationId: z.uuid().nullish(),
    countryCode: ZCountryCode.nullish(),
    side: z.enum(PartySide),
    role: z.enum(PartyRole).default("SIGNATORY"),
    representativeName: optionalText(200),
    representativeTitle: optionalText(200),
  })
  .refine((party) => party.organizationId || party.countryCode, {
    message: "a party needs an organisation or a country",
    path: ["organizationId"],
  });

export const ZSourceInput = z.object({
  /** Set when editing a stored source, so status events and commitments keep citing it. */
  id: z.uuid().optional(),
  url: ZWebUrl.nullish(),
  publisher: optionalText(200),
  author: optionalText(200),
  title: optionalText(500),
  publishedOn: ZPartialDate.prefault(null),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or fr")
    .nullish(),
  retrievedAt: ZIsoDateTime.nullish(),
  excerpt: optionalText(5000),
  /** The whole report, for editors only; kept verbatim (not trimmed), since citations count characters in it. */
  text: z
    .string()
    .max(200_000, "must be at most 200000 characters")
    .nullish()
    .transform((value) => value || null),
});

/** A path into the record as editors edit it: `signedOn`, `sectors.0`, `parties.1.countryCode`. */
export const CITED_FIELD = /^[a-z][A-Za-z]*(\.\d{1,3}(\.[a-z][A-Za-z]*)?)?$/;

/** The words a value's citations quote, each once, leaving out those inside a longer quote ("300" in "300 mechanics"). */
export function distinctQuotes(quotes: string[]): string[] {
  const unique = [...new Set(quotes)];
  return unique.filter((quote) => !unique.some((other) => other !== quote && other.includes(quote)));
}

/** One fact tied to the words of one source: the quote is verbatim, at [start, end) of the source's text or excerpt. */
export const ZCitationInput = z
  .object({
    field: z.string().regex(CITED_FIELD, "must be a field path such as signedOn or parties.1.countryCode"),
    /** Index into `sources`. */
    source: z.number().int().min(0, "must point at one of the sources"),
    quote: z.string().min(1, "must not be empty").max(2000, "must be at most 2000 characters"),
    start: z.number().int().min(0).nullish(),
    end: z.number().int().min(1).nullish(),
  })
  .refine((citation) => (citation.start == null) === (citation.end == null) && (citation.start == null || citation.end! > citation.start), {
    message: "start and end come together, end after start",
    path: ["end"],
  });

export const ZCommitmentInput = z.object({
  description: required(2000),
  quantity: z.number().nonnegative().max(1e15).nullish(),
  unit: optionalText(100),
  deadline: ZPartialDate.prefault(null),
  delivered: z.number().nonnegative().max(1e15).nullish(),
  deliveredNote: optionalText(2000),
  /** Index into `sources`. */
  source: sourceIndex,
});

export const ZTranslationInput = z.object({
  locale: z.enum(["FR", "PT", "RU"]),
  title: required(500),
  summary: text(20_000).default(""),
  venue: optionalText(300),
  event: optionalText(300),
  /** Commitment descriptions in this language, in the commitments' order; "" where not translated. */
  commitments: z.array(text(2000)).max(100).default([]),
  /** Notes of stored status events in this language, by the event's id. */
  statusNotes: z
    .record(z.uuid("must be the id of a status event"), text(1000))
    .refine((notes) => Object.keys(notes).length <= 200, "must hold at most 200 notes")
    .default({}),
});

/** Required whenever the lifecycle status changes: when it changed and which source says so. */
export const ZStatusChangeInput = z.object({
  occurredOn: ZPartialDate.prefault(null),
  /** Index into `sources`. */
  source: z.number().int().min(0, "must point at one of the sources"),
  note: optionalText(1000),
});

/** Every part of an agreement an editor curates, validated once for the API, the forms and the import. */
export const ZAgreementInput = z
  .object({
    title: required(500),
    summary: text(20_000).default(""),
    kind: z.enum(AgreementKind),
    status: z.enum(LifecycleStatus),
    confidence: z.enum(Confidence).default("REPORTED"),
    announcedOn: ZPartialDate.prefault(null),
    signedOn: ZPartialDate.prefault(null),
    venue: optionalText(300),
    event: optionalText(300),
    amount: z.number().nonnegative().max(1e15).nullish(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
      .nullish(),
    sectors: z.array(ZSectorSlug).max(20).default([]),
    parties: z.array(ZPartyInput).max(50).default([]),
    sources: z.array(ZSourceInput).max(50).default([]),
    commitments: z.array(ZCommitmentInput).max(100).default([]),
    translations: z.array(ZTranslationInput).max(3).default([]),
    citations: z.array(ZCitationInput).max(500).default([]),
    statusChange: ZStatusChangeInput.optional(),
    /** Left out: keep the stored one. */
    externalId: text(200).nullish(),
    /** The record's address; left out: derived from the title on creation, kept on updates. A published record's old slug redirects. */
    slug: ZSlug.optional(),
  })
  .superRefine((input, ctx) => {
    const signed = input.signedOn.on;
    input.commitments.forEach((commitment, index) => {
      if (signed && commitment.deadline.on && commitment.deadline.on < signed) {
        ctx.addIssue({
          code: "custom",
          path: ["commitments", index, "deadline"],
          message: `must not be before the signing date ${signed.toISOString().slice(0, 10)}`,
        });
      }
      if (commitment.source != null && commitment.source >= input.sources.length) {
        ctx.addIssue({ code: "custom", path: ["commitments", index, "source"], message: `there is no source ${commitment.source}` });
      }
    });
    input.sources.forEach((source, index) => {
      const first = input.sources.findIndex((other) => other.id === source.id);
      if (source.id && first < index) ctx.addIssue({ code: "custom", path: ["sources", index, "id"], message: `repeats the id of source ${first}` });
    });
    if (input.statusChange && input.statusChange.source >= input.sources.length) {
      ctx.addIssue({ code: "custom", path: ["statusChange", "source"], message: `there is no source ${input.statusChange.source}` });
    }
    input.translations.forEach((translation, index) => {
      if (translation.commitments.length > input.commitments.length) {
        ctx.addIssue({
          code: "custom",
          path: ["translations", index, "commitments"],
          message: `has ${translation.commitments.length} descriptions for ${input.commitments.length} commitments`,
        });
      }
    });
    if (input.amount != null && !input.currency) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "is required with an amount" });
    }
    input.citations.forEach((citation, index) => {
      const problem = citationProblem(input, citation);
      if (problem) ctx.addIssue({ code: "custom", path: ["citations", index, problem.path], message: problem.message });
    });
    const locales = input.translations.map((t) => t.locale);
    locales.forEach((locale, index) => {
      if (locales.indexOf(locale) !== index) ctx.addIssue({ code: "custom", path: ["translations", index, "locale"], message: `${locale} is given twice` });
    });
  });
export type TAgreementInput = z.input<typeof ZAgreementInput>;

type CitationInput = z.output<typeof ZCitationInput>;
type CitedRecord = { sources: { text: string | null; excerpt: string | null }[] } & Record<string, unknown>;

/** The value a cited path names, or undefined: a date counts as given only when it is known. */
function citedValue(record: Record<string, unknown>, field: string): unknown {
  const value = field
    .split(".")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), record);
  if (value && typeof value === "object" && "on" in value) return value.on ?? undefined;
  return value === "" || value === null ? undefined : value;
}

/** Why a citation cannot stand: it must name a source, quote its words where they stand, and cite a value the record states. */
function citationProblem(record: CitedRecord, citation: CitationInput): { path: string; message: string } | null {
  const source = record.sources[citation.source];
  if (!source) return { path: "source", message: `there is no source ${citation.source}` };
  if (citedValue(record, citation.field) === undefined) return { path: "field", message: `cites ${citation.field}, which the record leaves empty` };
  const words = source.text ?? source.excerpt;
  if (words === null) return null;
  if (citation.start != null && words.slice(citation.start, citation.end!) !== citation.quote) {
    return { path: "quote", message: `is not the text of source ${citation.source} at ${citation.start}–${citation.end}` };
  }
  if (citation.start == null && !words.includes(citation.quote)) return { path: "quote", message: `is not in source ${citation.source}` };
  return null;
}
export type TAgreementData = z.output<typeof ZAgreementInput>;

export const ZAgreementCreateInput = z.object({
  data: ZAgreementInput,
  /** Set after seeing the likely duplicates, to create the record anyway. */
  confirmNotDuplicate: z.boolean().default(false),
});

export const ZAgreementIdInput = z.object({ id: z.uuid() });

export const ZAgreementUpdateInput = z.object({
  id: z.uuid(),
  /** The version the editor started from; a newer stored version means someone else saved first. */
  expectedVersion: z.number().int().min(1),
  data: ZAgreementInput,
});

export const TRANSITIONS = ["submit", "approve", "sendBack", "unpublish", "archive", "reopen"] as const;
export type TransitionAction = (typeof TRANSITIONS)[number];

export const ZAgreementTransitionInput = z.object({
  id: z.uuid(),
  expectedVersion: z.number().int().min(1),
  action: z.enum(TRANSITIONS),
  comment: optionalText(5000),
});

/** An editor's decision on a change an import proposed to a record that is not a draft. */
export const ZProposedChangeDecisionInput = z.object({
  id: z.uuid(),
  /** The record version the reviewer compared against; a newer one means the diff they saw is stale. */
  expectedVersion: z.number().int().min(1),
  decision: z.enum(["approve", "reject"]),
});

export const ZEditorListInput = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  state: z.array(z.enum(EditorialState)).max(4).optional(),
  country: z.array(ZCountryCode).max(60).optional(),
  partner: z.array(ZCountryCode).max(10).optional(),
  sector: z.array(ZSectorSlug).max(20).optional(),
  status: z.array(z.enum(LifecycleStatus)).max(9).optional(),
  kind: z.array(z.enum(AgreementKind)).max(7).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  mine: z.boolean().optional(),
  includeDeleted: z.boolean().default(false),
  sort: z.enum(EDITOR_SORTS).default("updated"),
  /** Left out: the sort's own default. Not named `direction`, which tRPC's infinite queries set to forward/backward. */
  order: z.enum(["asc", "desc"]).optional(),
  // Room for a title sort key of 500 characters.
  cursor: z.string().max(2000).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const ZRevisionDiffInput = z.object({ id: z.uuid(), from: z.number().int().min(1), to: z.number().int().min(1) });
export const ZRestoreRevisionInput = z.object({ id: z.uuid(), version: z.number().int().min(1), expectedVersion: z.number().int().min(1) });

export const ZDuplicateCheckInput = z.object({
  title: required(500),
  organizationIds: z.array(z.uuid()).max(50).default([]),
  countries: z.array(ZCountryCode).max(60).default([]),
  date: ZIsoDate.nullish(),
  excludeId: z.uuid().optional(),
});

export const ZOrganizationInput = z.object({
  name: required(300),
  aliases: z.array(required(300)).max(30).default([]),
  kind: z.enum(OrganizationKind),
  countryCode: ZCountryCode.nullish(),
  website: ZWebUrl.nullish(),
  /** The side a body without a country stands on (the African Union: AFRICA); left out: kept. */
  side: z.enum(PartySide).nullish(),
  /** A public page describing the organisation; left out: kept. */
  sourceUrl: ZWebUrl.nullish(),
  memberIds: z.array(z.uuid()).max(100).default([]),
});
export const ZOrganizationUpdateInput = z.object({ id: z.uuid(), data: ZOrganizationInput });
export const ZOrganizationSearchInput = z.object({ q: z.string().trim().max(200).default(""), limit: z.number().int().min(1).max(50).default(10) });
export const ZOrganizationMergeInput = z
  .object({ sourceId: z.uuid(), targetId: z.uuid() })
  .refine((input) => input.sourceId !== input.targetId, { message: "cannot merge an organisation into itself", path: ["targetId"] });

export const ZAuditListInput = z.object({
  actorId: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: ZIsoDateTime.optional(),
  to: ZIsoDateTime.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "is not a cursor returned by this API")
    .nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
