import type { Lang } from "@coop/core/validators";

/** A date as the public API gives it: the first day of the known period and how precise it is. */
export interface PartialDate {
  date: string | null;
  precision: "DAY" | "MONTH" | "YEAR" | "UNKNOWN";
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "19 October 2025", "October 2025", "2025" or "date unknown": never more precise than the source. */
export function formatPartialDate({ date, precision }: PartialDate): string {
  if (!date || precision === "UNKNOWN") return "date unknown";
  if (precision === "YEAR") return date.slice(0, 4);
  const day = new Date(`${date}T00:00:00Z`);
  return (precision === "MONTH" ? MONTH : DAY).format(day);
}

/** The `datetime` attribute of a `<time>` for a partial date: `2025`, `2025-10` or `2025-10-19`. */
export function dateTimeAttribute({ date, precision }: PartialDate): string | undefined {
  if (!date || precision === "UNKNOWN") return undefined;
  return date.slice(0, { YEAR: 4, MONTH: 7, DAY: 10 }[precision]);
}

/** An instant such as `publishedAt` as a day: "20 October 2025". */
export function formatInstant(iso: string): string {
  return DAY.format(new Date(iso));
}

/** Readable label of an enum value: "UNDER_NEGOTIATION" -> "Under negotiation"; acronyms such as MOU stay. */
export function enumLabel(value: string): string {
  if (value.length <= 3) return value;
  const words = value.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const NUMBER = new Intl.NumberFormat("en-GB");

/** A decimal from the API (a string) as "10,000". */
export function formatQuantity(value: string): string {
  return NUMBER.format(Number(value));
}

export function formatAmount({ value, currency }: { value: string; currency: string | null }): string {
  if (!currency) return formatQuantity(value);
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0 }).format(Number(value));
  } catch {
    // An unknown currency code still shows, just without a symbol.
    return `${formatQuantity(value)} ${currency}`;
  }
}

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", fr: "Français", pt: "Português", ru: "Русский" };

/** Text cut at a word boundary to at most `max` characters, for meta descriptions. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
