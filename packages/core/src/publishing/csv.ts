import { stringify } from "csv-stringify/sync";
import type { PublicAgreementExport } from "../domain/public-agreement";
import { cutToPrecision } from "../validators/partial-date";
import { siteUrl } from "./links";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** Leading characters that make spreadsheet programs read a cell as a formula or control sequence. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Neutralises CSV formula injection (OWASP): a cell that a spreadsheet would run as a
 * formula gets a leading apostrophe, so it shows as the text it is.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** One CSV column: its header and how to read it from a record. */
type Column = [header: string, value: (agreement: PublicAgreementExport, origin: string) => string | null];

const LIST_SEPARATOR = "; ";
/** Commitments and status events are sentences of their own: one per line of the cell. */
const ENTRY_SEPARATOR = "\n";

function commitmentText(commitment: PublicAgreementExport["commitments"][number]): string {
  const promised = commitment.quantity ? `${commitment.quantity}${commitment.unit ? ` ${commitment.unit}` : ""}` : "no figure";
  return `${commitment.description} (promised: ${promised}; delivered: ${commitment.delivered ?? "not reported"}; deadline: ${cutToPrecision(commitment.deadline.date, commitment.deadline.precision) ?? "unknown"})`;
}

function timelineText(step: PublicAgreementExport["timeline"][number]): string {
  return `${cutToPrecision(step.on.date, step.on.precision) ?? "undated"} ${step.status}${step.note ? `: ${step.note}` : ""}`;
}

const COLUMNS: Column[] = [
  ["id", (a) => a.id],
  ["slug", (a) => a.slug],
  ["url", (a, origin) => siteUrl(origin, a.path)],
  ["language", (a) => a.lang],
  ["title", (a) => a.title],
  ["summary", (a) => a.summary],
  ["kind", (a) => a.kind],
  ["status", (a) => a.status],
  ["confidence", (a) => a.confidence],
  ["announced_on", (a) => a.announced.date],
  ["announced_precision", (a) => a.announced.precision],
  ["signed_on", (a) => a.signed.date],
  ["signed_precision", (a) => a.signed.precision],
  ["african_countries", (a) => a.countries.join(LIST_SEPARATOR)],
  ["partner_countries", (a) => a.partners.join(LIST_SEPARATOR)],
  ["sectors", (a) => a.sectors.join(LIST_SEPARATOR)],
  ["parties", (a) => a.parties.map((p) => `${p.organization?.name ?? p.country ?? "?"} (${p.side} ${p.role})`).join(LIST_SEPARATOR)],
  ["venue", (a) => a.venue],
  ["event", (a) => a.event],
  ["amount", (a) => a.amount?.value ?? null],
  ["currency", (a) => a.amount?.currency ?? null],
  ["commitments", (a) => a.commitments.map(commitmentText).join(ENTRY_SEPARATOR)],
  ["timeline", (a) => a.timeline.map(timelineText).join(ENTRY_SEPARATOR)],
  ["source_urls", (a) => a.sources.flatMap((s) => s.url ?? []).join(LIST_SEPARATOR)],
  ["source_publishers", (a) => a.sources.flatMap((s) => s.publisher ?? []).join(LIST_SEPARATOR)],
  ["published_at", (a) => a.publishedAt],
  ["updated_at", (a) => a.updatedAt],
];

export const CSV_HEADERS = COLUMNS.map(([header]) => header);

const CSV_OPTIONS = { cast: { string: neutraliseFormula } };

/**
 * The CSV export as text chunks: a UTF-8 byte order mark (so Excel reads accents and
 * Cyrillic correctly) with the header row, then one chunk per record.
 */
export async function* agreementCsvChunks(agreements: AsyncIterable<PublicAgreementExport>, origin: string): AsyncGenerator<string, void, undefined> {
  yield stringify([CSV_HEADERS], { bom: true });
  for await (const agreement of agreements) {
    yield stringify([COLUMNS.map(([, value]) => value(agreement, origin))], CSV_OPTIONS);
  }
}
