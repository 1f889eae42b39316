import { z } from "zod";
import { getPublishedAgreement } from "../domain/public-reads";
import { InvalidInputError } from "../domain/errors";
import { assertKnownTaxonomy } from "../domain/taxonomy";
import { feedTitle } from "../publishing/feed-document";
import { recordUrl } from "../publishing/links";
import { buildOEmbed, embedTargetOf, type EmbedTarget, type OEmbedOptions } from "../publishing/oembed";
import { WIDGET_PARAMS } from "../publishing/embed-snippet";
import { parameterIssues } from "../publishing/query-params";
import { readQueryParams } from "../validators/list-query";
import { type PublicBody, servePublicCached } from "./public-responses";
import { ZFeedLatestInput } from "../validators/agreement";
import type { EndpointContext } from "./context";
import { PUBLISHING_WORK } from "./public-work";
import { admitPublicWork } from "./rate-limit";
import { jsonError, tooManyRequests } from "./responses";

const ZPixels = z.coerce.number().int().min(1).max(10_000);

const ZOEmbedInput = z.object({
  url: z.string({ message: "is required: the URL of a record page or of /records with filters" }).trim().min(1).max(2000),
  format: z.string().optional(),
  maxwidth: ZPixels.optional(),
  maxheight: ZPixels.optional(),
});

type EmbedContent = Pick<OEmbedOptions, "title" | "attributes" | "fallback">;

async function recordEmbed(target: Extract<EmbedTarget, { kind: "record" }>, { db, origin }: EndpointContext): Promise<EmbedContent> {
  const { lang } = target;
  const record = await getPublishedAgreement(db, { slug: target.slug, lang });
  return {
    title: record.title,
    // The widget cannot show one record alone: it shows this record among its closest neighbours.
    attributes: { country: record.countries, partner: record.partners, sector: record.sectors, lang },
    fallback: { href: recordUrl(origin, record.slug, lang), text: record.title },
  };
}

async function recordsEmbed(target: Extract<EmbedTarget, { kind: "records" }>, { db }: EndpointContext, href: string): Promise<EmbedContent> {
  try {
    const filters = ZFeedLatestInput.parse({ ...readQueryParams(target.params, [...WIDGET_PARAMS, "confidence"]), lang: target.lang });
    await assertKnownTaxonomy(db, filters);
    const title = feedTitle(filters);
    return { title, attributes: filters, fallback: { href, text: title } };
  } catch (error) {
    const issue = parameterIssues(error)?.[0];
    if (!issue) throw error;
    // The fault is inside the `url` parameter, so name that one to the caller.
    throw new InvalidInputError(["url"], `its ${issue.parameter} ${issue.message}`);
  }
}

/** One cache entry per parsed request (`url`, `format`, `maxwidth`, `maxheight`), whatever else the URL carries. */
export function oembedCacheKey(url: URL): string | null {
  const input = ZOEmbedInput.safeParse(Object.fromEntries(url.searchParams));
  return input.success ? `/oembed:${JSON.stringify(input.data)}` : null;
}

/** `/oembed?url=…&format=json`: the `<coop-feed>` embed snippet for a record page or a filtered records list. */
export function serveOEmbed(request: Request, context: EndpointContext): Promise<Response> {
  return servePublicCached(request, context.publicCache, oembedCacheKey(context.url), async () => {
    const refused = admitPublicWork(request, context.rateLimiter, PUBLISHING_WORK.oembed, tooManyRequests);
    return refused ?? computeOEmbed(context);
  });
}

async function computeOEmbed(context: EndpointContext): Promise<PublicBody | Response> {
  const input = ZOEmbedInput.parse(Object.fromEntries(context.url.searchParams));
  if (input.format !== undefined && input.format !== "json") {
    return jsonError(501, "not_implemented", `format "${input.format}" is not supported; use format=json`);
  }
  const target = embedTargetOf(input.url, context.origin);
  if (!target) return jsonError(404, "not_found", "url is not a record page or the records list of this site");
  const content = target.kind === "record" ? await recordEmbed(target, context) : await recordsEmbed(target, context, new URL(input.url).href);
  const oembed = buildOEmbed({ origin: context.origin, maxwidth: input.maxwidth, maxheight: input.maxheight, ...content });
  return { body: JSON.stringify(oembed), headers: { "Content-Type": "application/json; charset=utf-8" } };
}
