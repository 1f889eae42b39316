import type { RouterInputs, RouterOutputs } from "@coop/core/trpc";
import { ZAgreementInput } from "@coop/core/validators/editorial";
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
  sources: { key: string; id?: string; url: string; publisher: string; author: string; title: string; publishedOn: string; language: string; excerpt: string }[];
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
  statusChange: { occurredOn: string; source: string | null; note: string };
}

export const newKey = () => Math.random().toString(36).slice(2, 10);

export function emptyParty(side: "AFRICA" | "PARTNER"): RecordFormValues["parties"][number] {
  return { key: newKey(), organizationId: null, organizationName: "", countryCode: null, side, role: "SIGNATORY", representativeName: "", representativeTitle: "" };
}
export function emptySource(): RecordFormValues["sources"][number] {
  return { key: newKey(), url: "", publisher: "", author: "", title: "", publishedOn: "", language: "", excerpt: "" };
}
export function emptyCommitment(): RecordFormValues["commitments"][number] {
  return { key: newKey(), description: "", quantity: "", unit: "", deadline: "", delivered: "", source: null };
}

const emptyTranslations = () => TRANSLATION_LOCALES.map((locale) => ({ locale, title: "", summary: "", venue: "", event: "", commitments: {}, statusNotes: {} }));

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
    statusChange: { occurredOn: "", source: null, note: "" },
  };
}

export function formValuesOf(record: StoredRecord): RecordFormValues {
  const sourceIndex = new Map(record.sources.map((source, index) => [source.id, String(index)]));
  return {
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
    statusChange: { occurredOn: "", source: null, note: "" },
  };
}

/** A language row the editor wrote something in; rows left empty are not sent. */
function isFilledIn(translation: RecordFormValues["translations"][number]): boolean {
  const texts = [translation.title, translation.summary, translation.venue, translation.event, ...Object.values(translation.commitments), ...Object.values(translation.statusNotes)];
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
    ...(statusChanged
      ? { statusChange: { occurredOn: orNull(values.statusChange.occurredOn), source: indexOrNull(values.statusChange.source) ?? -1, note: orNull(values.statusChange.note) } }
      : {}),
  };
}

const validateAgreementInput = zod4Resolver(ZAgreementInput);

/**
 * The API's own schema checks the form: paths such as `parties.0.countryCode` are the
 * form's paths too. Translations left empty are dropped before checking, so their
 * indexes are mapped back to the locale's row.
 */
export function validateRecordForm(values: RecordFormValues, storedStatus: string | null): FormErrors {
  const input = agreementInputOf(values, storedStatus);
  const errors = validateAgreementInput(input);
  const sentLocales = (input.translations ?? []).map((translation) => translation.locale);
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const match = /^translations\.(\d+)\.(.*)$/.exec(path);
      if (!match) return [path, message];
      const row = TRANSLATION_LOCALES.indexOf(sentLocales[Number(match[1])] ?? "FR");
      return [`translations.${row}.${match[2]}`, message];
    }),
  );
}

/** Server issue paths (`data.parties.0.countryCode`) as form paths, translations mapped like above. */
export function formPathOf(apiPath: string, values: RecordFormValues): string {
  const path = apiPath.replace(/^data\./, "");
  const match = /^translations\.(\d+)\.(.*)$/.exec(path);
  if (!match) return path;
  const sent = values.translations.filter(isFilledIn);
  return `translations.${TRANSLATION_LOCALES.indexOf(sent[Number(match[1])]?.locale ?? "FR")}.${match[2]}`;
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
