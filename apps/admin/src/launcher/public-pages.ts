import { LIST_FILTER_PARAMS, queryString, readQueryParams, WIDGET_PARAMS } from "@coop/core/publishing";

/** A public page request the HTTP server answers through the response cache. */
export interface PublicPage {
  /** The page with only the parameters it reads, in one order: what Next renders and the cache keeps. */
  canonicalPath: string;
  /** What an uncached render spends of the client's rate limit (the procedures it calls). */
  cost: number;
}

/** Every parameter `/records` reads: the list filters and paging, the feed links' widget filters, the language. */
const RECORDS_PARAMS = [...new Set([...LIST_FILTER_PARAMS, ...WIDGET_PARAMS, "lang", "cursor"] as const)];
const RECORD_PAGE = /^\/records\/([^/]+)$/;

/**
 * `/` (feed.latest + facets), `/records` (list + facets + taxonomy) and
 * `/records/<slug>` (one record); null for any other path.
 */
export function publicPageOf(url: URL): PublicPage | null {
  if (url.pathname === "/") return { canonicalPath: "/", cost: 6 };
  if (url.pathname === "/records") return { canonicalPath: `/records${queryString(readQueryParams(url.searchParams, RECORDS_PARAMS))}`, cost: 9 };
  const record = RECORD_PAGE.exec(url.pathname);
  if (record) return { canonicalPath: `${url.pathname}${queryString(readQueryParams(url.searchParams, ["lang"]))}`, cost: 1 };
  return null;
}

/** Requests Next's client router makes for a page's data (RSC payloads), not the HTML document. */
export function isRouterRequest(headers: Record<string, string | string[] | undefined>, url: URL): boolean {
  return headers.rsc !== undefined || headers["next-router-prefetch"] !== undefined || url.searchParams.has("_rsc");
}
