import type { Lang } from "./strings";

export type DatePrecision = "DAY" | "MONTH" | "YEAR" | "UNKNOWN";

/** A date as the API sends it: the first day of the known period and how precise it is. */
export interface RecordDate {
  date: string | null;
  precision: DatePrecision;
}

export interface FormattedDate {
  /** Value for `<time datetime>`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the record. */
  datetime: string;
  text: string;
}

// Per precision: how much of `YYYY-MM-DD` is known, and how to say it. A Map, as the precision is untrusted input.
const FORMATS = new Map<string, [number, Intl.DateTimeFormatOptions]>([
  ["DAY", [10, { day: "numeric", month: "short", year: "numeric" }]],
  ["MONTH", [7, { month: "long", year: "numeric" }]],
  ["YEAR", [4, { year: "numeric" }]],
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
