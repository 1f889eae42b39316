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

const FORMATS: Partial<Record<DatePrecision, Intl.DateTimeFormatOptions>> = {
  DAY: { day: "numeric", month: "short", year: "numeric" },
  MONTH: { month: "long", year: "numeric" },
  YEAR: { year: "numeric" },
};

const DATETIME_LENGTH: Partial<Record<DatePrecision, number>> = { DAY: 10, MONTH: 7, YEAR: 4 };

/**
 * Formats a record date no more precisely than it is known ("October 2025", not
 * "1 October 2025"); null when the date is unknown or malformed.
 */
export function formatRecordDate(value: RecordDate, lang: Lang): FormattedDate | null {
  const options = FORMATS[value.precision];
  const length = DATETIME_LENGTH[value.precision];
  if (!options || !length || !value.date || !/^\d{4}-\d{2}-\d{2}$/.test(value.date)) return null;
  const time = Date.parse(`${value.date}T00:00:00Z`);
  if (Number.isNaN(time)) return null;
  // UTC on both sides, so a date never slips to the previous day west of Greenwich.
  const text = new Intl.DateTimeFormat(lang, { ...options, timeZone: "UTC" }).format(time);
  return { datetime: value.date.slice(0, length), text };
}

const regionNames = new Map<Lang, Intl.DisplayNames>();

/** The country's name in `lang` from the browser's own data (no name tables in the bundle). */
export function countryName(code: string, lang: Lang): string {
  try {
    let names = regionNames.get(lang);
    if (!names) {
      names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" });
      regionNames.set(lang, names);
    }
    return names.of(code) ?? code;
  } catch {
    // A code Intl rejects (wrong shape) still shows, as sent.
    return code;
  }
}
