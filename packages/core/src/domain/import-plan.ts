import type { Actor } from "./access";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { type TAgreementData, type TAgreementInput, ZAgreementInput } from "../validators/agreement-editing";
import { duplicateProbe, insertDraftAgreement, saveAgreementVersion } from "./agreement-editing";
import { type DuplicateCandidate, findLikelyDuplicates, STRONG_TITLE, statesNamedBy } from "./duplicates";
import type { SourceRow } from "./import-files";
import { applyImportPatch, importPatch } from "./import-merge";
import type { OrganizationResolver } from "./import-organizations";
import { type CanonicalRow, changedColumns, sameRow } from "./import-rows";
import { proposeImportChange } from "./proposed-changes";
import { type FieldChange, recordFieldDiff } from "./record-diff";
import { currentRecordInput } from "./revision-history";
import { sideOfCountry } from "./intake";
import { slugify } from "./slugs";
import { alikePairs, trigramsOf } from "./title-trigrams";

// What one import row becomes: the plan of a row decided on its own (a dry run's rows, rows
// that change a record, rows of new records that need something of their own).

type Tx = Prisma.TransactionClient;

/**
 * `updated`: a draft took the row's changes. `proposed`: a record readers can see (or in
 * review) has the changes waiting for an editor's approval. `duplicate-suspect`: nothing
 * written, the row looks like (or cites the source of) another record.
 */
export type ImportOutcome = "created" | "updated" | "proposed" | "unchanged" | "duplicate-suspect" | "error";

export interface ImportRowResult {
  /** Line of the CSV record, or 1-based index in the JSON array. */
  row: number;
  outcome: ImportOutcome;
  title: string | null;
  id?: string;
  errors?: { column: string; message: string }[];
  duplicates?: { id: string; title: string; score: number; reasons: string[] }[];
  /** For `updated` and `proposed` rows: the record's fields before and after. */
  changes?: FieldChange[];
}

export interface ImportContext {
  db: Db;
  actor: Actor;
  dryRun: boolean;
  organizations: OrganizationResolver;
  /** The rows a dry run finds new, by row number, for `holdBackLookalikeRows`. */
  wouldCreate: Map<number, ValidRow>;
}

/** What to report for a row and, when it changes anything, the writes (in the row's transaction). */
export interface RowPlan {
  result: Omit<ImportRowResult, "row" | "title">;
  write?: (tx: Tx) => Promise<string | void>;
}

const rowError = (column: string, message: string): RowPlan => ({ result: { outcome: "error", errors: [{ column, message }] } });

/** A row that passed validation, waiting to be decided with its chunk (see `importChunk`). */
export interface ValidRow {
  source: SourceRow;
  title: string | null;
  built: TAgreementInput;
  data: TAgreementData;
  row: CanonicalRow;
}

export async function planRow(db: Db | Tx, context: ImportContext, { built, data, row }: ValidRow): Promise<RowPlan> {
  const existing = data.externalId
    ? await db.agreement.findUnique({
        where: { externalId: data.externalId },
        select: { id: true, title: true, state: true, version: true, deletedAt: true, importedRow: true, proposedChange: { select: { importedRow: true } } },
      })
    : null;
  if (existing?.deletedAt) {
    return rowError(
      "external_id",
      `belongs to the deleted record "${existing.title}" (${existing.id}); an admin can restore it, or give the row another external_id`,
    );
  }
  if (existing) return planChanges(db, context, existing, built, row);

  const sourceUrl = data.sources[0]?.url;
  if (sourceUrl) {
    const citing = await db.agreement.findMany({
      where: { deletedAt: null, sources: { some: { url: sourceUrl } } },
      orderBy: { createdAt: "asc" },
      take: 10,
      select: { id: true, title: true, importedRow: true },
    });
    // This very row, imported before (a file run again after an interruption).
    const same = citing.find((record) => sameRow(record.importedRow, row));
    if (same) return { result: { outcome: "unchanged", id: same.id } };
    // Another record citing the same report may be this agreement, or another one it covers: an editor decides.
    if (citing.length) {
      return {
        result: { outcome: "duplicate-suspect", duplicates: citing.map(({ id, title }) => ({ id, title, score: 1, reasons: ["cites the same source URL"] })) },
      };
    }
  }
  const lookalikes = await lookalikesOf(db, data);
  if (lookalikes) return lookalikes;
  return {
    result: { outcome: "created" },
    write: async (tx) => {
      const parties = await context.organizations.materialize(tx, context.actor, data.parties);
      return insertDraftAgreement(tx, context.actor, { ...data, parties }, { importedRow: row });
    },
  };
}

/** Holds the row back when existing records look strongly like it. */
async function lookalikesOf(db: Db | Tx, data: TAgreementData): Promise<RowPlan | null> {
  const strong = (await findLikelyDuplicates(db, duplicateProbe(data))).filter((candidate) => candidate.strong);
  return strong.length ? heldBack(strong) : null;
}

/** The row held back as a look-alike of these records. */
export function heldBack(duplicates: DuplicateCandidate[]): RowPlan {
  return { result: { outcome: "duplicate-suspect", duplicates: duplicates.map(({ id, title, score, reasons }) => ({ id, title, score, reasons })) } };
}

/** A row for an existing record: what its changed columns change, applied to a draft or proposed for any other record. */
async function planChanges(
  db: Db | Tx,
  context: ImportContext,
  existing: { id: string; state: string; version: number; importedRow: Prisma.JsonValue; proposedChange: { importedRow: Prisma.JsonValue } | null },
  built: TAgreementInput,
  row: CanonicalRow,
): Promise<RowPlan> {
  const { id } = existing;
  const baseline = (existing.importedRow as CanonicalRow | null) ?? null;
  const changed = changedColumns(row, baseline);
  if (!changed.length) return { result: { outcome: "unchanged", id } };
  const patch = importPatch(built, changed, baseline?.source_url?.[0] ?? null);
  const current = await currentRecordInput(db, id);
  const merged = applyImportPatch(current, patch);
  const changes = recordFieldDiff(current, merged, await context.organizations.namesFor(db, [...(current.parties ?? []), ...(merged.parties ?? [])]));
  // The file changed only what editors had already changed alike: remember the row, change nothing.
  if (!changes.length) return { result: { outcome: "unchanged", id }, write: (tx) => rememberImportedRow(tx, id, row) };
  if (merged.status !== current.status && !merged.statusChange) {
    return rowError("status", `changes the status to ${merged.status}, which needs the source that says so: fill source_url`);
  }
  const valid = ZAgreementInput.safeParse(merged);
  if (!valid.success) {
    return {
      result: {
        outcome: "error",
        errors: valid.error.issues.map((issue) => ({ column: "row", message: `the record's ${issue.path.join(".")} ${issue.message} with this change` })),
      },
    };
  }
  if (existing.state === "DRAFT") {
    return {
      result: { outcome: "updated", id, changes },
      write: async (tx) => {
        const data = ZAgreementInput.parse({ ...merged, parties: await context.organizations.materialize(tx, context.actor, merged.parties ?? []) });
        await saveAgreementVersion(tx, context.actor, {
          id,
          expectedVersion: existing.version,
          data,
          previous: { state: existing.state, status: current.status },
          summary: `Imported changes to ${changes.map((change) => change.field).join(", ")}`,
          action: "agreement.import.update",
          columns: { importedRow: row },
        });
        // A change proposed while the record was published is superseded by this row.
        await tx.proposedChange.deleteMany({ where: { agreementId: id } });
      },
    };
  }
  // Readers keep seeing the record as it is until an editor approves.
  if (existing.proposedChange && sameRow(existing.proposedChange.importedRow, row)) return { result: { outcome: "proposed", id, changes } };
  return {
    result: { outcome: "proposed", id, changes },
    write: async (tx) => {
      const parties = await context.organizations.materialize(tx, context.actor, patch.parties);
      await proposeImportChange(tx, context.actor, id, { ...patch, parties }, row);
    },
  };
}

/** Records the row as the record's import baseline without a new version (nothing readers see changes). */
async function rememberImportedRow(tx: Tx, id: string, row: CanonicalRow): Promise<void> {
  await tx.$executeRaw`UPDATE "Agreement" SET "importedRow" = ${JSON.stringify(row)}::jsonb WHERE id = ${id}::uuid`;
}

/**
 * A dry run writes nothing, so rows alike one another would each look new. The import creates
 * the first, then holds back a later row that cites the same source address, or whose title is
 * as alike as `STRONG_TITLE` under a state the check reads for it. Say so here too. (Rows alike
 * only through their organisations are left to the import.)
 */
export async function holdBackLookalikeRows(db: Db, results: ImportRowResult[], wouldCreate: Map<number, ValidRow>): Promise<void> {
  const creating = results.filter((result) => result.outcome === "created" && wouldCreate.has(result.row));
  const rows = creating.map((result) => wouldCreate.get(result.row)!.data);
  const organizationIdsOf = (data: TAgreementData) => data.parties.flatMap((party) => party.organizationId ?? []);
  const organizations = await db.organization.findMany({
    where: { id: { in: [...new Set(rows.flatMap(organizationIdsOf))] } },
    select: { id: true, countryCode: true },
  });
  const countryOf = new Map(organizations.map((organization) => [organization.id, organization.countryCode]));
  const states = rows.map((data) =>
    statesNamedBy(
      { title: data.title, countries: data.parties.flatMap((party) => party.countryCode ?? []) },
      organizationIdsOf(data).map((id) => countryOf.get(id) ?? null),
    ),
  );
  const african = (codes: string[]) => codes.filter((code) => sideOfCountry(code) === "AFRICA");
  const alikeEarlier = new Map<number, [number, number][]>();
  for (const [earlier, later, similarity] of alikePairs(
    rows.map((data) => trigramsOf(data.title)),
    STRONG_TITLE,
  )) {
    const alike = alikeEarlier.get(later);
    if (alike) alike.push([earlier, similarity]);
    else alikeEarlier.set(later, [[earlier, similarity]]);
  }
  const created = new Set<number>();
  const citedBy = new Map<string, number>();
  rows.forEach((data, later) => {
    const url = data.sources[0]?.url;
    const citing = url ? citedBy.get(url) : undefined;
    // The earlier record is filed under its African states ("" with none); the check reads "" and the later row's.
    const read = ["", ...african(states[later]!.named)];
    const lookalike = (alikeEarlier.get(later) ?? []).find(([earlier]) => {
      const filed = african(states[earlier]!.ofParties);
      return created.has(earlier) && (filed.length ? filed : [""]).some((code) => read.includes(code));
    });
    const row = (earlier: number) => creating[earlier]!.row;
    const reason =
      citing !== undefined
        ? { column: "source_url", message: `cites the same source URL as row ${row(citing)}` }
        : lookalike
          ? {
              column: "title",
              message:
                slugify(rows[lookalike[0]]!.title) === slugify(data.title)
                  ? `repeats the title of row ${row(lookalike[0])}`
                  : `looks like row ${row(lookalike[0])} (title ${Math.round(lookalike[1] * 100)}% alike)`,
            }
          : null;
    if (reason)
      Object.assign(creating[later]!, { outcome: "duplicate-suspect", errors: [{ ...reason, message: `${reason.message}, which the import creates first` }] });
    else {
      created.add(later);
      if (url) citedBy.set(url, later);
    }
  });
}
