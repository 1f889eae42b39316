import type { TAgreementInput } from "../validators/agreement-editing";

/** The columns of an import file (CSV header or JSON keys); lists are separated by ";". */
export const IMPORT_COLUMNS = [
  "external_id",
  "title",
  "summary",
  "kind",
  "status",
  "confidence",
  "announced_on",
  "signed_on",
  "venue",
  "event",
  "african_countries",
  "partner_countries",
  "african_organizations",
  "partner_organizations",
  "sectors",
  "source_url",
  "source_publisher",
  "source_title",
  "source_author",
  "source_published_on",
  "source_language",
  "amount",
  "currency",
  ...translationColumns("fr"),
  ...translationColumns("pt"),
  ...translationColumns("ru"),
] as const;

/** Columns of a record's text in another language: `title_fr`, `summary_fr`, `venue_fr`, `event_fr`. */
function translationColumns<L extends "fr" | "pt" | "ru">(lang: L) {
  return [`title_${lang}`, `summary_${lang}`, `venue_${lang}`, `event_${lang}`] as const;
}
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_IMPORT_COLUMNS: ImportColumn[] = ["title", "kind", "status"];

export type ImportValues = Partial<Record<ImportColumn, string | string[]>>;

export function listOf(value: string | string[] | undefined): string[] {
  const items = Array.isArray(value) ? value : (value ?? "").split(";");
  return [...new Set(items.map((item) => String(item).trim()).filter(Boolean))];
}

/** A row as stored for later comparison: each column the file has, as its list of values. */
export type CanonicalRow = Partial<Record<ImportColumn, string[]>>;

/** The columns a row carries, each as a clean list; a column the file lacks is left out, not emptied. */
export function canonicalRow(values: ImportValues): CanonicalRow {
  return Object.fromEntries(IMPORT_COLUMNS.filter((column) => column in values).map((column) => [column, listOf(values[column])]));
}

/** Whether a stored row (JSON keys in any order) is this one. */
export function sameRow(stored: unknown, row: CanonicalRow): boolean {
  if (!stored || typeof stored !== "object") return false;
  const other = stored as CanonicalRow;
  return IMPORT_COLUMNS.every((column) => JSON.stringify(other[column] ?? null) === JSON.stringify(row[column] ?? null));
}

/** Columns whose values differ between two canonical rows, of those `next` carries. */
export function changedColumns(next: CanonicalRow, previous: CanonicalRow | null): ImportColumn[] {
  return IMPORT_COLUMNS.filter(
    (column) =>
      column !== "external_id" && next[column] !== undefined && (!previous || JSON.stringify(next[column]) !== JSON.stringify(previous[column] ?? [])),
  );
}

function single(value: string | string[] | undefined): string | null {
  const text = (Array.isArray(value) ? value.join(";") : (value ?? "")).trim();
  return text === "" ? null : text;
}

/** The editor input a row describes; organisations are given as resolved ids per side. */
export function rowToAgreementInput(values: ImportValues, organizationIds: { AFRICA: string[]; PARTNER: string[] }): TAgreementInput {
  const sideParties = (side: "AFRICA" | "PARTNER", countriesColumn: ImportColumn) => {
    const countries = listOf(values[countriesColumn]).map((code) => code.toUpperCase());
    // An organisation takes the side's country when there is only one to choose.
    const organizationCountry = countries.length === 1 ? countries[0]! : null;
    return [
      ...organizationIds[side].map((organizationId) => ({ organizationId, countryCode: organizationCountry, side, role: "SIGNATORY" as const })),
      ...(organizationIds[side].length && organizationCountry ? [] : countries.map((countryCode) => ({ countryCode, side, role: "SIGNATORY" as const }))),
    ];
  };
  const hasSource = ["source_url", "source_publisher", "source_title", "source_author"].some((column) => single(values[column as ImportColumn]));
  const amount = single(values.amount);
  const eventDate = single(values.signed_on) ?? single(values.announced_on);
  return {
    title: single(values.title) ?? "",
    summary: single(values.summary) ?? "",
    kind: (single(values.kind)?.toUpperCase() ?? "") as TAgreementInput["kind"],
    status: (single(values.status)?.toUpperCase() ?? "") as TAgreementInput["status"],
    ...(single(values.confidence) ? { confidence: single(values.confidence)!.toUpperCase() as TAgreementInput["confidence"] } : {}),
    announcedOn: single(values.announced_on),
    signedOn: single(values.signed_on),
    venue: single(values.venue),
    event: single(values.event),
    amount: amount === null ? null : Number(amount.replace(/[\s,]/g, "")),
    currency: single(values.currency)?.toUpperCase() ?? null,
    sectors: listOf(values.sectors).map((slug) => slug.toLowerCase()),
    parties: [...sideParties("AFRICA", "african_countries"), ...sideParties("PARTNER", "partner_countries")],
    sources: hasSource
      ? [
          {
            url: single(values.source_url),
            publisher: single(values.source_publisher),
            title: single(values.source_title),
            author: single(values.source_author),
            publishedOn: single(values.source_published_on),
            language: single(values.source_language),
          },
        ]
      : [],
    ...(hasSource ? { statusChange: { occurredOn: eventDate && /^\d{4}(-\d{2}){0,2}$/.test(eventDate) ? eventDate : null, source: 0 } } : {}),
    translations: translationsOf(values),
    externalId: single(values.external_id),
  };
}

/** The row's translations: one per language whose title column is filled in. */
function translationsOf(values: ImportValues): NonNullable<TAgreementInput["translations"]> {
  return (["fr", "pt", "ru"] as const).flatMap((lang) => {
    const title = single(values[`title_${lang}`]);
    if (!title) return [];
    const locale = lang.toUpperCase() as "FR" | "PT" | "RU";
    return [
      { locale, title, summary: single(values[`summary_${lang}`]) ?? "", venue: single(values[`venue_${lang}`]), event: single(values[`event_${lang}`]) },
    ];
  });
}

const FIELD_COLUMNS: Record<string, ImportColumn> = {
  announcedOn: "announced_on",
  signedOn: "signed_on",
  externalId: "external_id",
  statusChange: "status",
};

/** The file column a validation issue on the built input points at. */
export function columnOfIssue(path: PropertyKey[], input: TAgreementInput): string {
  const [head, index, field] = path.map(String);
  if (head === "parties") {
    const side = input.parties?.[Number(index)]?.side === "PARTNER" ? "partner" : "african";
    return field === "organizationId" ? `${side}_organizations` : `${side}_countries`;
  }
  // The status event's date is read from the signing (or announcement) date.
  if (head === "statusChange" && index === "occurredOn") return input.signedOn ? "signed_on" : "announced_on";
  if (head === "translations") return `${field ?? "title"}_${(input.translations?.[Number(index)]?.locale ?? "fr").toLowerCase()}`;
  if (head === "sources") return `source_${(field ?? "url").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  if (head && FIELD_COLUMNS[head]) return FIELD_COLUMNS[head];
  return (head ?? "row").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
