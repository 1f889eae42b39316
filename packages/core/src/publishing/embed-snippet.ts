// The `<coop-feed>` embed snippet, for the oEmbed answer and the dashboard's embed screen alike.
// Plain code without zod or the database, so the dashboard's browser bundle can load it.
import type { TFeedLatestInput } from "../validators/agreement";
import { escapeMarkup } from "./markup";

/** The `<coop-feed>` attributes that filter, in the order the embed snippet writes them (also the query parameters they come from). */
export const WIDGET_PARAMS = ["country", "partner", "sector", "status", "limit", "lang"] as const;

/** Attributes of a `<coop-feed>` element, validated; written in the widget's documented order. */
export type WidgetAttributes = Pick<TFeedLatestInput, (typeof WIDGET_PARAMS)[number] | "confidence"> & {
  limit?: number;
  theme?: "light" | "dark" | "auto";
  layout?: "list" | "compact" | "cards";
};

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

/** The element's attributes as name–value pairs (`hide-unverified` has an empty value); absent and empty ones left out. */
export function widgetAttributes(attributes: WidgetAttributes): [string, string][] {
  const pairs: [string, string][] = [...WIDGET_PARAMS, "theme", "layout"].flatMap((name) => {
    const value = attributes[name as keyof WidgetAttributes];
    if (value === undefined || (Array.isArray(value) && !value.length)) return [];
    return [[name, Array.isArray(value) ? value.join(",") : String(value)] as [string, string]];
  });
  return hidesUnverified(attributes.confidence) ? [...pairs, ["hide-unverified", ""]] : pairs;
}

/** The one-script, one-tag embed snippet; every value is escaped. */
export function widgetSnippet({ origin, attributes, fallback }: EmbedSnippetOptions): string {
  const attributeText = widgetAttributes(attributes)
    .map(([name, value]) => (name === "hide-unverified" ? ` ${name}` : ` ${name}="${escapeMarkup(value)}"`))
    .join("");
  const scriptUrl = new URL("/widget/coop-feed.js", origin).href;
  return (
    `<script type="module" src="${escapeMarkup(scriptUrl)}"></script>` +
    `<coop-feed${attributeText}><a href="${escapeMarkup(fallback.href)}">${escapeMarkup(fallback.text)}</a></coop-feed>`
  );
}
