import type { RouterInputs, RouterOutputs } from "@coop/core/trpc";
import { ZAgreementInput } from "@coop/core/validators/agreement-editing";
import type { FormErrors } from "@mantine/form";
import { zod4Resolver } from "mantine-form-zod-resolver";
import { partialDateText } from "../format";
import { TRANSLATION_LOCALES } from "./options";

export type StoredRecord = RouterOutputs["agreement"]["get"];
type AgreementInput = RouterInputs["agreement"]["create"]["data"];
type Locale = (typeof TRANSLATION_LOCALES)[number];

/** A record as the editor form holds it: text for every input, list items with stable keys. */
export interface RecordFormValues {
  title: string;
  summary: string;
  kind: string;
  status: string;
  confidence: string;
  /** Partial dates: "", YYYY, YYYY-MM or YYYY-MM-DD. */
  announcedOn: string;
  signedOn: string;
  venue: string;
  event: string;
  amount: string;
  currency: string;
  sectors: string[];
  parties: {
    key: string;
    organizationId: string | null;
    organizationName: string;
    countryCode: string | null;
    side: string;
    role: string;
    representativeName: string;
    representativeTitle: string;
  }[];
  /** `text`: the whole report when it came through intake; kept as is, never edited here. */
  sources: {
    key: string;
    id?: string;
    url: string;
    publisher: string;
    author: string;
    title: string;
    publishedOn: string;
    language: string;
    excerpt: string;
    text: string | null;
  }[];
  /** `source` is the index of a source, as text for the select. */
  commitments: { key: string; description: string; quantity: string; unit: string; deadline: string; delivered: string; source: string | null }[];
  translations: {
    locale: Locale;
    title: string;
    summary: string;
    venue: string;
    event: string;
    /** Commitment descriptions in this language, by the commitment row's key. */
    commitments: Record<string, string>;
    /** Notes of stored status events in this language, by event id. */
    statusNotes: Record<string, string>;
  }[];
  /**
   * Facts tied to a source's words. `field` names list rows by their keys (`parties.<key>.countryCode`),
   * so a citation follows its row when rows are removed, and goes when its row or source goes.
   */
  citations: { key: string; field: string; sourceKey: string; quote: string; start: number | null; end: number | null }[];
  statusChange: { occurredOn: string; source: string | null; note: string };
}

/** What an editor calls each part of a record. */
export const FIELD_LABELS = {
  title: "Title",
  summary: "Summary",
  kind: "Kind",
  status: "Status",
  confidence: "Confidence",
  announcedOn: "Announced on",
  signedOn: "Signed on",
  venue: "Venue",
  event: "Event",
  amount: "Amount",
  currency: "Currency",
  sectors: "Sectors",
  parties: "Parties",
  sources: "Sources",
  commitments: "Commitments",
  translations: "Translations",
} satisfies Partial<Record<keyof RecordFormValues, string>>;

const ROW_NAMES = { parties: "Party", commitments: "Commitment", sources: "Source", sectors: "Sector" } as const;
/** Words for the fields of a cited row; others are shown as written. */
const ROW_FIELD_NAMES: Record<string, string> = {
  countryCode: "country",
  organizationId: "organisation",
  side: "side",
  role: "role",
  representativeName: "representative",
  representativeTitle: "representative's title",
  description: "description",
  quantity: "quantity",
  unit: "unit",
  deadline: "deadline",
};

/** A form field path in words: `parties.<key>.countryCode` is "Party 2 · country". */
export function citedFieldLabel(field: string, values: Pick<RecordFormValues, CitedList>): string {
  const [name = "", key, rest] = field.split(".");
  if (!(name in ROW_NAMES) || key === undefined) return (FIELD_LABELS as Record<string, string>)[name] ?? name;
  const row = rowKeys(values, name as CitedList).indexOf(key) + 1;
  const rowName = name === "sectors" ? `${ROW_NAMES.sectors} ${key}` : `${ROW_NAMES[name as CitedList]} ${row || "(removed)"}`;
  return rest ? `${rowName} · ${ROW_FIELD_NAMES[rest] ?? rest}` : rowName;
}

/** The lists whose rows a cited path may name; sectors are named by their slug. */
const CITED_LISTS = ["parties", "commitments", "sources", "sectors"] as const;
type CitedList = (typeof CITED_LISTS)[number];
const rowKeys = (values: Pick<RecordFormValues, CitedList>, list: CitedList): string[] =>
  list === "sectors" ? values.sectors : values[list].map((row) => row.key);

/** `parties.1.countryCode` as the form names it, `parties.<key>.countryCode`; unchanged for other fields. */
export function formFieldOf(field: string, values: Pick<RecordFormValues, CitedList>): string {
  const [list, index, ...rest] = field.split(".");
  if (!CITED_LISTS.includes(list as CitedList) || index === undefined) return field;
  const key = rowKeys(values, list as CitedList)[Number(index)];
  return key === undefined ? field : [list, key, ...rest].join(".");
}

/** The API's path for a form field, or null when the row it named is gone. */
export function apiFieldOf(field: string, values: Pick<RecordFormValues, CitedList>): string | null {
  const [list, key, ...rest] = field.split(".");
  if (!CITED_LISTS.includes(list as CitedList) || key === undefined) return field;
  const index = rowKeys(values, list as CitedList).indexOf(key);
  return index === -1 ? null : [list, String(index), ...rest].join(".");
}

export const newKey = () => Math.random().toString(36).slice(2, 10);

export function emptyParty(side: "AFRICA" | "PARTNER"): RecordFormValues["parties"][number] {
  return {
    key: newKey(),
    organizationId: null,
    organizationName: "",
    countryCode: null,
    side,
    role: "SIGNATORY",
    representativeName: "",
    representativeTitle: "",
  };
}
export function emptySource(): RecordFormValues["sources"][number] {
  return { key: newKey(), url: "", publisher: "", author: "", title: "", publishedOn: "", language: "", excerpt: "", text: null };
}
export function emptyCommitment(): RecordFormValues["commitments"][number] {
  return { key: newKey(), description: "", quantity: "", unit: "", deadline: "", delivered: "", source: null };
}

const emptyTranslations = () =>
  TRANSLATION_LOCALES.map((locale) => ({ locale, title: "", summary: "", venue: "", event: "", commitments: {}, statusNotes: {} }));

export function emptyRecordValues(): RecordFormValues {
  return {
    title: "",
    summary: "",
    kind: "MOU",
    status: "SIGNED",
    confidence: "REPORTED",
    announcedOn: "",
    signedOn: "",
    venue: "",
    event: "",
    amount: "",
    currency: "",
    sectors: [],
    parties: [emptyParty("AFRICA"), emptyParty("PARTNER")],
    sources: [emptySource()],
    commitments: [],
    translations: emptyTranslations(),
    citations: [],
    statusChange: { occurredOn: "", source: null, note: "" },
  };
}

export function formValuesOf(record: StoredRecord): RecordFormValues {
  const sourceIndex = new Map(record.sources.map((source, index) => [source.id, String(index)]));
  const values: RecordFormValues = {
    title: record.title,
    summary: record.summary,
    kind: record.kind,
    status: record.status,
    confidence: record.confidence,
    announcedOn: partialDateText(record.announcedOn, record.announcedPrecision),
    signedOn: partialDateText(record.signedOn, record.signedPrecision),
    venue: record.venue ?? "",
    event: record.event ?? "",
    amount: record.amount ?? "",
    currency: record.currency ?? "",
    sectors: record.sectors.map((sector) => sector.sectorSlug),
    parties: record.parties.map((party) => ({
      key: party.id,
      organizationId: party.organizationId,
      organizationName: party.organizationId ? (record.organizationNames[party.organizationId] ?? "") : "",
      countryCode: party.countryCode,
      side: party.side,
      role: party.role,
      representativeName: party.representativeName ?? "",
      representativeTitle: party.representativeTitle ?? "",
    })),
    sources: record.sources.map((source) => ({
      key: source.id,
      id: source.id,
      url: source.url ?? "",
      publisher: source.publisher ?? "",
      author: source.author ?? "",
      title: source.title ?? "",
      publishedOn: partialDateText(source.publishedOn, source.publishedPrecision),
      language: source.language ?? "",
      excerpt: source.excerpt ?? "",
      text: source.text,
    })),
    commitments: record.commitments.map((commitment) => ({
      key: commitment.id,
      description: commitment.description,
      quantity: commitment.quantity?.toString() ?? "",
      unit: commitment.unit ?? "",
      deadline: partialDateText(commitment.deadline, commitment.deadlinePrecision),
      delivered: commitment.delivered?.toString() ?? "",
      source: commitment.sourceId ? (sourceIndex.get(commitment.sourceId) ?? null) : null,
    })),
    translations: TRANSLATION_LOCALES.map((locale) => {
      const stored = record.translations.find((translation) => translation.locale === locale);
      return {
        locale,
        title: stored?.title ?? "",
        summary: stored?.summary ?? "",
        venue: stored?.venue ?? "",
        event: stored?.event ?? "",
        commitments: Object.fromEntries(record.commitments.map((commitment, index) => [commitment.id, stored?.commitments[index] ?? ""])),
        statusNotes: { ...((stored?.statusNotes ?? {}) as Record<string, string>) },
      };
    }),
    citations: [],
    statusChange: { occurredOn: "", source: null, note: "" },
  };
  values.citations = record.citations.map((citation) => ({
    key: citation.id,
    field: formFieldOf(citation.field, values),
    sourceKey: citation.sourceId,
    quote: citation.quote,
    start: citation.start,
    end: citation.end,
  }));
  return values;
}

/** A proposed draft (from a report) as the form holds it, each citation following its row. */
export function formValuesOfDraft(draft: AgreementInput, organizationNames: Record<string, string>): RecordFormValues {
  const text = (value: string | null | undefined) => value ?? "";
  const values: RecordFormValues = {
    ...emptyRecordValues(),
    title: draft.title,
    summary: text(draft.summary),
    kind: draft.kind,
    status: draft.status,
    confidence: draft.confidence ?? "REPORTED",
    announcedOn: text(draft.announcedOn),
    signedOn: text(draft.signedOn),
    venue: text(draft.venue),
    event: text(draft.event),
    sectors: draft.sectors ?? [],
    parties: (draft.parties ?? []).map((party) => ({
      ...emptyParty(party.side),
      organizationId: party.organizationId ?? null,
      organizationName: party.organizationId ? (organizationNames[party.organizationId] ?? "") : "",
      countryCode: party.countryCode ?? null,
      role: party.role ?? "SIGNATORY",
      representativeName: text(party.representativeName),
      representativeTitle: text(party.representativeTitle),
    })),
    sources: (draft.sources ?? []).map((source) => ({
      ...emptySource(),
      url: text(source.url),
      publisher: text(source.publisher),
      author: text(source.author),
      title: text(source.title),
      publishedOn: text(source.publishedOn),
      language: text(source.language),
      excerpt: text(source.excerpt),
      text: source.text ?? null,
    })),
    commitments: (draft.commitments ?? []).map((commitment) => ({
      ...emptyCommitment(),
      description: commitment.description,
      quantity: commitment.quantity?.toString() ?? "",
      unit: text(commitment.unit),
      deadline: text(commitment.deadline),
      source: commitment.source == null ? null : String(commitment.source),
    })),
  };
  values.citations = (draft.citations ?? []).flatMap((citation) => {
    const source = values.sources[citation.source];
    return source
      ? [
          {
            key: newKey(),
            field: formFieldOf(citation.field, values),
            sourceKey: source.key,
            quote: citation.quote,
            start: citation.start ?? null,
            end: citation.end ?? null,
          },
        ]
      : [];
  });
  return values;
}

/** A language row the editor wrote something in; rows left empty are not sent. */
function isFilledIn(translation: RecordFormValues["translations"][number]): boolean {
  const texts = [
    translation.title,
    translation.summary,
    translation.venue,
    translation.event,
    ...Object.values(translation.commitments),
    ...Object.values(translation.statusNotes),
  ];
  return texts.some((text) => text.trim());
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));
const indexOrNull = (text: string | null) => (text === null || text === "" ? null : Number(text));

/** The API input for the form's values; `storedStatus` decides whether a status change is sent. */
export function agreementInputOf(values: RecordFormValues, storedStatus: string | null): AgreementInput {
  const statusChanged = storedStatus !== null && values.status !== storedStatus;
  return {
    title: values.title,
    summary: values.summary,
    kind: values.kind as AgreementInput["kind"],
    status: values.status as AgreementInput["status"],
    confidence: values.confidence as NonNullable<AgreementInput["confidence"]>,
    announcedOn: orNull(values.announcedOn),
    signedOn: orNull(values.signedOn),
    venue: orNull(values.venue),
    event: orNull(values.event),
    amount: numberOrNull(values.amount),
    currency: orNull(values.currency.toUpperCase()),
    sectors: values.sectors,
    parties: values.parties.map((party) => ({
      organizationId: party.organizationId,
      countryCode: party.countryCode,
      side: party.side as "AFRICA" | "PARTNER",
      role: party.role as NonNullable<AgreementInput["parties"]>[number]["role"],
      representativeName: orNull(party.representativeName),
      representativeTitle: orNull(party.representativeTitle),
    })),
    sources: values.sources.map((source) => ({
      ...(source.id ? { id: source.id } : {}),
      url: orNull(source.url),
      publisher: orNull(source.publisher),
      author: orNull(source.author),
      title: orNull(source.title),
      publishedOn: orNull(source.publishedOn),
      language: orNull(source.language),
      excerpt: orNull(source.excerpt),
      text: source.text,
    })),
    commitments: values.commitments.map((commitment) => ({
      description: commitment.description,
      quantity: numberOrNull(commitment.quantity),
      unit: orNull(commitment.unit),
      deadline: orNull(commitment.deadline),
      delivered: numberOrNull(commitment.delivered),
      source: indexOrNull(commitment.source),
    })),
    translations: values.translations.filter(isFilledIn).map((translation) => ({
      locale: translation.locale,
      title: translation.title,
      summary: translation.summary,
      venue: orNull(translation.venue),
      event: orNull(translation.event),
      // In the order of the commitments as they are now, whatever was added, removed or moved.
      commitments: values.commitments.map((commitment) => translation.commitments[commitment.key]?.trim() ?? ""),
      statusNotes: Object.fromEntries(Object.entries(translation.statusNotes).filter(([, note]) => note.trim())),
    })),
    citations: sentCitations(values).map(({ citation }) => citation),
    ...(statusChanged
      ? {
          statusChange: {
            occurredOn: orNull(values.statusChange.occurredOn),
            source: indexOrNull(values.statusChange.source) ?? -1,
            note: orNull(values.statusChange.note),
          },
        }
      : {}),
  };
}

/** The citations the API receives, each with its row in the form: those whose row or source was removed are left out. */
function sentCitations(values: RecordFormValues) {
  return values.citations.flatMap((citation, formIndex) => {
    const field = apiFieldOf(citation.field, values);
    const source = values.sources.findIndex((row) => row.key === citation.sourceKey);
    return field === null || source === -1 ? [] : [{ formIndex, citation: { field, source, quote: citation.quote, start: citation.start, end: citation.end } }];
  });
}

const validateAgreementInput = zod4Resolver(ZAgreementInput);

/**
 * The API's own schema checks the form: paths such as `parties.0.countryCode` are the
 * form's paths too. Translations left empty are dropped before checking, so their
 * indexes are mapped back to the locale's row.
 */
export function validateRecordForm(values: RecordFormValues, storedStatus: string | null): FormErrors {
  const errors = validateAgreementInput(agreementInputOf(values, storedStatus));
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [formPathOf(path, values), message]));
}

/**
 * An API issue path (`data.parties.0.countryCode`) as the form's path. Lists the API gets
 * filtered (empty translations, citations of removed rows) are mapped back to the form's rows.
 */
export function formPathOf(apiPath: string, values: RecordFormValues): string {
  const path = apiPath.replace(/^data\./, "");
  const match = /^(translations|citations)\.(\d+)\.(.*)$/.exec(path);
  if (!match) return path;
  const [, list, index, rest] = match;
  if (list === "citations") return `citations.${sentCitations(values)[Number(index)]?.formIndex ?? index}.${rest}`;
  const sent = values.translations.filter(isFilledIn);
  return `translations.${TRANSLATION_LOCALES.indexOf(sent[Number(index)]?.locale ?? "FR")}.${rest}`;
}

/** Compares list parts by content, not by the form's row keys. */
export function comparable(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => (key === "key" ? undefined : inner));
}

/** Your changes on top of their version: each field you changed keeps your value, the rest takes theirs. */
export function reapplyChanges(original: RecordFormValues, mine: RecordFormValues, theirs: RecordFormValues): RecordFormValues {
  const merged = { ...theirs };
  for (const field of Object.keys(mine) as (keyof RecordFormValues)[]) {
    if (comparable(original[field]) !== comparable(mine[field])) Object.assign(merged, { [field]: mine[field] });
  }
  return merged;
}
