/** Uncached public work: what it spends of its client's rate limit, and the surface a refusal is counted under. */
export interface PublicWork {
  surface: "api" | "feed" | "oembed" | "export" | "page";
  cost: number;
}

/** The publishing endpoints' work; a public API call costs its procedures' `meta.cost`. */
export const PUBLISHING_WORK = {
  /** One page of the newest records. */
  feed: { surface: "feed", cost: 1 },
  /** One record, or a list's filters checked against the taxonomy. */
  oembed: { surface: "oembed", cost: 2 },
  /** A sitemap file: a thousand records, or the countries and organisations. */
  sitemap: { surface: "feed", cost: 2 },
  /** Every matching row: the most expensive public request, and never kept. */
  export: { surface: "export", cost: 20 },
} as const satisfies Record<string, PublicWork>;
