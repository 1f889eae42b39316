import type { FeedItem } from "@coop/core/domain";
import type { RecordDate } from "./format";
import type { FeedOptions } from "./options";

/** The fields of a `feed.latest` item the widget shows. */
export type ShownItem = Pick<FeedItem, "slug" | "title" | "countries" | "partners" | "publisher" | "lang" | "status" | "confidence"> &
  // Labels in the asked language; a site too old to send them shows the codes.
  Partial<Pick<FeedItem, "statusLabel" | "confidenceLabel">> & {
    date: RecordDate;
  };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The `feed.latest` GET URL; keys in a fixed order so equal widgets share one cached response. */
export function feedUrl(options: FeedOptions): string {
  const input: Record<string, unknown> = {};
  for (const key of ["country", "partner", "sector", "status"] as const) {
    if (options[key].length) input[key] = options[key];
  }
  if (options.hideUnverified) input.confidence = ["CONFIRMED", "REPORTED"];
  input.limit = options.limit;
  input.lang = options.lang;
  return new URL(`api/trpc/feed.latest?input=${encodeURIComponent(JSON.stringify(input))}`, options.api).href;
}

/** The record's public page under `api` in `lang` (English has no prefix), or null for anything but a plain slug (so never a link elsewhere). */
export function recordUrl(api: string, slug: string, lang: string): string | null {
  return SLUG.test(slug) ? new URL(`${lang === "en" ? "" : `${lang}/`}records/${slug}`, api).href : null;
}

/** Fetches the items without cookies; rejects with a short message on any failure. */
export async function fetchFeed(url: string, signal: AbortSignal): Promise<ShownItem[]> {
  const response = await fetch(url, { credentials: "omit", signal });
  const body = (await response.json().catch(() => undefined)) as { result?: { data?: { items?: unknown } }; error?: { message?: unknown } } | undefined;
  if (!response.ok) throw new Error(String(body?.error?.message ?? `HTTP ${response.status}`));
  const items = body?.result?.data?.items;
  if (!Array.isArray(items)) throw new Error("Unexpected response.");
  return items.filter(isShownItem);
}

// The response is untrusted input: an item of the wrong shape is left out, so rendering never throws.
function isShownItem(item: unknown): item is ShownItem {
  const { title, status, date, countries, partners } = (item ?? {}) as Partial<Record<keyof ShownItem, unknown>>;
  return [title, status].every((text) => typeof text === "string") && typeof date === "object" && date !== null && [countries, partners].every(Array.isArray);
}
