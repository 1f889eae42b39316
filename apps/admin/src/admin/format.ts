import { cutToPrecision } from "@coop/core/validators/partial-date";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A timestamp as "23 Nov 2026, 01:41 UTC"; the same text on server and client. */
export function formatDateTime(value: string | Date): string {
  return `${dateTime.format(new Date(value))} UTC`;
}

/** An enum value such as UNDER_NEGOTIATION as "under negotiation". */
export function enumLabel(value: string): string {
  return value.replaceAll("_", " ").toLowerCase();
}

/** A stored date with its precision as the text an editor types: 2025, 2025-10 or 2025-10-19; empty when unknown. */
export function partialDateText(on: string | Date | null, precision: string): string {
  return cutToPrecision(on, precision) ?? "";
}
