import type { PublicAgreementSummary } from "../domain/public-agreement";
import type { Lang } from "../validators/common";
import { recordUrl, safeHttpUrl } from "./links";

export const SITE_NAME = "coop-tracker";

/** What both feed formats say, before serialisation. */
export interface FeedDocument {
  /** Site origin, e.g. `https://coop.example`, for absolute links. */
  origin: string;
  /** Absolute URL this feed is served at, with its query. */
  feedUrl: string;
  /** The HTML page listing the same records. */
  homePageUrl: string;
  title: string;
  lang: Lang;
  agreements: PublicAgreementSummary[];
}

export interface FeedEntry {
  /** Stable across slug and title edits. */
  id: string;
  url: string;
  title: string;
  text: string;
  lang: Lang;
  published: string;
  updated: string;
  tags: string[];
  /** The record's sources that are plain web links. */
  sourceUrls: string[];
}

export function feedEntryOf(agreement: PublicAgreementSummary, origin: string): FeedEntry {
  return {
    id: `urn:uuid:${agreement.id}`,
    url: recordUrl(origin, agreement.slug, agreement.lang),
    title: agreement.title,
    text: agreement.summary || agreement.title,
    lang: agreement.lang,
    published: agreement.publishedAt ?? agreement.updatedAt,
    updated: agreement.updatedAt,
    tags: agreement.sectors,
    sourceUrls: agreement.sources.flatMap((source) => safeHttpUrl(source.url) ?? []),
  };
}

/** A feed title that says which filters it follows, e.g. "coop-tracker: ZW · RU · cybersecurity". */
export function feedTitle(filters: { country?: string[]; partner?: string[]; sector?: string[]; status?: string[] }): string {
  const parts = [filters.country, filters.partner, filters.sector, filters.status].flatMap((values) =>
    values?.length ? [values.join(", ")] : [],
  );
  return parts.length ? `${SITE_NAME}: ${parts.join(" · ")}` : SITE_NAME;
}
