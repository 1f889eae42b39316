import type { Lang } from "../validators/common";

/** Languages of the public site; English, the default, has no prefix in its paths. */
export const DEFAULT_LANG: Lang = "en";

/** A public page's path in a language: `/records` in English, `/fr/records` in French. */
export function localePath(lang: Lang | undefined, path: string): string {
  if (!lang || lang === DEFAULT_LANG) return path;
  return path === "/" ? `/${lang}` : `/${lang}${path}`;
}

/** Path of a record's public page in a language. */
export function recordPath(slug: string, lang?: Lang): string {
  return localePath(lang, `/records/${encodeURIComponent(slug)}`);
}
