import type { Metadata } from "next";
import { localePath, siteUrl } from "@coop/core/publishing";
import { type Lang, ZLang } from "@coop/core/validators";
import type { UrlParams } from "@coop/core/validators/list-query";
import { translator } from "@/i18n/catalogue";
import { siteOrigin } from "@/server/public-site";

/** Open Graph's locale names for the site's languages. */
const OG_LOCALE: Record<Lang, string> = { en: "en_GB", fr: "fr_FR", pt: "pt_PT", ru: "ru_RU" };

export interface PageMetadataInput {
  lang: Lang;
  /** The page's path in English, without its query: `/records`, `/countries/ZW`. */
  path: string;
  /** Parameters that make this page what it is (filters), kept on canonical and alternate links. */
  params?: UrlParams;
  title?: string;
  description?: string;
  /** The feeds that follow what the page shows, as feed parameters; the site's newest records by default. */
  feed?: UrlParams;
  type?: "website" | "article";
  /** Extra fields of the Open Graph article. */
  article?: { publishedTime?: string; modifiedTime?: string };
  oembed?: boolean;
}

/**
 * A public page's metadata: canonical URL, `hreflang` alternates for each language
 * (and x-default), feed discovery links, oEmbed discovery, Open Graph and Twitter card.
 */
export function pageMetadata(input: PageMetadataInput): Metadata {
  const { lang, path, params = {} } = input;
  const origin = siteOrigin();
  const { m } = translator(lang);
  const urlIn = (other: Lang) => siteUrl(origin, localePath(other, path), params);
  const canonical = urlIn(lang);
  const feedParams = { ...(input.feed ?? {}), lang: lang === "en" ? undefined : lang };
  const title = input.title ?? m.site.name;
  const description = input.description ?? m.site.description;
  return {
    // Left out rather than undefined, so the layout's site title stays.
    ...(input.title ? { title: input.title } : {}),
    description,
    alternates: {
      canonical,
      languages: { ...Object.fromEntries(ZLang.options.map((other) => [other, urlIn(other)])), "x-default": urlIn("en") },
      types: {
        "application/atom+xml": [{ url: siteUrl(origin, "/feed.atom", feedParams), title: m.site.atomFeed }],
        "application/feed+json": [{ url: siteUrl(origin, "/feed.json", feedParams), title: m.site.jsonFeed }],
        ...(input.oembed ? { "application/json+oembed": siteUrl(origin, "/oembed", { url: canonical, format: "json" }) } : {}),
      },
    },
    openGraph: {
      type: input.type ?? "website",
      siteName: m.site.name,
      title,
      description,
      url: canonical,
      locale: OG_LOCALE[lang],
      alternateLocale: ZLang.options.filter((other) => other !== lang).map((other) => OG_LOCALE[other]),
      ...(input.type === "article" ? input.article : {}),
    },
    twitter: { card: "summary", title, description },
  };
}
