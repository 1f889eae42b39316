import { distinctQuotes } from "@coop/core/validators/agreement-editing";
import { citedFieldLabel, FIELD_LABELS, type RecordFormValues } from "../records/record-form-model";

/** One value a report proposes, as the editor keeps or drops it. */
export interface ProposedValue {
  /** A field (`signedOn`) or a row (`parties.<key>`, `sectors.<slug>`). */
  id: string;
  /** The field or list it belongs to, which gives its colour. */
  group: string;
  label: string;
  value: string;
  quotes: string[];
  /** Kind and status are always given; they are corrected in the editor instead. */
  droppable: boolean;
}

const REQUIRED = ["kind", "status"] as const;
const OPTIONAL = ["announcedOn", "signedOn", "venue", "event"] as const;
/** Title and summary are written from the whole report: their evidence is a sentence, not a value. */
const COMPOSED = new Set(["title", "summary"]);

const quotesOf = (values: RecordFormValues, id: string) =>
  distinctQuotes(values.citations.filter((citation) => citation.field === id || citation.field.startsWith(`${id}.`)).map((citation) => citation.quote));

export function proposedValuesOf(values: RecordFormValues): ProposedValue[] {
  const scalar = (field: (typeof REQUIRED)[number] | (typeof OPTIONAL)[number], droppable: boolean): ProposedValue[] =>
    values[field] ? [{ id: field, group: field, label: FIELD_LABELS[field], value: values[field], quotes: quotesOf(values, field), droppable }] : [];
  const rows = (group: "parties" | "commitments", describe: (row: never) => string): ProposedValue[] =>
    values[group].map((row) => {
      const id = `${group}.${row.key}`;
      return { id, group, label: citedFieldLabel(id, values), value: describe(row as never), quotes: quotesOf(values, id), droppable: true };
    });
  return [
    ...REQUIRED.flatMap((field) => scalar(field, false)),
    ...OPTIONAL.flatMap((field) => scalar(field, true)),
    ...rows("parties", (party: RecordFormValues["parties"][number]) =>
      [
        party.organizationName || party.countryCode,
        party.side.toLowerCase(),
        party.representativeName && `${party.representativeName}${party.representativeTitle ? `, ${party.representativeTitle}` : ""}`,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
    ...values.sectors.map((slug) => ({
      id: `sectors.${slug}`,
      group: "sectors",
      label: citedFieldLabel(`sectors.${slug}`, values),
      value: slug,
      quotes: quotesOf(values, `sectors.${slug}`),
      droppable: true,
    })),
    ...rows("commitments", (commitment: RecordFormValues["commitments"][number]) => commitment.description),
  ];
}

/** The values without the dropped ones, and without the citations of what was dropped. */
export function dropProposedValues(values: RecordFormValues, dropped: Set<string>): RecordFormValues {
  const kept = (group: string, key: string) => !dropped.has(`${group}.${key}`);
  const next: RecordFormValues = {
    ...values,
    parties: values.parties.filter((party) => kept("parties", party.key)),
    commitments: values.commitments.filter((commitment) => kept("commitments", commitment.key)),
    sectors: values.sectors.filter((slug) => kept("sectors", slug)),
    citations: values.citations.filter((citation) => ![...dropped].some((id) => citation.field === id || citation.field.startsWith(`${id}.`))),
  };
  for (const field of OPTIONAL) if (dropped.has(field)) next[field] = "";
  return next;
}

/** The report's words behind each value, in order and never overlapping: the first and longest span wins. */
export function highlightSpans(values: RecordFormValues): { start: number; end: number; field: string }[] {
  const report = values.sources[0]?.key;
  const spans = values.citations
    .filter((citation) => citation.sourceKey === report && citation.start !== null && citation.end !== null && !COMPOSED.has(citation.field))
    .map((citation) => ({ start: citation.start!, end: citation.end!, field: citation.field }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof spans = [];
  for (const span of spans) if (!kept.length || span.start >= kept.at(-1)!.end) kept.push(span);
  return kept;
}
