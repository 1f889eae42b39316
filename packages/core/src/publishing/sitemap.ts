import { localePath } from "../domain/public-paths";
import { ZLang } from "../validators/common";
import { escapeMarkup as x } from "./markup";

export const SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8";

export interface SitemapPage {
  /** Path of the page in English; the other languages are derived from it. */
  path: string;
  lastModified?: Date;
}

/** `<url>` entries for a page in every language of the site (sitemaps.org protocol 0.9). */
function localisedUrls(origin: string, page: SitemapPage): string[] {
  const lastModified = page.lastModified ? `<lastmod>${page.lastModified.toISOString()}</lastmod>` : "";
  return ZLang.options.map((lang) => `<url><loc>${x(new URL(localePath(lang, page.path), origin).href)}</loc>${lastModified}</url>`);
}

/** A sitemap listing each page in every language. */
export function buildSitemap(origin: string, pages: SitemapPage[]): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...pages.flatMap((page) => localisedUrls(origin, page)),
    `</urlset>`,
    "",
  ].join("\n");
}

/** A sitemap index naming the sitemap files at `paths`. */
export function buildSitemapIndex(origin: string, files: { path: string; lastModified?: Date }[]): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...files.map(
      (file) =>
        `<sitemap><loc>${x(new URL(file.path, origin).href)}</loc>${file.lastModified ? `<lastmod>${file.lastModified.toISOString()}</lastmod>` : ""}</sitemap>`,
    ),
    `</sitemapindex>`,
    "",
  ].join("\n");
}
