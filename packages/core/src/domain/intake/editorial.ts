import type { z } from "zod";
import type { Db } from "../../db/client";
import { CITED_FIELD, distinctQuotes, ZAgreementUpdateInput, type TAgreementInput } from "../../validators/agreement-editing";
import { ZIntakeAnalyzeInput, type ZIntakeAttachInput } from "../../validators/intake";
import type { Actor } from "../access";
import { loadLiveAgreement, updateAgreement } from "../agreement-editing";
import { InvalidInputError } from "../errors";
import { assertMayEdit, readableRecordsWhere } from "../record-access";
import { currentRecordInput } from "../revision-history";
import { analyzeReport } from "./analyze";
import { findMatchCandidates } from "./match-candidates";
import { matchExistingRecords } from "./matching";
import { loadIntakeRegistry } from "./registry";
import type { IntakeAnalysis, Proposal, TextEvidence } from "./types";

type Citation = NonNullable<TAgreementInput["citations"]>[number];
type Source = NonNullable<TAgreementInput["sources"]>[number];

/**
 * `intake.analyze`: the report read against the registry, its drafts ready to save with the
 * report as their first source (whole text kept, every value cited), and the stored records
 * the caller may read that could be its event.
 */
export async function analyzeReportForEditors(db: Db, actor: Actor, rawInput: z.input<typeof ZIntakeAnalyzeInput>): Promise<IntakeAnalysis> {
  const analysis = await readReportWithCitations(db, rawInput);
  const { proposal } = analysis;
  const matches = proposal ? matchExistingRecords(proposal, await findMatchCandidates(db, proposal, readableRecordsWhere(actor))) : [];
  return { ...analysis, matches };
}

/** The report read against the registry, each draft citing the report's words; no matching. */
async function readReportWithCitations(db: Db, rawInput: z.input<typeof ZIntakeAnalyzeInput>): Promise<IntakeAnalysis> {
  const input = ZIntakeAnalyzeInput.parse(rawInput);
  const analysis = analyzeReport(input, await loadIntakeRegistry(db));
  const text = analysis.text ?? input.text;
  return {
    ...analysis,
    proposal: analysis.proposal && withCitations(analysis.proposal, text),
    otherEvents: analysis.otherEvents.map((other) => withCitations(other, text)),
  };
}

/** The draft's evidence from the report's words, as citations of its first source, which keeps the whole text they point into. */
function withCitations(proposal: Proposal, text: string): Proposal {
  const [report, ...others] = proposal.draft.sources ?? [];
  if (!report) return proposal;
  const citations = textEvidence(proposal).map(({ field, quote, start, end }) => ({ field, source: 0, quote, start, end }));
  return { ...proposal, draft: { ...proposal.draft, sources: [{ ...report, text }, ...others], citations } };
}

/** Evidence that can be stored: words of the report, for a field a citation can name. */
function textEvidence(proposal: Proposal): TextEvidence[] {
  return proposal.evidence.filter((evidence): evidence is TextEvidence => "quote" in evidence && CITED_FIELD.test(evidence.field));
}

/** One new fact a report brings to a record: a value to set, or an item to add to a list. */
export interface ProposedFieldChange {
  /** Names the change in `accept`: the field (`signedOn`), or the list and the item's place in the report's draft (`sectors.0`). */
  key: string;
  field: string;
  action: "set" | "add";
  current: unknown;
  proposed: unknown;
  quotes: string[];
}

const SETTABLE = ["kind", "status", "announcedOn", "signedOn", "venue", "event"] as const;
const LISTS = ["sectors", "parties", "commitments"] as const;

/**
 * `intake.attach`: the report becomes a new source of the record. Without `accept` it answers
 * what the report would change (nothing is written); with `accept` (keys of those changes) the
 * source and the accepted changes, each cited, are saved through the normal update, so a stale
 * `expectedVersion` is refused as any other edit is.
 */
export async function attachReport(db: Db, actor: Actor, input: z.output<typeof ZIntakeAttachInput>) {
  const { id, expectedVersion, report, accept } = input;
  // Only those who may change the record are told what the report would change in it.
  const record = await loadLiveAgreement(db, id);
  assertMayEdit(actor, record);
  // Attaching needs the report's facts, not which records it resembles.
  const analysis = await readReportWithCitations(db, report);
  const proposal = analysis.proposal;
  const current = await currentRecordInput(db, id);
  const source: Source = proposal?.draft.sources?.[0] ?? {
    url: report.url ?? null,
    publishedOn: report.publishedOn ?? null,
    language: analysis.language,
    text: analysis.text ?? report.text,
  };
  const changes = proposal ? proposedChanges(current, proposal) : [];
  if (!accept) return { applied: false as const, version: record.version, language: analysis.language, source: { ...source, text: undefined }, changes };

  const unknown = accept.find((key) => !changes.some((change) => change.key === key));
  if (unknown) throw new InvalidInputError(["accept"], `"${unknown}" is not one of the changes this report proposes`);
  const data = withAcceptedChanges(
    current,
    source,
    proposal,
    changes.filter((change) => accept.includes(change.key)),
  );
  const saved = await updateAgreement(db, actor, ZAgreementUpdateInput.parse({ id, expectedVersion, data }));
  return { applied: true as const, version: saved.version, record: saved };
}

/** What the report states that the record does not: values it leaves empty or gives otherwise, and list items it lacks. */
function proposedChanges(current: TAgreementInput, proposal: Proposal): ProposedFieldChange[] {
  const { draft } = proposal;
  const quotesOf = (prefix: string) =>
    distinctQuotes(
      textEvidence(proposal)
        .filter((evidence) => evidence.field === prefix || evidence.field.startsWith(`${prefix}.`))
        .map((evidence) => evidence.quote),
    );
  const changes: ProposedFieldChange[] = [];
  for (const field of SETTABLE) {
    const proposed = draft[field];
    if (proposed == null || proposed === "" || sameValue(current[field], proposed)) continue;
    changes.push({ key: field, field, action: "set", current: current[field] ?? null, proposed, quotes: quotesOf(field) });
  }
  for (const list of LISTS) {
    const items = (draft[list] ?? []) as unknown[];
    const held = ((current[list] ?? []) as unknown[]).map((item) => identityOf(list, item));
    items.forEach((item, index) => {
      if (held.includes(identityOf(list, item))) return;
      changes.push({ key: `${list}.${index}`, field: list, action: "add", current: null, proposed: item, quotes: quotesOf(`${list}.${index}`) });
    });
  }
  return changes;
}

/** What makes two items of a list one: a sector's slug, a party's state and organisation, a commitment's words. */
function identityOf(list: (typeof LISTS)[number], item: unknown): string {
  if (list === "sectors") return String(item);
  if (list === "parties") {
    const party = item as { countryCode?: string | null; organizationId?: string | null };
    return `${party.countryCode ?? ""}/${party.organizationId ?? ""}`;
  }
  return String((item as { description: string }).description)
    .trim()
    .toLowerCase();
}

/** Dates compare by what they say ("2025-07" and "2025-07" at month precision), other values as given. */
function sameValue(current: unknown, proposed: unknown): boolean {
  const dateOf = (value: unknown) => (value && typeof value === "object" && "on" in value ? value.on : value);
  return JSON.stringify(dateOf(current) ?? null) === JSON.stringify(dateOf(proposed) ?? null);
}

/** The record with the report as its last source and the accepted changes, each cited to the report. */
function withAcceptedChanges(current: TAgreementInput, source: Source, proposal: Proposal | null, accepted: ProposedFieldChange[]): TAgreementInput {
  const data: TAgreementInput = { ...current, sources: [...(current.sources ?? []), source] };
  const sourceIndex = data.sources!.length - 1;
  const evidence = proposal ? textEvidence(proposal) : [];
  const citations: Citation[] = [...(current.citations ?? [])];
  const cite = (draftPath: string, recordPath: string) => {
    for (const found of evidence.filter((item) => item.field === draftPath || item.field.startsWith(`${draftPath}.`))) {
      citations.push({ field: recordPath + found.field.slice(draftPath.length), source: sourceIndex, quote: found.quote, start: found.start, end: found.end });
    }
  };
  for (const change of accepted) {
    if (change.action === "set") {
      Object.assign(data, { [change.field]: change.proposed });
      cite(change.field, change.field);
      continue;
    }
    const list = [...((data[change.field as (typeof LISTS)[number]] ?? []) as unknown[])];
    // A commitment the report states is sourced to the report.
    list.push(change.field === "commitments" ? { ...(change.proposed as object), source: sourceIndex } : change.proposed);
    Object.assign(data, { [change.field]: list });
    cite(change.key, `${change.field}.${list.length - 1}`);
  }
  if (accepted.some((change) => change.field === "status")) {
    const on = data.signedOn ?? data.announcedOn ?? source.publishedOn ?? null;
    data.statusChange = { source: sourceIndex, occurredOn: on, note: null };
  }
  return { ...data, citations };
}
