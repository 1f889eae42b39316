import { latestPublishedAgreements } from "../domain/feed";
import { ATOM_CONTENT_TYPE, buildAtomFeed } from "../publishing/atom";
import { type FeedDocument, feedTitle } from "../publishing/feed-document";
import { buildJsonFeed, JSON_FEED_CONTENT_TYPE } from "../publishing/json-feed";
import { localePath, queryString, siteUrl } from "../publishing/links";
import { FEED_PARAMS, readQueryParams } from "../validators/list-query";
import { servePublicCached } from "./public-responses";
import { ZFeedLatestInput } from "../validators/agreement";
import type { EndpointContext } from "./context";
import { PUBLISHING_WORK } from "./public-work";
import { admitPublicWork } from "./rate-limit";
import { tooManyRequests } from "./responses";

/** Feed readers expect more than the widget's five items; 20 is the most the widget filters allow. */
const FEED_DEFAULT_LIMIT = 20;

/** The feed's own URL with only the parameters it reads (the list filters, `limit`, `lang`), in one order. */
export function canonicalFeedPath(url: URL): string {
  return url.pathname + queryString(readQueryParams(url.searchParams, FEED_PARAMS));
}

/** The newest records matching the list's filters. */
async function readFeed({ db, origin, url }: EndpointContext): Promise<FeedDocument> {
  const input = ZFeedLatestInput.parse({ limit: FEED_DEFAULT_LIMIT, ...readQueryParams(url.searchParams, FEED_PARAMS) });
  const { limit: _limit, lang: _lang, ...filters } = input;
  return {
    origin,
    // The kept answer serves every URL with the same key, so it names the canonical one.
    feedUrl: new URL(canonicalFeedPath(url), origin).href,
    homePageUrl: siteUrl(origin, localePath(input.lang, "/records"), filters),
    title: feedTitle(input),
    lang: input.lang ?? "en",
    agreements: await latestPublishedAgreements(db, input),
  };
}

function serveFeed(request: Request, context: EndpointContext, contentType: string, build: (feed: FeedDocument) => string) {
  return servePublicCached(request, context.publicCache, canonicalFeedPath(context.url), async () => {
    const refused = admitPublicWork(request, context.rateLimiter, PUBLISHING_WORK.feed, tooManyRequests);
    return refused ?? { body: build(await readFeed(context)), headers: { "Content-Type": contentType } };
  });
}

export function serveJsonFeed(request: Request, context: EndpointContext): Promise<Response> {
  return serveFeed(request, context, JSON_FEED_CONTENT_TYPE, (feed) => JSON.stringify(buildJsonFeed(feed)));
}

export function serveAtomFeed(request: Request, context: EndpointContext): Promise<Response> {
  return serveFeed(request, context, ATOM_CONTENT_TYPE, buildAtomFeed);
}
