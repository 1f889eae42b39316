import type { Lang } from "@coop/core/validators";
import { cutToPrecision, partialDateFormat, type PublicDate } from "@coop/core/validators/partial-date";

/** Dates and numbers the way readers of `lang` write them (`Intl`), in UTC so no date slips a day. */
export function formatsFor(lang: Lang) {
  // English readers here are mostly outside the US: "19 October 2025", not "October 19, 2025".
  const locale = lang === "en" ? "en-GB" : lang;
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const number = new Intl.NumberFormat(locale);
  return {
    /** "19 October 2025", "October 2025", "2025", or null when unknown: never more precise than the source. */
    partialDate: partialDateFormat(locale),
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
export function dateTimeAttribute({ date, precision }: PublicDate): string | undefined {
  return cutToPrecision(date, precision) ?? undefined;
}

/** Text cut at a word boundary to at most `max` characters, for meta descriptions. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
