import { LANGS, type Lang, STATUSES, type Status } from "./strings";

/** Countries the API knows: the 54 African states, Russia and Belarus. */
const COUNTRY_CODES = new Set("AOBFBIBJBWBYCDCFCGCICMCVDJDZEGERETGAGHGMGNGQGWKEKMLRLSLYMAMGMLMRMUMWMZNANENGRURWSCSDSLSNSOSSSTSZTDTGTNTZUGZAZMZW".match(/../g));
const SECTOR_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The first of each list is the default. */
const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
const LAYOUTS = ["list", "compact", "cards"] as const;
export type Layout = (typeof LAYOUTS)[number];
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 20;
const LIMITS = Array.from({ length: MAX_LIMIT }, (_, index) => String(index + 1));

export type AttributeName = "api" | "country" | "partner" | "sector" | "status" | "limit" | "lang" | "theme" | "layout" | "hide-unverified";

/** What the element fetches and shows, every value checked. */
export interface FeedOptions {
  /** Base URL of the coop-tracker site, ending in `/`. */
  api: string;
  country: string[];
  partner: string[];
  sector: string[];
  status: Status[];
  limit: number;
  lang: Lang;
  theme: Theme;
  layout: Layout;
  /** Leave out records the editors could not verify (shown with a marker otherwise). */
  hideUnverified: boolean;
}

export interface FeedDefaults {
  /** Where the script itself came from. */
  api: string;
  /** `<html lang>` of the host page. */
  pageLang: string;
  /** The host page's base URL, for a relative `api`. */
  baseUri: string;
}

/**
 * Checks the attributes. Each invalid value is dropped with one warning and its
 * default takes its place, so a typo never breaks the widget.
 */
export function parseFeedOptions(attribute: (name: AttributeName) => string | null, defaults: FeedDefaults, warn: (message: string) => void): FeedOptions {
  const invalid = <T>(name: AttributeName, value: string, fallback: T): T => {
    warn(`<coop-feed>: ignoring invalid ${name}="${value}".`);
    return fallback;
  };
  const list = <T extends string>(
    name: "country" | "partner" | "sector" | "status",
    normalize: (entry: string) => string,
    isValid: (entry: string) => boolean,
  ) =>
    (attribute(name) ?? "").split(",").flatMap((raw): T[] => {
      const entry = raw.trim();
      const value = normalize(entry);
      if (!entry) return [];
      return isValid(value) ? [value as T] : invalid(name, entry, []);
    });
  const oneOf = <T extends string>(name: AttributeName, choices: readonly T[], fallback: T, normalize = (value: string) => value.trim().toLowerCase()): T => {
    const value = attribute(name);
    if (value === null) return fallback;
    return choices.find((choice) => choice === normalize(value)) ?? invalid(name, value, fallback);
  };
  const upper = (code: string) => code.toUpperCase();
  const isCountry = (code: string) => COUNTRY_CODES.has(code);
  // "fr-CA" and "pt_BR" speak French and Portuguese.
  const primaryLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";

  return {
    api: parseApi(attribute("api"), defaults, invalid),
    country: list("country", upper, isCountry),
    partner: list("partner", upper, isCountry),
    sector: list(
      "sector",
      (slug) => slug.toLowerCase(),
      (slug) => SECTOR_SLUG.test(slug),
    ),
    status: list("status", upper, (status) => STATUSES.includes(status as Status)),
    limit: Number(oneOf("limit", LIMITS, String(DEFAULT_LIMIT), (value) => String(Number(value)))),
    lang: oneOf("lang", LANGS, LANGS.find((lang) => lang === primaryLanguage(defaults.pageLang)) ?? "en", primaryLanguage),
    theme: oneOf("theme", THEMES, THEMES[0]),
    layout: oneOf("layout", LAYOUTS, LAYOUTS[0]),
    hideUnverified: attribute("hide-unverified") !== null,
  };
}

type Invalid = <T>(name: AttributeName, value: string, fallback: T) => T;

function parseApi(value: string | null, defaults: FeedDefaults, invalid: Invalid): string {
  const fallback = new URL(defaults.api);
  let url = fallback;
  if (value !== null) {
    try {
      url = new URL(value, defaults.baseUri);
    } catch {
      url = invalid("api", value, fallback);
    }
    // Only web URLs: a `javascript:` or `data:` base would otherwise flow into every link.
    if (url.protocol !== "https:" && url.protocol !== "http:") url = invalid("api", value, fallback);
  }
  return `${url.origin}${url.pathname.replace(/\/?$/, "/")}`;
}
