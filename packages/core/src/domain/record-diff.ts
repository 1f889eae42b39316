import type { TAgreementInput } from "../validators/agreement-editing";

/** One field of a record as a reader would compare it: text, or a list of lines. */
export type FieldValue = string | string[] | null;

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

const text = (value: unknown): string | null => (value === null || value === undefined || value === "" ? null : String(value));
const lines = (values: (string | null)[]): string[] => values.filter((value): value is string => Boolean(value));

/** A record's editable content, field by field, in words: organisations by name, dates as written. */
function describe(record: TAgreementInput, organizationNames: ReadonlyMap<string, string>): Record<string, FieldValue> {
  const organization = (id: string | null | undefined) => (id ? (organizationNames.get(id) ?? "an unknown organisation") : null);
  return {
    title: text(record.title),
    summary: text(record.summary),
    kind: text(record.kind),
    status: text(record.status),
    confidence: text(record.confidence ?? "REPORTED"),
    announcedOn: text(record.announcedOn),
    signedOn: text(record.signedOn),
    venue: text(record.venue),
    event: text(record.event),
    amount: record.amount != null ? `${record.amount} ${record.currency ?? ""}`.trim() : null,
    sectors: [...(record.sectors ?? [])].sort(),
    parties: lines(
      (record.parties ?? []).map((party) => {
        const who = [organization(party.organizationId), party.countryCode].filter(Boolean).join(", ");
        const representative = [party.representativeName, party.representativeTitle].filter(Boolean).join(", ");
        return `${party.side === "AFRICA" ? "African side" : "Partner side"}: ${who} (${(party.role ?? "SIGNATORY").toLowerCase()})${representative ? `, represented by ${representative}` : ""}`;
      }),
    ),
    sources: lines(
      (record.sources ?? []).map(
        (source) => [source.publisher, source.title, source.url, source.publishedOn].filter(Boolean).join(" · ") || "a source without details",
      ),
    ),
    commitments: lines(
      (record.commitments ?? []).map((commitment) =>
        [
          commitment.description,
          commitment.quantity != null ? `${commitment.quantity} ${commitment.unit ?? ""}`.trim() : null,
          commitment.deadline ? `by ${commitment.deadline}` : null,
        ]
          .filter(Boolean)
          .join(" · "),
      ),
    ),
    translations: lines((record.translations ?? []).map((translation) => `${translation.locale}: ${translation.title}`)),
  };
}

/** The fields that differ between two versions of a record's content, in the order an editor reads them. */
export function recordFieldDiff(before: TAgreementInput, after: TAgreementInput, organizationNames: ReadonlyMap<string, string>): FieldChange[] {
  const was = describe(before, organizationNames);
  const now = describe(after, organizationNames);
  return Object.keys(now).flatMap((field) =>
    JSON.stringify(was[field]) === JSON.stringify(now[field]) ? [] : [{ field, before: was[field] ?? null, after: now[field] ?? null }],
  );
}
