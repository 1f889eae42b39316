import { parse } from "csv-parse";
import { DomainError, InvalidInputError } from "./errors";
import { IMPORT_COLUMNS, type ImportValues, REQUIRED_IMPORT_COLUMNS } from "./import-rows";

/** A record of the file: its CSV line or JSON index, and its values by column. */
export interface SourceRow {
  row: number;
  values: ImportValues;
}

export async function* csvRows(content: string): AsyncGenerator<SourceRow> {
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

export function* jsonRows(content: string): Generator<SourceRow> {
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
