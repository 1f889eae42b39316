import { SchemaEngineError } from "./engine";

/** Engine log handler: forwards its human-oriented INFO/WARN messages and remembers the migration being applied. */
export function engineLogReader(log: (line: string) => void): { onLine: (line: string) => void; currentMigration: () => string | undefined } {
  let current: string | undefined;
  return {
    currentMigration: () => current,
    onLine(line) {
      let record: { level?: unknown; fields?: { message?: unknown } };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        return;
      }
      const message = record.fields?.message;
      if (typeof message !== "string") return;
      if (record.level === "WARN") log(`Warning: ${message}`);
      if (record.level !== "INFO") return;
      const applying = /^Applying `([^`]+)`/.exec(message);
      if (applying) current = applying[1];
      if (!message.startsWith("Starting schema-engine")) log(message);
    },
  };
}

/** One line describing an engine failure; names the migration when it is known. */
export function describeFailure(error: unknown, context: string, migration?: string): string {
  const code = error instanceof SchemaEngineError ? error.code : undefined;
  let text = (error instanceof Error ? error.message : String(error))
    .replace(/Read more about how to resolve migration issues[^\n]*?(?:https:\/\/\S+)?(?=\n|$)/g, "")
    .replace(/^\s*external connector error\s*$/gm, "")
    .replace(/Error querying the database:\s*/g, "");

  // P3018 (native engine wording): "... Migration name: X ... Database error code: C ... Database error: ..."
  const named = /Migration name: (\S+)/.exec(text)?.[1];
  if (named) {
    const dbError = /Database error:\s*\n([\s\S]*?)(?:\n\s*\n|\n\s*DbError|$)/.exec(text)?.[1];
    const dbCode = /Database error code: (\S+)/.exec(text)?.[1];
    return `Migration ${named} failed: ${oneLine(dbError ?? text)}${dbCode ? ` (SQLSTATE ${dbCode})` : ""}`;
  }
  // P3006: "Migration `X` failed to apply cleanly to the shadow database. \nError:\n..."
  const shadow = /^Migration `([^`]+)` failed to apply cleanly to the shadow database\.\s*(?:Error:)?/.exec(text);
  if (shadow) {
    return `Migration ${shadow[1]} failed to apply cleanly to the shadow database: ${oneLine(text.slice(shadow[0].length))}${code ? ` [${code}]` : ""}`;
  }
  text = oneLine(text);
  const suffix = code && !text.includes(code) ? ` [${code}]` : "";
  if (migration && !text.includes(migration)) return `Migration ${migration} failed: ${text}${suffix}`;
  return `${context}: ${text}${suffix}`;
}

function oneLine(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
