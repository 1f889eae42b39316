import { parse } from "csv-parse";
import { z } from "zod";
import type { Actor } from "./access";
import type { Db } from "../db/client";
import { retryOnUniqueViolation } from "../db/errors";
import type { Prisma } from "../generated/prisma/client";
import { type TAgreementData, type TAgreementInput, ZAgreementInput } from "../validators/agreement-editing";
import { assertKnownReferences, duplicateProbe, insertDraftAgreement, saveAgreementVersion, takeTurnsWithTitle } from "./agreement-editing";
import { findLikelyDuplicates } from "./duplicates";
import { DomainError, InvalidInputError } from "./errors";
import { applyImportPatch, importPatch } from "./import-merge";
import {
  type CanonicalRow,
  canonicalRow,
  changedColumns,
  columnOfIssue,
  IMPORT_COLUMNS,
  type ImportValues,
  listOf,
  REQUIRED_IMPORT_COLUMNS,
  rowToAgreementInput,
  sameRow,
} from "./import-rows";
import { findOrCreateOrganizationByName, organizationNames } from "./organizations";
import { proposeImportChange } from "./proposed-changes";
import { type FieldChange, recordFieldDiff } from "./record-diff";
import { currentRecordInput } from "./revision-history";
import { slugify } from "./slugs";

type Tx = Prisma.TransactionClient;

export const MAX_IMPORT_ROWS = 10_000;
/** Rows in flight at once; the default pool (10 connections) leaves room for other requests. */
const IMPORT_CONCURRENCY = 4;

export const ZImportInput = z.object({
  format: z.enum(["csv", "json"]),
  /** The file's text; 8 MB at most through the API. */
  content: z.string().min(1, "the file is empty"),
  /** Report what would happen without writing anything. */
  dryRun: z.boolean().default(true),
});

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

export interface ImportProgress {
  processed: number;
}

interface SourceRow {
  row: number;
  values: ImportValues;
}

async function* csvRows(content: string): AsyncGenerator<SourceRow> {
  const parser = parse(content, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    info: true,
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim().toLowerCase());
      const unknown = names.filter((name) => !(IMPORT_COLUMNS as readonly string[]).includes(name));
      const missing = REQUIRED_IMPORT_COLUMNS.filter((name) => !names.includes(name));
      if (unknown.length || missing.length) {
        throw new InvalidInputError(
          ["content"],
          [
            unknown.length ? `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `"${n}"`).join(", ")}` : "",
            missing.length ? `missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` : "",
          ]
            .filter(Boolean)
            .join("; ") + `; the columns are: ${IMPORT_COLUMNS.join(", ")}`,
        );
      }
      return names;
    },
  });
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: ImportValues; info: { lines: number } }>) {
      yield { row: info.lines, values: record };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new InvalidInputError(["content"], `is not valid CSV: ${(error as Error).message}`);
  }
}

function* jsonRows(content: string): Generator<SourceRow> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new InvalidInputError(["content"], `is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new InvalidInputError(["content"], "must be a JSON array with one object per record");
  for (const [index, item] of parsed.entries()) {
    const values = item && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : null;
    const unknown = values ? Object.keys(values).filter((key) => !(IMPORT_COLUMNS as readonly string[]).includes(key)) : [];
    if (!values || unknown.length) {
      throw new InvalidInputError(["content", index], values ? `unknown key${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}` : "must be an object");
    }
    yield {
      row: index + 1,
      values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : v == null ? "" : String(v)])),
    };
  }
}

/**
 * Imports agreements from CSV or JSON, one row per agreement, each row in its own
 * transaction: a row is written whole or not at all, and reported either way. Rows match
 * records by external_id only; a changed row changes only what its changed columns carry
 * (see import-merge.ts), directly on a draft, as a proposed change on any other record. A
 * dry run reports the same outcomes, with each row's field diff, and writes nothing. An
 * unexpected failure stops the import after the rows in flight; those written stay written,
 * and running the file again completes it.
 */
export async function importAgreements(
  db: Db,
  actor: Actor,
  rawInput: z.input<typeof ZImportInput>,
  onProgress: (progress: ImportProgress) => void = () => {},
) {
  const input = ZImportInput.parse(rawInput);
  const badByte = input.content.indexOf("\uFFFD");
  if (badByte !== -1) {
    const line = input.content.slice(0, badByte).split("\n").length;
    throw new InvalidInputError(["content"], `is not UTF-8 text (invalid bytes on line ${line}); save the file as UTF-8 and try again`);
  }
  const context: ImportContext = { db, actor, dryRun: input.dryRun, organizations: await OrganizationResolver.load(db) };
  const seenKeys = new Map<string, number>();
  const results: ImportRowResult[] = [];
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const rows = input.format === "csv" ? csvRows(input.content) : jsonRows(input.content);

  try {
    for await (const source of rows) {
      if (failures.length) break;
      if (results.length + inFlight.size >= MAX_IMPORT_ROWS)
        throw new InvalidInputError(["content"], `has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split the file`);
      const key = listOf(source.values.external_id)[0] ?? listOf(source.values.source_url)[0];
      const earlier = key ? seenKeys.get(key) : undefined;
      if (key && earlier === undefined) seenKeys.set(key, source.row);
      const outcome =
        earlier !== undefined
          ? Promise.resolve<ImportRowResult>({
              row: source.row,
              outcome: "error",
              title: listOf(source.values.title)[0] ?? null,
              errors: [{ column: source.values.external_id ? "external_id" : "source_url", message: `repeats row ${earlier}` }],
            })
          : importRow(context, source);
      // A few rows at a time; a task never rejects, so nothing is left unhandled.
      const task: Promise<void> = outcome
        .then(
          (result) => {
            results.push(result);
            if (results.length % 100 === 0) onProgress({ processed: results.length });
          },
          (error: unknown) => {
            failures.push(error);
          },
        )
        .then(() => {
          inFlight.delete(task);
        });
      inFlight.add(task);
      if (inFlight.size >= IMPORT_CONCURRENCY) await Promise.race(inFlight);
    }
  } finally {
    await Promise.all(inFlight);
  }
  if (failures.length) throw failures[0];
  onProgress({ processed: results.length });
  results.sort((a, b) => a.row - b.row);
  if (input.dryRun) holdBackRepeatedTitles(results);
  const count = (outcome: ImportOutcome) => results.filter((result) => result.outcome === outcome).length;
  return {
    dryRun: input.dryRun,
    total: results.length,
    created: count("created"),
    updated: count("updated"),
    proposed: count("proposed"),
    unchanged: count("unchanged"),
    duplicateSuspects: count("duplicate-suspect"),
    errors: count("error"),
    rows: results,
  };
}

/**
 * A dry run plans rows without writing, so rows of one title would each look new; the import
 * itself creates the first and holds the others back as look-alikes of it. Say so here too.
 */
function holdBackRepeatedTitles(results: ImportRowResult[]): void {
  const firstRow = new Map<string, ImportRowResult>();
  for (const result of results) {
    if (result.outcome !== "created" || !result.title) continue;
    const first = firstRow.get(slugify(result.title));
    if (!first) firstRow.set(slugify(result.title), result);
    else
      Object.assign(result, {
        outcome: "duplicate-suspect",
        errors: [{ column: "title", message: `repeats the title of row ${first.row}, which the import creates first` }],
      });
  }
}

interface ImportContext {
  db: Db;
  actor: Actor;
  dryRun: boolean;
  organizations: OrganizationResolver;
}

/** What to report for a row and, when it changes anything, the writes (in the row's transaction). */
interface RowPlan {
  result: Omit<ImportRowResult, "row" | "title">;
  write?: (tx: Tx) => Promise<string | void>;
}

const rowError = (column: string, message: string): RowPlan => ({ result: { outcome: "error", errors: [{ column, message }] } });

async function importRow(context: ImportContext, source: SourceRow): Promise<ImportRowResult> {
  const { db } = context;
  const title = listOf(source.values.title)[0] ?? null;
  const built = rowToAgreementInput(source.values, context.organizations.resolve(source.values));
  const parsed = ZAgreementInput.safeParse(built);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ column: columnOfIssue(issue.path, built), message: issue.message }));
    const unique = errors.filter((error, i) => errors.findIndex((other) => other.column === error.column && other.message === error.message) === i);
    return { row: source.row, outcome: "error", title, errors: unique };
  }
  const row = canonicalRow(source.values);
  try {
    // Organisations were resolved (or stood in for, until written) by the resolver.
    await assertKnownReferences(db, parsed.data, ["data"], { organizations: false });
    if (context.dryRun) return { row: source.row, title, ...(await planRow(db, context, built, parsed.data, row)).result };
    // The common case of a file imported again, answered without a transaction.
    const unchanged = parsed.data.externalId
      ? await db.agreement.findFirst({ where: { externalId: parsed.data.externalId, deletedAt: null }, select: { id: true, importedRow: true } })
      : null;
    if (unchanged && sameRow(unchanged.importedRow, row)) return { row: source.row, outcome: "unchanged", title, id: unchanged.id };
    // A lost race on a unique key (a slug, an external_id) is run again and sees the winner.
    return await retryOnUniqueViolation(() =>
      db.$transaction(async (tx) => {
        // Rows of one title decide one after the other: the second sees the first as a look-alike.
        await takeTurnsWithTitle(tx, parsed.data.title);
        const plan = await planRow(tx, context, built, parsed.data, row);
        const id = await plan.write?.(tx);
        return { row: source.row, title, ...plan.result, ...(id ? { id } : {}) };
      }),
    );
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return { row: source.row, outcome: "error", title, errors: [{ column: columnOfIssue(error.path.slice(1), built), message: error.reason }] };
    }
    if (error instanceof DomainError) return { row: source.row, outcome: "error", title, errors: [{ column: "row", message: error.message }] };
    throw error;
  }
}

async function planRow(db: Db | Tx, context: ImportContext, built: TAgreementInput, data: TAgreementData, row: CanonicalRow): Promise<RowPlan> {
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
  const duplicates = (await findLikelyDuplicates(db, duplicateProbe(data))).filter((candidate) => candidate.strong);
  if (duplicates.length) {
    return { result: { outcome: "duplicate-suspect", duplicates: duplicates.map(({ id, title, score, reasons }) => ({ id, title, score, reasons })) } };
  }
  return {
    result: { outcome: "created" },
    write: async (tx) => {
      const parties = await context.organizations.materialize(tx, context.actor, data.parties);
      return insertDraftAgreement(tx, context.actor, { ...data, parties }, { importedRow: row });
    },
  };
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
 * Organisation names in a file to ids: existing ones by name or alias (any case); a new name
 * gets a stand-in id until a row naming it is written, which creates it in that row's
 * transaction (a dry run never does).
 */
class OrganizationResolver {
  private readonly known = new Map<string, string>();
  private readonly standIns = new Map<string, { id: string; name: string; countryCode: string | null }>();

  static async load(db: Db): Promise<OrganizationResolver> {
    const resolver = new OrganizationResolver();
    for (const organization of await db.organization.findMany({ select: { id: true, name: true, aliases: true } })) {
      for (const name of [organization.name, ...organization.aliases]) resolver.known.set(name.toLowerCase(), organization.id);
    }
    return resolver;
  }

  resolve(values: ImportValues): { AFRICA: string[]; PARTNER: string[] } {
    const side = (names: string[], countries: string[]) => names.map((name) => this.idOf(name, countries.length === 1 ? countries[0]!.toUpperCase() : null));
    return {
      AFRICA: side(listOf(values.african_organizations), listOf(values.african_countries)),
      PARTNER: side(listOf(values.partner_organizations), listOf(values.partner_countries)),
    };
  }

  private idOf(name: string, countryCode: string | null): string {
    const key = name.toLowerCase();
    const known = this.known.get(key);
    if (known) return known;
    let standIn = this.standIns.get(key);
    if (!standIn) this.standIns.set(key, (standIn = { id: crypto.randomUUID(), name, countryCode }));
    return standIn.id;
  }

  /** Inside a row's transaction: the parties with stand-ins replaced by organisations found or created now. */
  async materialize<T extends { organizationId?: string | null }>(tx: Tx, actor: Actor, parties: T[]): Promise<T[]> {
    const used = [...this.standIns.values()].filter((standIn) => parties.some((party) => party.organizationId === standIn.id));
    const real = new Map<string, string>();
    // One at a time, in name order: rows in parallel then take the name locks in one order, never deadlocking.
    for (const standIn of used.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))) {
      real.set(standIn.id, await findOrCreateOrganizationByName(tx, actor, standIn.name, standIn.countryCode));
    }
    return parties.map((party) =>
      party.organizationId && real.has(party.organizationId) ? { ...party, organizationId: real.get(party.organizationId) } : party,
    );
  }

  /** Names for a diff: stored organisations, and the new ones the file names. */
  async namesFor(db: Db | Tx, parties: { organizationId?: string | null }[]): Promise<Map<string, string>> {
    const names = await organizationNames(
      db,
      parties.flatMap((party) => (party.organizationId ? [party.organizationId] : [])),
    );
    for (const standIn of this.standIns.values()) names.set(standIn.id, `${standIn.name} (new organisation)`);
    return names;
  }
}
