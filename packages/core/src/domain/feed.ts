import type { Db } from "../db/client";
import { type TFeedLatestInput, ZFeedLatestInput } from "../validators/agreement";
import { CONFIDENCE_LABELS, LIFECYCLE_STATUS_LABELS } from "../validators/vocabulary";
import { listPublishedAgreements } from "./public-reads";

/** The newest published agreements matching the widget's filters, in full, for feeds. */
export async function latestPublishedAgreements(db: Db, rawInput: TFeedLatestInput = {}) {
  const { limit, ...filters } = ZFeedLatestInput.parse(rawInput);
  const page = await listPublishedAgreements(db, { ...filters, sort: "recent", limit });
  return page.items;
}

/** The newest published agreements in the compact shape the `<coop-feed>` widget shows. */
export async function latestFeedItems(db: Db, rawInput: TFeedLatestInput = {}) {
  const agreements = await latestPublishedAgreements(db, rawInput);
  const lang = rawInput.lang ?? "en";
  return {
    items: agreements.map((agreement) => ({
      slug: agreement.slug,
      path: agreement.path,
      lang: agreement.lang,
      title: agreement.title,
      kind: agreement.kind,
      status: agreement.status,
      // Labels in `lang`, so the widget ships no vocabulary of its own.
      statusLabel: LIFECYCLE_STATUS_LABELS[lang][agreement.status],
      confidence: agreement.confidence,
      confidenceLabel: CONFIDENCE_LABELS[lang][agreement.confidence],
      // The date a reader cares about: signing if known, else the announcement.
      date: agreement.signed.date ? agreement.signed : agreement.announced,
      countries: agreement.countries,
      partners: agreement.partners,
      sectors: agreement.sectors,
      publisher: agreement.sources.find((source) => source.publisher)?.publisher ?? null,
      publishedAt: agreement.publishedAt,
    })),
  };
}

export type FeedItem = Awaited<ReturnType<typeof latestFeedItems>>["items"][number];
