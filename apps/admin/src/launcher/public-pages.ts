import { localePath, queryString } from "@coop/core/publishing";
import { LIST_FILTER_PARAMS, readQueryParams } from "@coop/core/validators/list-query";
import { ZLang } from "@coop/core/validators";

/** A public page request the HTTP server answers through the response cache. */
export interface PublicPage {
  /** The page with only the parameters it reads, in one order: what Next renders and the cache keeps. */
  canonicalPath: string;
  /** What an uncached render spends of the client's rate limit (the procedures it calls). */
  cost: number;
}

/** A request for an address that moved: where it lives now. */
export interface MovedPage {
  location: string;
}

/** Every parameter `/records` reads: the list filters, sort and paging. */
const RECORDS_PARAMS = [...LIST_FILTER_PARAMS, "sort", "cursor", "direction"] as const;
const LOCALE_PREFIX = /^\/(fr|pt|ru)(?=\/|$)/;
const SEGMENT = "([^/]+)";

/** The public pages, by their path without a language prefix, with what an uncached render costs. */
const PAGES: { pattern: RegExp; cost: number; query: (params: URLSearchParams) => string }[] = [
  // feed.latest-sized list, facets, taxonomy.
  { pattern: /^\/$/, cost: 8, query: () => "" },
  // list, facets, two taxonomies.
  { pattern: /^\/records$/, cost: 9, query: (params) => queryString(readQueryParams(params, RECORDS_PARAMS)) },
  // the record, related records, two taxonomies; `version` names the version a citation points at.
  { pattern: new RegExp(`^/records/${SEGMENT}$`), cost: 5, query: (params) => versionQuery(params) },
  // facets, list, two taxonomies.
  { pattern: new RegExp(`^/countries/${SEGMENT}$`), cost: 9, query: () => "" },
  { pattern: new RegExp(`^/organizations/${SEGMENT}$`), cost: 10, query: () => "" },
];

function versionQuery(params: URLSearchParams): string {
  const version = params.get("version");
  return version && /^\d{1,9}$/.test(version) ? `?version=${version}` : "";
}

/**
 * The public pages — `/`, `/records`, `/records/<slug>`, `/countries/<code>`,
 * `/organizations/<slug>`, in English or under `/fr`, `/pt`, `/ru` — with their canonical
 * path and cost; a `MovedPage` for the old `?lang=` addresses; null for any other path.
 */
export function publicPageOf(url: URL): PublicPage | MovedPage | null {
  const prefix = LOCALE_PREFIX.exec(url.pathname)?.[0] ?? "";
  const path = url.pathname.slice(prefix.length) || "/";
  const page = PAGES.find((candidate) => candidate.pattern.test(path));
  if (!page) return null;
  // Before paths carried the language, `?lang=fr` asked for it.
  const legacyLang = prefix ? undefined : ZLang.safeParse(url.searchParams.get("lang")).data;
  if (legacyLang && legacyLang !== "en") return { location: `${localePath(legacyLang, path)}${page.query(url.searchParams)}` };
  return { canonicalPath: `${prefix}${path === "/" && prefix ? "" : path}${page.query(url.searchParams)}`, cost: page.cost };
}

/** Requests Next's client router makes for a page's data (RSC payloads), not the HTML document. */
export function isRouterRequest(headers: Record<string, string | string[] | undefined>, url: URL): boolean {
  return headers.rsc !== undefined || headers["next-router-prefetch"] !== undefined || url.searchParams.has("_rsc");
}
