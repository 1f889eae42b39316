import { recordPath } from "../domain/public-paths";
import type { Lang } from "../validators/common";
import { type UrlParams, writeQueryParams } from "../validators/list-query";

export { localePath, recordPath } from "../domain/public-paths";

/** The URL when it is an absolute http(s) link, else null: `javascript:`, `data:` and friends never become links. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `?a=1&list=x,y` for the given parameters, or "" when none has a value; lists are comma-separated. */
export function queryString(params: UrlParams): string {
  const text = writeQueryParams(params).toString();
  return text ? `?${text}` : "";
}

/** Absolute URL of a path on this site with query parameters. */
export function siteUrl(origin: string, path: string, params: UrlParams = {}): string {
  return new URL(path + queryString(params), origin).href;
}

/** Absolute URL of a record's public page in a language (`/fr/records/<slug>`; English has no prefix). */
export function recordUrl(origin: string, slug: string, lang?: Lang): string {
  return siteUrl(origin, recordPath(slug, lang));
}
