import { sitemapDirectory, sitemapRecordFiles, sitemapRecords } from "../domain/sitemap";
import { NotFoundError } from "../domain/errors";
import { buildSitemap, buildSitemapIndex, SITEMAP_CONTENT_TYPE } from "../publishing/sitemap";
import { servePublicCached } from "./public-responses";
import type { EndpointContext } from "./context";
import { PUBLISHING_WORK } from "./public-work";
import { admitPublicWork } from "./rate-limit";
import { tooManyRequests } from "./responses";

export const SITEMAP_INDEX_PATH = "/sitemap.xml";
const PAGES_FILE = "/sitemaps/pages.xml";
const RECORDS_FILE = /^\/sitemaps\/records-([0-9a-f-]{36})\.xml$/;

/** The cache key of a sitemap path (the path alone: sitemaps read no parameters), or null for other paths. */
export function sitemapCacheKey(url: URL): string | null {
  return url.pathname === SITEMAP_INDEX_PATH || url.pathname === PAGES_FILE || RECORDS_FILE.test(url.pathname) ? url.pathname : null;
}

/** The XML of one sitemap path. */
async function sitemapXml({ db, origin, url }: EndpointContext): Promise<string> {
  if (url.pathname === SITEMAP_INDEX_PATH) {
    const files = await sitemapRecordFiles(db);
    return buildSitemapIndex(origin, [
      { path: PAGES_FILE },
      ...files.map((file) => ({ path: `/sitemaps/records-${file.firstId}.xml`, lastModified: file.lastModified })),
    ]);
  }
  if (url.pathname === PAGES_FILE) {
    const { countries, organizations } = await sitemapDirectory(db);
    return buildSitemap(origin, [
      { path: "/" },
      { path: "/records" },
      ...countries.map((country) => ({ path: `/countries/${country.code}`, lastModified: country.lastModified })),
      ...organizations.map((organization) => ({ path: `/organizations/${organization.slug}`, lastModified: organization.lastModified })),
    ]);
  }
  const firstId = RECORDS_FILE.exec(url.pathname)?.[1];
  if (!firstId) throw new NotFoundError(`${url.pathname} is not a sitemap of this site`);
  const records = await sitemapRecords(db, firstId);
  return buildSitemap(
    origin,
    records.map((record) => ({ path: `/records/${record.slug}`, lastModified: record.updatedAt })),
  );
}

/**
 * `/sitemap.xml` (an index), `/sitemaps/pages.xml` (home, lists, countries and
 * organisations) and `/sitemaps/records-<first id>.xml` (published records, 1,000 a
 * file): every page in every language, kept until the data changes.
 */
export function serveSitemap(request: Request, context: EndpointContext): Promise<Response> {
  return servePublicCached(request, context.publicCache, sitemapCacheKey(context.url), async () => {
    const refused = admitPublicWork(request, context.rateLimiter, PUBLISHING_WORK.sitemap, tooManyRequests);
    return refused ?? { body: await sitemapXml(context), headers: { "Content-Type": SITEMAP_CONTENT_TYPE } };
  });
}
