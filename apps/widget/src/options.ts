import { LANGS, type Lang, STATUSES, type Status } from "./strings";

/** Countries the API knows: the 54 African states, Russia and Belarus. */
const COUNTRY_CODES = new Set(
  "AO BF BI BJ BW BY CD CF CG CI CM CV DJ DZ EG ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RU RW SC SD SL SN SO SS ST SZ TD TG TN TZ UG ZA ZM ZW".split(" "),
);
const SECTOR_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The first of each list is the default. */
export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const LAYOUTS = ["list", "compact", "cards"] as const;
export type Layout = (typeof LAYOUTS)[number];
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 20;

export type AttributeName = "api" | "country" | "partner" | "sector" | "status" | "limit" | "lang" | "theme" | "layout";

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
    warn(`<coop-feed>: ignoring ${name}="${value}"; see the allowed values in docs/EMBED.md.`);
    return fallback;
  };
  const list = <T extends string>(name: "country" | "partner" | "sector" | "status", normalize: (entry: string) => string, isValid: (entry: string) => boolean) =>
    (attribute(name) ?? "").split(",").flatMap((raw): T[] => {
      const entry = raw.trim();
      const value = normalize(entry);
      if (!entry) return [];
      return isValid(value) ? [value as T] : invalid(name, entry, []);
    });
  const countryCode = (code: string) => code.toUpperCase();
  const isCountry = (code: string) => COUNTRY_CODES.has(code);
  const oneOf = <T extends string>(name: "theme" | "layout", choices: readonly T[]): T => {
    const value = attribute(name);
    if (value === null) return choices[0]!;
    const choice = choices.find((candidate) => candidate === value.trim().toLowerCase());
    return choice ?? invalid(name, value, choices[0]!);
  };
  const language = (tag: string) => LANGS.find((lang) => lang === tag.trim().toLowerCase().split(/[-_]/)[0]);
  const pageLang = language(defaults.pageLang) ?? "en";
  const limitValue = attribute("limit");
  const limit = Number(limitValue?.trim() || Number.NaN);
  const langValue = attribute("lang");

  return {
    api: parseApi(attribute("api"), defaults, invalid),
    country: list("country", countryCode, isCountry),
    partner: list("partner", countryCode, isCountry),
    sector: list("sector", (slug) => slug.toLowerCase(), (slug) => SECTOR_SLUG.test(slug)),
    status: list("status", (status) => status.toUpperCase().replace(/[\s-]+/g, "_"), (status) => STATUSES.includes(status as Status)),
    limit:
      limitValue === null
        ? DEFAULT_LIMIT
        : Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT
          ? limit
          : invalid("limit", limitValue, DEFAULT_LIMIT),
    lang: langValue === null ? pageLang : (language(langValue) ?? invalid("lang", langValue, pageLang)),
    theme: oneOf("theme", THEMES),
    layout: oneOf("layout", LAYOUTS),
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
