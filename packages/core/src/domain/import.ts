import { z } from "zod";
import type { Actor } from "./access";
import type { Db } from "../db/client";
import { isUniqueViolation, retryOnUniqueViolation } from "../db/errors";
import type { Prisma } from "../generated/prisma/client";
import { ZAgreementInput } from "../validators/agreement-editing";
import { assertKnownReferences, duplicateProbe, insertDraftAgreements, takenSlugs, takeTurnsWithTitle, takeTurnsWithTitles } from "./agreement-editing";
import { findLikelyDuplicatesOfEach, STRONG_TITLE, WEAKEST_STRONG_TITLE } from "./duplicates";
import { DomainError, InvalidInputError } from "./errors";
import { csvRows, jsonRows, type SourceRow } from "./import-files";
import { OrganizationResolver } from "./import-organizations";
import { heldBack, holdBackLookalikeRows, type ImportContext, type ImportOutcome, type ImportRowResult, planRow, type ValidRow } from "./import-plan";
import { canonicalRow, columnOfIssue, listOf, rowToAgreementInput, sameRow } from "./import-rows";
import { slugify } from "./slugs";
import { alikePairs, trigramsOf } from "./title-trigrams";

export type { ImportOutcome, ImportRowResult } from "./import-plan";

type Tx = Prisma.TransactionClient;

export const MAX_IMPORT_ROWS = 10_000;
/** Rows in flight at once; the default pool (10 connections) leaves room for other requests. */
const IMPORT_CONCURRENCY = 4;
/** Rows decided together: their records looked up at once, the new ones written in one transaction. */
const ROWS_PER_CHUNK = 100;

export const ZImportInput = z.object({
  format: z.enum(["csv", "json"]),
  /** The file's text; 8 MB at most through the API. */
  content: z.string().min(1, "the file is empty"),
  /** Report what would happen without writing anything. */
  dryRun: z.boolean().default(true),
});

export interface ImportProgress {
  processed: number;
}

/**
 * Imports agreements from CSV or JSON, one row per agreement, written whole or not at all,
 * and reported either way, a hundred rows at a time (see `importChunk`): a row that changes a
 * record in its own transaction, the rows of new records together in one. Rows match
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
  const context: ImportContext = { db, actor, dryRun: input.dryRun, organizations: await OrganizationResolver.load(db), wouldCreate: new Map() };
  const seenKeys = new Map<string, number>();
  const results: ImportRowResult[] = [];
  const report = (result: ImportRowResult) => {
    results.push(result);
    if (results.length % 100 === 0) onProgress({ processed: results.length });
  };
  const validRows: ValidRow[] = [];
  const chunks = new ChunkWriter(context, report);
  const importValidRows = () => chunks.write(validRows.splice(0));
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const rows = input.format === "csv" ? csvRows(input.content) : jsonRows(input.content);

  try {
    for await (const source of rows) {
      if (failures.length) break;
      if (results.length + validRows.length + inFlight.size >= MAX_IMPORT_ROWS)
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
            if ("data" in result) validRows.push(result);
            else report(result);
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
      if (validRows.length >= ROWS_PER_CHUNK) await importValidRows();
    }
    await Promise.all(inFlight);
    if (failures.length) throw failures[0];
    await importValidRows();
    await chunks.finish();
  } finally {
    // Nothing is written after the import returns or fails.
    await Promise.all(inFlight);
    await chunks.settled();
  }
  onProgress({ processed: results.length });
  results.sort((a, b) => a.row - b.row);
  if (input.dryRun) await holdBackLookalikeRows(db, results, context.wouldCreate);
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

async function importRow(context: ImportContext, source: SourceRow): Promise<ImportRowResult | ValidRow> {
  const { db } = context;
  const title = listOf(source.values.title)[0] ?? null;
  const built = rowToAgreementInput(source.values, context.organizations.resolve(source.values));
  const parsed = ZAgreementInput.safeParse(built);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ column: columnOfIssue(issue.path, built), message: issue.message }));
    const unique = errors.filter((error, i) => errors.findIndex((other) => other.column === error.column && other.message === error.message) === i);
    return { row: source.row, outcome: "error", title, errors: unique };
  }
  const pending: ValidRow = { source, title, built, data: parsed.data, row: canonicalRow(source.values) };
  return reportingRowErrors<ImportRowResult | ValidRow>(pending, async () => {
    // Organisations were resolved (or stood in for, until written) by the resolver.
    await assertKnownReferences(db, pending.data, ["data"], { organizations: false });
    if (!context.dryRun) return pending;
    const { result } = await planRow(db, context, pending);
    if (result.outcome === "created") context.wouldCreate.set(source.row, pending);
    return { row: source.row, title, ...result };
  });
}

/** A chunk whose rows are being decided and written. */
interface WritingChunk {
  rows: ValidRow[];
  results: Promise<ImportRowResult[]>;
}

/**
 * Writes chunks in file order, two at a time: a chunk is checked (mostly the database's work)
 * while the one before it is written (mostly this process's), and reported when it is done.
 */
class ChunkWriter {
  private writing: WritingChunk | null = null;

  constructor(
    private readonly context: ImportContext,
    private readonly report: (result: ImportRowResult) => void,
  ) {}

  /** Starts the chunk, once the chunk before the one in flight is reported. */
  async write(rows: ValidRow[]): Promise<void> {
    const earlier = this.writing;
    const results = importChunk(this.context, rows, earlier);
    // A failure surfaces where the results are awaited; until then it must not go unhandled.
    results.catch(() => {});
    this.writing = { rows, results };
    if (earlier) (await earlier.results).forEach(this.report);
  }

  /** Reports the chunk in flight, or throws its failure. */
  async finish(): Promise<void> {
    const last = this.writing;
    this.writing = null;
    if (last) (await last.results).forEach(this.report);
  }

  /** Waits for the chunk in flight to end, however it ends. */
  async settled(): Promise<void> {
    await Promise.allSettled([this.writing?.results]);
  }
}

/**
 * A chunk of valid rows. A row for a record imported before is unchanged, or changes the record
 * in its own transaction (a few at a time: each external_id appears once in a file, so they
 * never touch one record twice). The rows of new records are decided together first (see
 * `createNewRecords`), while the chunk before may still be written: a row that may answer to
 * any row of that chunk, or to a changed row of this one, goes alone, after both.
 */
async function importChunk(context: ImportContext, chunk: ValidRow[], earlier: WritingChunk | null): Promise<ImportRowResult[]> {
  const imported = new Map(
    (
      await context.db.agreement.findMany({
        where: { externalId: { in: externalIdsOf(chunk) } },
        select: { id: true, externalId: true, importedRow: true, deletedAt: true },
      })
    ).map((record) => [record.externalId, record]),
  );
  const results: ImportRowResult[] = [];
  const changing: ValidRow[] = [];
  const adding: ValidRow[] = [];
  for (const pending of chunk) {
    const record = imported.get(pending.data.externalId ?? null);
    if (record && !record.deletedAt && sameRow(record.importedRow, pending.row)) {
      results.push({ row: pending.source.row, title: pending.title, outcome: "unchanged", id: record.id });
    } else (record ? changing : adding).push(pending);
  }
  const decided = await createNewRecords(context, adding, [...(earlier?.rows ?? []), ...changing]);
  results.push(...decided.results);
  // What is left is decided in row order, after every earlier row.
  await earlier?.results;
  for (let next = 0; next < changing.length; next += IMPORT_CONCURRENCY) {
    const some = changing.slice(next, next + IMPORT_CONCURRENCY);
    results.push(...(await Promise.all(some.map((pending) => reportingRowErrors(pending, () => importAlone(context, pending))))));
  }
  for (const pending of decided.alone) results.push(await reportingRowErrors(pending, () => importAlone(context, pending)));
  return results;
}

const externalIdsOf = (rows: ValidRow[]) => rows.flatMap((pending) => (pending.data.externalId ? [pending.data.externalId] : []));

/** The row in its own transaction, planned under its title's lock. */
function importAlone(context: ImportContext, pending: ValidRow): Promise<ImportRowResult> {
  // A lost race on a unique key (a slug, an external_id) is run again and sees the winner.
  return retryOnUniqueViolation(() =>
    context.db.$transaction(async (tx) => {
      // Rows of one title decide one after the other: the second sees the first as a look-alike.
      await takeTurnsWithTitle(tx, pending.data.title);
      const plan = await planRow(tx, context, pending);
      const id = await plan.write?.(tx);
      return { row: pending.source.row, title: pending.title, ...plan.result, ...(id ? { id } : {}) };
    }),
  );
}

/** The row's result, or its refusal by the domain reported against its columns. */
async function reportingRowErrors<T>(pending: ValidRow, work: () => Promise<T>): Promise<T | ImportRowResult> {
  const { source, title, built } = pending;
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return { row: source.row, outcome: "error", title, errors: [{ column: columnOfIssue(error.path.slice(1), built), message: error.reason }] };
    }
    if (error instanceof DomainError) return { row: source.row, outcome: "error", title, errors: [{ column: "row", message: error.message }] };
    throw error;
  }
}

/**
 * Rows of new records, in one transaction under their titles' locks. A row goes alone, decided
 * afterwards in row order as any row is, when it needs something of its own (an organisation to
 * create), when a record now answers to it (its external_id, source address or title's slug:
 * another writer's work), or when an earlier row still `undecided` might (the same source address
 * or slug, a title alike enough to make a strong look-alike). A strong look-alike of an existing
 * record is held back; the others are written together.
 */
async function createNewRecords(context: ImportContext, rows: ValidRow[], undecided: ValidRow[]): Promise<{ results: ImportRowResult[]; alone: ValidRow[] }> {
  if (!rows.length) return { results: [], alone: [] };
  try {
    return await context.db.$transaction(
      async (tx) => {
        await takeTurnsWithTitles(
          tx,
          rows.map((pending) => pending.data.title),
        );
        const alone = await rowsToImportAlone(tx, rows, undecided, (pending) => context.organizations.namesNewOrganization(pending.data.parties));
        const candidates = rows.filter((pending) => !alone.includes(pending));
        const strongLookalikes = await findLikelyDuplicatesOfEach(
          tx,
          candidates.map((pending) => duplicateProbe(pending.data)),
          { strongOnly: true },
        );
        const results: ImportRowResult[] = [];
        const creating: ValidRow[] = [];
        candidates.forEach((pending, i) => {
          const strong = strongLookalikes[i]!;
          if (strong.length) results.push({ row: pending.source.row, title: pending.title, ...heldBack(strong).result });
          else creating.push(pending);
        });
        // In external_id order: two imports adding the same ids wait for each other instead of deadlocking.
        creating.sort((a, b) => (a.data.externalId ?? "").localeCompare(b.data.externalId ?? ""));
        const ids = await insertDraftAgreements(
          tx,
          context.actor,
          creating.map((pending) => ({ data: pending.data, importedRow: pending.row })),
        );
        results.push(...creating.map((pending, i) => ({ row: pending.source.row, title: pending.title, outcome: "created" as const, id: ids[i]! })));
        return { results, alone };
      },
      // A chunk's checks and writes take longer than one row's.
      { timeout: 60_000 },
    );
  } catch (error) {
    // A concurrent writer took a key first: each row goes alone, and is retried.
    if (!isUniqueViolation(error)) throw error;
    return { results: [], alone: rows };
  }
}

/**
 * The rows, in row order, to decide one at a time after the others are written, and after the
 * rows still `undecided` (the chunk before, this chunk's changes), which they are checked against as earlier rows.
 */
async function rowsToImportAlone(tx: Tx, rows: ValidRow[], undecided: ValidRow[], needsItsOwn: (pending: ValidRow) => boolean): Promise<ValidRow[]> {
  const firstUrl = (pending: ValidRow) => pending.data.sources[0]?.url;
  const urls = rows.flatMap((pending) => firstUrl(pending) ?? []);
  const titles = rows.map((pending) => pending.data.title);
  const slugs = titles.map(slugify);
  const [known, cited, usedSlugs] = await Promise.all([
    tx.agreement.findMany({ where: { externalId: { in: externalIdsOf(rows) } }, select: { externalId: true } }),
    tx.source.findMany({ where: { url: { in: urls }, agreement: { deletedAt: null } }, select: { url: true } }),
    takenSlugs(tx, slugs),
  ]);
  const knownIds = new Set(known.map((record) => record.externalId));
  const citedUrls = new Set([...cited.map((source) => source.url), ...undecided.flatMap((pending) => firstUrl(pending) ?? [])]);
  for (const pending of undecided) usedSlugs.add(slugify(pending.data.title));
  const alike = rowsAlikeEarlierOnes([...undecided, ...rows]);
  return rows.filter((pending, i) => {
    const url = firstUrl(pending);
    const alone =
      needsItsOwn(pending) ||
      knownIds.has(pending.data.externalId ?? null) ||
      (url != null && citedUrls.has(url)) ||
      usedSlugs.has(slugs[i]!) ||
      alike.has(pending);
    if (url) citedUrls.add(url);
    usedSlugs.add(slugs[i]!);
    return alone;
  });
}

/** Where this count and pg_trgm's may differ (the case of a few letters of other scripts), rows go alone all the same. */
const SIMILARITY_MARGIN = 0.05;

/**
 * The rows whose title is as alike an earlier row's as a strong look-alike's must be: as alike
 * as `STRONG_TITLE`, or as `WEAKEST_STRONG_TITLE` when both name organisations.
 */
function rowsAlikeEarlierOnes(rows: ValidRow[]): Set<ValidRow> {
  const namesOrganization = rows.map((pending) => pending.data.parties.some((party) => party.organizationId));
  const pairs = alikePairs(
    rows.map((pending) => trigramsOf(pending.data.title)),
    WEAKEST_STRONG_TITLE - SIMILARITY_MARGIN,
  );
  const alike = new Set<ValidRow>();
  for (const [earlier, later, similarity] of pairs) {
    const reach = namesOrganization[earlier] && namesOrganization[later] ? WEAKEST_STRONG_TITLE : STRONG_TITLE;
    if (similarity >= reach - SIMILARITY_MARGIN) alike.add(rows[later]!);
  }
  return alike;
}
