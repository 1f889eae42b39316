import { createHash } from "node:crypto";
import { parse } from "csv-parse";
import { z } from "zod";
import type { Actor } from "../auth/access";
import type { Db } from "../db/client";
import { ZAgreementInput } from "../validators/editorial";
import { assertKnownReferences, duplicateProbe, insertDraftAgreement, updateAgreement } from "./agreement-editing";
import { findLikelyDuplicates } from "./duplicates";
import { DomainError, InvalidInputError } from "./errors";
import { columnOfIssue, IMPORT_COLUMNS, type ImportValues, listOf, REQUIRED_IMPORT_COLUMNS, rowToAgreementInput } from "./import-rows";
import { createOrganization } from "./organizations";

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

export type ImportOutcome = "created" | "updated" | "unchanged" | "duplicate-suspect" | "error";

export interface ImportRowResult {
  /** Line of the CSV record, or 1-based index in the JSON array. */
  row: number;
  outcome: ImportOutcome;
  title: string | null;
  id?: string;
  errors?: { column: string; message: string }[];
  duplicates?: { id: string; title: string; score: number }[];
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
    yield { row: index + 1, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : v == null ? "" : String(v)])) };
  }
}

function fingerprint(values: ImportValues): string {
  const canonical = IMPORT_COLUMNS.map((column) => [column, listOf(values[column]).join(";")]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/**
 * Imports agreements from CSV or JSON, one row per agreement, each in its own
 * transaction. A dry run reports each row's outcome without writing. Rows are
 * matched to existing records by external_id, else source_url: an unchanged row
 * writes nothing, a changed one becomes a new version.
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
  const organizations = new OrganizationResolver(db, actor, input.dryRun);
  await organizations.load();
  const seenKeys = new Map<string, number>();
  const results: ImportRowResult[] = [];
  const inFlight = new Set<Promise<void>>();
  const rows = input.format === "csv" ? csvRows(input.content) : jsonRows(input.content);

  for await (const source of rows) {
    if (results.length + inFlight.size >= MAX_IMPORT_ROWS) throw new InvalidInputError(["content"], `has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split the file`);
    const key = listOf(source.values.external_id)[0] ?? listOf(source.values.source_url)[0];
    const earlier = key ? seenKeys.get(key) : undefined;
    if (key && earlier === undefined) seenKeys.set(key, source.row);
    // A few rows at a time, each in its own transaction.
    const task = (earlier !== undefined
      ? Promise.resolve<ImportRowResult>({ row: source.row, outcome: "error", title: listOf(source.values.title)[0] ?? null, errors: [{ column: source.values.external_id ? "external_id" : "source_url", message: `repeats row ${earlier}` }] })
      : importRow(db, actor, source, organizations, input.dryRun)
    ).then((result) => {
      results.push(result);
      if (results.length % 100 === 0) onProgress({ processed: results.length });
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    if (inFlight.size >= IMPORT_CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  onProgress({ processed: results.length });
  results.sort((a, b) => a.row - b.row);
  const count = (outcome: ImportOutcome) => results.filter((result) => result.outcome === outcome).length;
  return {
    dryRun: input.dryRun,
    total: results.length,
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    duplicateSuspects: count("duplicate-suspect"),
    errors: count("error"),
    rows: results,
  };
}

async function importRow(db: Db, actor: Actor, source: SourceRow, organizations: OrganizationResolver, dryRun: boolean): Promise<ImportRowResult> {
  const title = listOf(source.values.title)[0] ?? null;
  const built = rowToAgreementInput(source.values, await organizations.resolve(source.values));
  const parsed = ZAgreementInput.safeParse(built);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ column: columnOfIssue(issue.path, built), message: issue.message }));
    const unique = errors.filter((error, i) => errors.findIndex((other) => other.column === error.column && other.message === error.message) === i);
    return { row: source.row, outcome: "error", title, errors: unique };
  }
  const data = parsed.data;
  try {
    // Organisations were resolved (or stood in for, in a dry run) by the resolver.
    await assertKnownReferences(db, data, ["data"], { organizations: false });
    const existing = await findExisting(db, data.externalId ?? null, data.sources[0]?.url ?? null);
    const rowFingerprint = fingerprint(source.values);
    if (existing) {
      if (existing.importFingerprint === rowFingerprint) return { row: source.row, outcome: "unchanged", title, id: existing.id };
      if (dryRun) return { row: source.row, outcome: "updated", title, id: existing.id };
      const sourceId = existing.sources.find((s) => s.url && s.url === data.sources[0]?.url)?.id;
      const statusChange = existing.status !== data.status ? data.statusChange : undefined;
      const withIds = { ...data, statusChange, sources: data.sources.map((s, i) => (i === 0 && sourceId ? { ...s, id: sourceId } : s)) };
      await updateAgreement(db, actor, { id: existing.id, expectedVersion: existing.version, data: withIds });
      await db.agreement.update({ where: { id: existing.id }, data: { importFingerprint: rowFingerprint } });
      return { row: source.row, outcome: "updated", title, id: existing.id };
    }
    const duplicates = (await findLikelyDuplicates(db, duplicateProbe(data))).filter((candidate) => candidate.strong);
    if (duplicates.length) {
      return { row: source.row, outcome: "duplicate-suspect", title, duplicates: duplicates.map(({ id, title: t, score }) => ({ id, title: t, score })) };
    }
    if (dryRun) return { row: source.row, outcome: "created", title };
    const id = await insertDraftAgreement(db, actor, data, { importFingerprint: rowFingerprint });
    return { row: source.row, outcome: "created", title, id };
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return { row: source.row, outcome: "error", title, errors: [{ column: columnOfIssue(error.path.slice(1), built), message: error.reason }] };
    }
    if (error instanceof DomainError) return { row: source.row, outcome: "error", title, errors: [{ column: "row", message: error.message }] };
    throw error;
  }
}

function findExisting(db: Db, externalId: string | null, sourceUrl: string | null) {
  const select = { id: true, version: true, status: true, importFingerprint: true, sources: { select: { id: true, url: true } } } as const;
  if (externalId) return db.agreement.findFirst({ where: { externalId, deletedAt: null }, select });
  if (sourceUrl) return db.agreement.findFirst({ where: { deletedAt: null, sources: { some: { url: sourceUrl } } }, orderBy: { createdAt: "asc" }, select });
  return Promise.resolve(null);
}

/** Organisation names in a file to ids: existing by name or alias (any case); others created once (or, in a dry run, stood in for). */
class OrganizationResolver {
  private readonly byName = new Map<string, Promise<string>>();

  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    private readonly dryRun: boolean,
  ) {}

  async load(): Promise<void> {
    for (const organization of await this.db.organization.findMany({ select: { id: true, name: true, aliases: true } })) {
      for (const name of [organization.name, ...organization.aliases]) this.byName.set(name.toLowerCase(), Promise.resolve(organization.id));
    }
  }

  async resolve(values: ImportValues): Promise<{ AFRICA: string[]; PARTNER: string[] }> {
    const side = async (names: string[], countries: string[]) =>
      Promise.all(names.map((name) => this.idOf(name, countries.length === 1 ? countries[0]!.toUpperCase() : null)));
    return {
      AFRICA: await side(listOf(values.african_organizations), listOf(values.african_countries)),
      PARTNER: await side(listOf(values.partner_organizations), listOf(values.partner_countries)),
    };
  }

  private idOf(name: string, countryCode: string | null): Promise<string> {
    const key = name.toLowerCase();
    let id = this.byName.get(key);
    if (!id) {
      // A dry run must not write: a random id stands in, so the row still validates.
      id = this.dryRun
        ? Promise.resolve(crypto.randomUUID())
        : createOrganization(this.db, this.actor, { name, kind: "OTHER", countryCode }).then((organization) => organization.id);
      this.byName.set(key, id);
    }
    return id;
  }
}
