import type { Lang } from "../validators/common";
import { type FeedDocument, feedEntryOf, SITE_NAME } from "./feed-document";

export const JSON_FEED_CONTENT_TYPE = "application/feed+json; charset=utf-8";

/** What the feed is, in the feed's language. */
const FEED_DESCRIPTION: Record<Lang, string> = {
  en: "Source-backed records of technology cooperation between African states and Russia/Belarus.",
  fr: "Fiches sourcées de la coopération technologique entre les États africains et la Russie ou le Bélarus.",
  pt: "Registos com fontes da cooperação tecnológica entre Estados africanos e a Rússia ou a Bielorrússia.",
  ru: "Записи с источниками о технологическом сотрудничестве африканских государств с Россией и Беларусью.",
};

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export function buildJsonFeed(feed: FeedDocument) {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrl,
    description: FEED_DESCRIPTION[feed.lang],
    language: feed.lang,
    authors: [{ name: SITE_NAME, url: feed.origin }],
    items: feed.agreements.map((agreement) => {
      const entry = feedEntryOf(agreement, feed.origin);
      return {
        id: entry.id,
        url: entry.url,
        title: entry.title,
        content_text: entry.text,
        date_published: entry.published,
        date_modified: entry.updated,
        tags: entry.tags,
        language: entry.lang,
        // JSON Feed extensions start with an underscore.
        _coop: { confidence: entry.confidence },
        ...(entry.sourceUrls[0] ? { external_url: entry.sourceUrls[0] } : {}),
      };
    }),
  };
}
