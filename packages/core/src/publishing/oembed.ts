import type { TFeedLatestInput } from "../validators/agreement";
import { type Lang, ZLang, ZSlug } from "../validators/common";
import { SITE_NAME } from "./feed-document";
import { escapeMarkup } from "./markup";
import { WIDGET_PARAMS } from "./query-params";

/** What a URL of this site embeds: one record, or the records list with its filters, in the page's language. */
export type EmbedTarget = ({ kind: "record"; slug: string } | { kind: "records" }) & { params: URLSearchParams; lang?: Lang };

const LOCALE_PREFIX = /^\/(fr|pt|ru)(?=\/)/;

/** The embeddable page a URL names, or null when it is not an embeddable page of this site. */
export function embedTargetOf(url: string, origin: string): EmbedTarget | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  // Same host, either scheme: behind a TLS proxy the app may see itself as http.
  if (target.host !== new URL(origin).host || (target.protocol !== "http:" && target.protocol !== "https:")) return null;
  const localised = target.pathname.replace(/\/+$/, "");
  // `/fr/records/…` is in French; `?lang=fr` is how links said it before paths carried the language.
  const lang = ZLang.safeParse(LOCALE_PREFIX.exec(localised)?.[1] ?? target.searchParams.get("lang")).data;
  const path = localised.replace(LOCALE_PREFIX, "");
  if (path === "/records") return { kind: "records", params: target.searchParams, lang };
  const slug = ZSlug.safeParse(/^\/records\/([^/]+)$/.exec(path)?.[1]);
  return slug.success ? { kind: "record", slug: slug.data, params: target.searchParams, lang } : null;
}

/** Attributes of a `<coop-feed>` element, validated; written in the widget's documented order. */
export type WidgetAttributes = Pick<TFeedLatestInput, (typeof WIDGET_PARAMS)[number] | "confidence"> & { limit?: number };

export interface EmbedSnippetOptions {
  origin: string;
  attributes: WidgetAttributes;
  /** A plain link shown until the widget loads, and by hosts that strip scripts. */
  fallback: { href: string; text: string };
}

/** A confidence filter the widget can follow: one that leaves out unverified records. */
function hidesUnverified(confidence: WidgetAttributes["confidence"]): boolean {
  const values = [confidence ?? []].flat();
  return values.length > 0 && !values.includes("UNVERIFIED");
}

/** The one-script, one-tag embed snippet; every value is escaped. */
export function widgetSnippet({ origin, attributes, fallback }: EmbedSnippetOptions): string {
  const attributeText = WIDGET_PARAMS.flatMap((name) => {
    const value = attributes[name];
    if (value === undefined || (Array.isArray(value) && !value.length)) return [];
    return [` ${name}="${escapeMarkup(Array.isArray(value) ? value.join(",") : String(value))}"`];
  }).join("") + (hidesUnverified(attributes.confidence) ? " hide-unverified" : "");
  const scriptUrl = new URL("/widget/coop-feed.js", origin).href;
  return (
    `<script type="module" src="${escapeMarkup(scriptUrl)}"></script>` +
    `<coop-feed${attributeText}><a href="${escapeMarkup(fallback.href)}">${escapeMarkup(fallback.text)}</a></coop-feed>`
  );
}

const DEFAULT_WIDTH = 600;
/** Rough height of the list layout: a heading plus one row per item, so hosts reserve the space. */
const HEADER_HEIGHT = 56;
const ITEM_HEIGHT = 88;
const DEFAULT_ITEMS = 5;

export interface OEmbedOptions extends EmbedSnippetOptions {
  title: string;
  maxwidth?: number;
  maxheight?: number;
}

/** An oEmbed 1.0 "rich" response (https://oembed.com/#section2.3). */
export function buildOEmbed(options: OEmbedOptions) {
  const items = options.attributes.limit ?? DEFAULT_ITEMS;
  return {
    version: "1.0",
    type: "rich",
    title: options.title,
    provider_name: SITE_NAME,
    provider_url: new URL("/", options.origin).href,
    cache_age: 3600,
    html: widgetSnippet(options),
    width: Math.min(options.maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH),
    height: Math.min(options.maxheight ?? Infinity, HEADER_HEIGHT + ITEM_HEIGHT * items),
  };
}
