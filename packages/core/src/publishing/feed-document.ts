import type { PublicAgreementSummary } from "../domain/public-agreement";
import type { TAgreementFilters } from "../validators/agreement";
import type { Lang } from "../validators/common";
import { safeHttpUrl, siteUrl } from "./links";

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
  /** How sure the editors are of the record: CONFIRMED, REPORTED or UNVERIFIED. */
  confidence: string;
  /** The record's sources that are plain web links. */
  sourceUrls: string[];
}

export function feedEntryOf(agreement: PublicAgreementSummary, origin: string): FeedEntry {
  return {
    id: `urn:uuid:${agreement.id}`,
    // The record's page in the feed's language, whichever language its text is in.
    url: siteUrl(origin, agreement.path),
    title: agreement.title,
    text: agreement.summary || agreement.title,
    lang: agreement.lang,
    published: agreement.publishedAt ?? agreement.updatedAt,
    updated: agreement.updatedAt,
    tags: agreement.sectors,
    confidence: agreement.confidence,
    sourceUrls: agreement.sources.flatMap((source) => safeHttpUrl(source.url) ?? []),
  };
}

/** A feed title that says which filters it follows, e.g. "coop-tracker: ZW · RU · cybersecurity". */
export function feedTitle(filters: TAgreementFilters): string {
  const period = filters.from || filters.to ? [`${filters.from ?? "…"} – ${filters.to ?? "…"}`] : undefined;
  const lists = [
    filters.q ? [filters.q] : undefined,
    filters.country,
    filters.partner,
    filters.sector,
    filters.status,
    filters.kind,
    filters.confidence,
    filters.organization,
    period,
  ];
  const parts = lists.flatMap((values) => (values?.length ? [values.join(", ")] : []));
  return parts.length ? `${SITE_NAME}: ${parts.join(" · ")}` : SITE_NAME;
}
