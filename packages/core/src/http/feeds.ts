import { latestPublishedAgreements } from "../domain/feed";
import { ATOM_CONTENT_TYPE, buildAtomFeed } from "../publishing/atom";
import { type FeedDocument, feedTitle } from "../publishing/feed-document";
import { buildJsonFeed, JSON_FEED_CONTENT_TYPE } from "../publishing/json-feed";
import { siteUrl } from "../publishing/links";
import { readQueryParams, WIDGET_PARAMS } from "../publishing/query-params";
import { servePublicCached } from "../trpc/http";
import { ZFeedLatestInput } from "../validators/agreement";
import type { EndpointContext } from "./context";

/** Feed readers expect more than the widget's five items; 20 is the most the widget filters allow. */
const FEED_DEFAULT_LIMIT = 20;

/** The newest records matching the widget's filters (`country`, `partner`, `sector`, `status`, `limit`, `lang`). */
async function readFeed({ db, origin, url }: EndpointContext): Promise<FeedDocument> {
  const input = ZFeedLatestInput.parse({ limit: FEED_DEFAULT_LIMIT, ...readQueryParams(url.searchParams, WIDGET_PARAMS) });
  const { limit: _limit, ...filters } = input;
  return {
    origin,
    feedUrl: new URL(url.pathname + url.search, origin).href,
    homePageUrl: siteUrl(origin, "/records", filters),
    title: feedTitle(input),
    lang: input.lang ?? "en",
    agreements: await latestPublishedAgreements(db, input),
  };
}

export function serveJsonFeed(request: Request, context: EndpointContext): Promise<Response> {
  return servePublicCached(request, context.publicCache, async () => ({
    body: JSON.stringify(buildJsonFeed(await readFeed(context))),
    headers: { "Content-Type": JSON_FEED_CONTENT_TYPE },
  }));
}

export function serveAtomFeed(request: Request, context: EndpointContext): Promise<Response> {
  return servePublicCached(request, context.publicCache, async () => ({
    body: buildAtomFeed(await readFeed(context)),
    headers: { "Content-Type": ATOM_CONTENT_TYPE },
  }));
}
