import type { Lang } from "@coop/core/validators";

/** A date as the public API gives it: the first day of the known period and how precise it is. */
export interface PartialDate {
  date: string | null;
  precision: "DAY" | "MONTH" | "YEAR" | "UNKNOWN";
}

/** Dates and numbers the way readers of `lang` write them (`Intl`), in UTC so no date slips a day. */
export function formatsFor(lang: Lang) {
  // English readers here are mostly outside the US: "19 October 2025", not "October 19, 2025".
  const locale = lang === "en" ? "en-GB" : lang;
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const number = new Intl.NumberFormat(locale);
  return {
    /** "19 October 2025", "October 2025", "2025", or null when unknown: never more precise than the source. */
    partialDate({ date, precision }: PartialDate): string | null {
      if (!date || precision === "UNKNOWN") return null;
      if (precision === "YEAR") return date.slice(0, 4);
      return (precision === "MONTH" ? month : day).format(new Date(`${date}T00:00:00Z`));
    },
    /** An instant such as `publishedAt`, as a day. */
    instant: (iso: string) => day.format(new Date(iso)),
    /** A decimal from the API (a string), as "10,000" or "10 000". */
    quantity: (value: string) => number.format(Number(value)),
    count: (value: number) => number.format(value),
    percent: (ratio: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio),
    amount({ value, currency }: { value: string; currency: string | null }): string {
      if (!currency) return number.format(Number(value));
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(Number(value));
      } catch {
        // An unknown currency code still shows, just without a symbol.
        return `${number.format(Number(value))} ${currency}`;
      }
    },
  };
}

export type Formats = ReturnType<typeof formatsFor>;

/** The `datetime` attribute of a `<time>` for a partial date: `2025`, `2025-10` or `2025-10-19`. */
export function dateTimeAttribute({ date, precision }: PartialDate): string | undefined {
  if (!date || precision === "UNKNOWN") return undefined;
  return date.slice(0, { YEAR: 4, MONTH: 7, DAY: 10 }[precision]);
}

/** Text cut at a word boundary to at most `max` characters, for meta descriptions. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
