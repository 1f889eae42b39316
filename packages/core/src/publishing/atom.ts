import { type FeedDocument, type FeedEntry, feedEntryOf, SITE_NAME } from "./feed-document";
import { escapeMarkup as x } from "./markup";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/** Newest modification among the entries; the epoch for an empty feed, so its ETag stays stable. */
function lastUpdated(entries: FeedEntry[]): string {
  return entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0).toISOString());
}

/** Names the category that carries a record's confidence, apart from its sectors. */
const CONFIDENCE_SCHEME = "urn:coop-tracker:confidence";

function atomEntry(entry: FeedEntry): string {
  return [
    `  <entry xml:lang="${x(entry.lang)}">`,
    `    <id>${x(entry.id)}</id>`,
    `    <title type="text">${x(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${x(entry.url)}"/>`,
    ...entry.sourceUrls.map((url) => `    <link rel="related" href="${x(url)}"/>`),
    `    <published>${x(entry.published)}</published>`,
    `    <updated>${x(entry.updated)}</updated>`,
    `    <summary type="text">${x(entry.text)}</summary>`,
    ...entry.tags.map((tag) => `    <category term="${x(tag)}"/>`),
    `    <category scheme="${CONFIDENCE_SCHEME}" term="${x(entry.confidence)}" label="${x(`confidence: ${entry.confidence.toLowerCase()}`)}"/>`,
    `  </entry>`,
  ].join("\n");
}

/** An Atom (RFC 4287) feed; every text and attribute value goes through the escaper, dates are RFC 3339. */
export function buildAtomFeed(feed: FeedDocument): string {
  const entries = feed.agreements.map((agreement) => feedEntryOf(agreement, feed.origin));
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">`,
    `  <id>${x(feed.feedUrl)}</id>`,
    `  <title type="text">${x(feed.title)}</title>`,
    `  <updated>${x(lastUpdated(entries))}</updated>`,
    `  <author><name>${x(SITE_NAME)}</name><uri>${x(feed.origin)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.homePageUrl)}"/>`,
    ...entries.map(atomEntry),
    `</feed>`,
    "",
  ].join("\n");
}
