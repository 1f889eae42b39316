// How an import row changes an existing record: only the columns the file changed since the
// row was last imported, set on the record; parties and sectors only ever added; the row's
// source updated in place. Commitments, translations, other sources, representatives, roles
// and the timeline stay as editors curated them.
import type { TAgreementInput } from "../validators/agreement-editing";
import type { ImportColumn } from "./import-rows";

type PartyInput = NonNullable<TAgreementInput["parties"]>[number];
type SourceInput = NonNullable<TAgreementInput["sources"]>[number];

type ScalarField = "title" | "summary" | "kind" | "status" | "confidence" | "announcedOn" | "signedOn" | "venue" | "event" | "amount" | "currency";

/** The record fields each column sets (amount and currency travel together). */
const COLUMN_FIELDS: Partial<Record<ImportColumn, ScalarField[]>> = {
  title: ["title"],
  summary: ["summary"],
  kind: ["kind"],
  status: ["status"],
  confidence: ["confidence"],
  announced_on: ["announcedOn"],
  signed_on: ["signedOn"],
  venue: ["venue"],
  event: ["event"],
  amount: ["amount", "currency"],
  currency: ["amount", "currency"],
};

const SOURCE_COLUMNS: Partial<Record<ImportColumn, keyof SourceInput>> = {
  source_url: "url",
  source_publisher: "publisher",
  source_title: "title",
  source_author: "author",
  source_published_on: "publishedOn",
  source_language: "language",
};

/** What a row changes on a record; JSON, so a proposed change can wait for review. */
export interface ImportPatch {
  /** Fields to set, from the columns the file changed. */
  fields: Partial<Pick<TAgreementInput, ScalarField>>;
  /** Sectors to add. */
  sectors: string[];
  /** Parties to add, unless the record already has them. */
  parties: PartyInput[];
  /** The row's source: found on the record by its URL (or the URL the last import gave), else added. */
  source: { url: string | null; previousUrl: string | null; changed: Partial<SourceInput>; whole: SourceInput } | null;
  /** A changed status is dated (the row's signing or announcement date) and cites the row's source. */
  statusChange: { occurredOn: string | null; sourceUrl: string | null } | null;
}

/** The patch of a valid row (as built editor input) for the columns that changed. */
export function importPatch(row: TAgreementInput, changed: ImportColumn[], previousSourceUrl: string | null): ImportPatch {
  const fields: ImportPatch["fields"] = {};
  for (const field of new Set(changed.flatMap((column) => COLUMN_FIELDS[column] ?? []))) {
    // An emptied confidence column means the default, as for a new record.
    (fields as Record<string, unknown>)[field] = field === "confidence" ? (row.confidence ?? "REPORTED") : (row[field] ?? null);
  }
  const sides = [
    ...(changed.includes("african_countries") || changed.includes("african_organizations") ? ["AFRICA"] : []),
    ...(changed.includes("partner_countries") || changed.includes("partner_organizations") ? ["PARTNER"] : []),
  ];
  const rowSource = row.sources?.[0];
  const changedSourceFields = changed.flatMap((column) => (SOURCE_COLUMNS[column] ? [SOURCE_COLUMNS[column]] : []));
  return {
    fields,
    sectors: changed.includes("sectors") ? (row.sectors ?? []) : [],
    parties: (row.parties ?? []).filter((party) => sides.includes(party.side)),
    source:
      rowSource && changedSourceFields.length
        ? {
            url: rowSource.url ?? null,
            previousUrl: previousSourceUrl,
            changed: Object.fromEntries(changedSourceFields.map((field) => [field, rowSource[field] ?? null])),
            whole: rowSource,
          }
        : null,
    statusChange: changed.includes("status") ? { occurredOn: row.statusChange?.occurredOn ?? null, sourceUrl: rowSource?.url ?? null } : null,
  };
}

function sameParty(a: PartyInput, b: PartyInput): boolean {
  if (a.side !== b.side) return false;
  return b.organizationId ? a.organizationId === b.organizationId : a.countryCode === b.countryCode;
}

/** The record's content with the patch applied: what a reviewer approves. */
export function applyImportPatch(current: TAgreementInput, patch: ImportPatch): TAgreementInput {
  const merged: TAgreementInput = { ...current, ...patch.fields, statusChange: undefined };
  merged.sectors = [...new Set([...(current.sectors ?? []), ...patch.sectors])];
  const parties = [...(current.parties ?? [])];
  for (const party of patch.parties) if (!parties.some((existing) => sameParty(existing, party))) parties.push({ ...party, role: "SIGNATORY" });
  merged.parties = parties;

  const sources = [...(current.sources ?? [])];
  let sourceIndex = -1;
  if (patch.source) {
    const { url, previousUrl } = patch.source;
    sourceIndex = sources.findIndex((source) => source.url != null && (source.url === url || source.url === previousUrl));
    if (sourceIndex === -1) sourceIndex = sources.push(patch.source.whole) - 1;
    else sources[sourceIndex] = { ...sources[sourceIndex], ...patch.source.changed };
  }
  merged.sources = sources;
  if (merged.status !== current.status && patch.statusChange) {
    // Without a source of the row's to cite, the change is refused when saved (statusChange is required).
    const { occurredOn, sourceUrl } = patch.statusChange;
    const cited = sourceIndex !== -1 ? sourceIndex : sources.findIndex((source) => source.url != null && source.url === sourceUrl);
    if (cited !== -1) merged.statusChange = { occurredOn, source: cited, note: "Imported" };
  }
  return merged;
}
