import type { KNOWN_LENGTH, PublicDate } from "@coop/core/validators/partial-date";
import type { Lang } from "./strings";

/** A date as the API sends it: the first day of the known period and how precise it is. */
export type RecordDate = PublicDate;

export interface FormattedDate {
  /** Value for `<time datetime>`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the record. */
  datetime: string;
  text: string;
}

// The core's cut of a partial date (`cutToPrecision`), copied because the widget takes only types
// from the core; `satisfies` makes a change to the core's lengths fail the widget's typecheck.
const KNOWN = { YEAR: 4, MONTH: 7, DAY: 10 } as const satisfies typeof KNOWN_LENGTH;

// Per precision: how much of `YYYY-MM-DD` is known, and how to say it compactly. A Map, as the precision is untrusted input.
const FORMATS = new Map<string, [number, Intl.DateTimeFormatOptions]>([
  ["DAY", [KNOWN.DAY, { day: "numeric", month: "short", year: "numeric" }]],
  ["MONTH", [KNOWN.MONTH, { month: "long", year: "numeric" }]],
  ["YEAR", [KNOWN.YEAR, { year: "numeric" }]],
]);

/**
 * Formats a record date no more precisely than it is known ("October 2025", not
 * "1 October 2025"); null when the date is unknown or malformed.
 */
export function formatRecordDate(value: RecordDate, lang: Lang): FormattedDate | null {
  const [length, options] = FORMATS.get(value.precision) ?? [];
  const time = Date.parse(`${value.date}T00:00:00Z`);
  if (!options || !/^\d{4}-\d\d-\d\d$/.test(String(value.date)) || Number.isNaN(time)) return null;
  // UTC on both sides, so a date never slips to the previous day west of Greenwich.
  return { datetime: String(value.date).slice(0, length), text: new Intl.DateTimeFormat(lang, { ...options, timeZone: "UTC" }).format(time) };
}

/** The country's name in `lang` from the browser's own data (no name tables in the bundle). */
export function countryName(code: string, lang: Lang): string {
  try {
    // CLDR writes "Congo - Brazzaville"; the hyphenated form reads better beside our dashes.
    return new Intl.DisplayNames([lang], { type: "region" }).of(code)?.replace(" - ", "-") ?? code;
  } catch {
    // A code Intl rejects (wrong shape) still shows, as sent.
    return code;
  }
}
