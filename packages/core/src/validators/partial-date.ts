// A date known to a year, a month or a day, said no more precisely than it is known.
// Plain code without zod or the database, so the dashboard's browser bundle can load it.
import type { DatePrecision } from "../generated/prisma/enums";

/** How much of `YYYY-MM-DD` each precision knows; the widget's own copy `satisfies` this type. */
export const KNOWN_LENGTH = { YEAR: 4, MONTH: 7, DAY: 10 } as const satisfies Record<Exclude<DatePrecision, "UNKNOWN">, number>;

/** A date as the public API gives it: the first day of the known period and how precise it is. */
export interface PublicDate {
  /** First day of the known period, `YYYY-MM-DD`; null when unknown. */
  date: string | null;
  precision: DatePrecision;
}

/**
 * A stored date (a `Date` or an ISO string) cut to what is known of it: "2025", "2025-10" or
 * "2025-10-19"; null when unknown. A precision the vocabulary lacks keeps the whole day.
 */
export function cutToPrecision(on: string | Date | null | undefined, precision: string): string | null {
  if (!on || precision === "UNKNOWN") return null;
  const iso = typeof on === "string" ? on : on.toISOString();
  const length = Object.hasOwn(KNOWN_LENGTH, precision) ? KNOWN_LENGTH[precision as keyof typeof KNOWN_LENGTH] : KNOWN_LENGTH.DAY;
  return iso.slice(0, length);
}

/**
 * Partial dates the way readers of `locale` write them, made once per locale: "19 October 2025",
 * "October 2025", "2025", or null when unknown. In UTC, so no date slips a day west of Greenwich.
 */
export function partialDateFormat(locale: string): (date: PublicDate) => string | null {
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  return ({ date, precision }) => {
    const known = cutToPrecision(date, precision);
    if (!known || precision === "YEAR") return known;
    return (precision === "MONTH" ? month : day).format(new Date(`${date}T00:00:00Z`));
  };
}
