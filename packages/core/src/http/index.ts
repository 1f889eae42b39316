import type { Db } from "../db/client";
import type { PublicResponseCache } from "../trpc/public-cache";
import type { EndpointContext } from "./context";
import { serveCsvExport, serveJsonExport } from "./exports";
import { serveAtomFeed, serveJsonFeed } from "./feeds";
import { serveOEmbed } from "./oembed";
import { corsPreflight, publicEndpoint } from "./responses";

export interface PublishingHandlerOptions {
  /** Where these endpoints read published records: a read replica when there is one. */
  getDb: () => Db;
  /** The site's public origin for absolute links; by default the request's own. */
  siteOrigin?: (request: Request) => string;
  /** Serves feeds and oEmbed answers from memory until the data changes (exports stream and are not kept). */
  getPublicCache?: () => PublicResponseCache;
}

/**
 * Route handlers for the public feeds (`/feed.json`, `/feed.atom`), exports
 * (`/export.csv`, `/export.json`) and `/oembed`: public GETs with ETags and CORS `*`.
 */
export function createPublishingHandlers({ getDb, siteOrigin = (request) => new URL(request.url).origin, getPublicCache }: PublishingHandlerOptions) {
  const endpoint = (name: string, serve: (request: Request, context: EndpointContext) => Promise<Response>) =>
    publicEndpoint(name, (request) =>
      serve(request, { db: getDb(), origin: siteOrigin(request), url: new URL(request.url), publicCache: getPublicCache?.() }),
    );
  return {
    jsonFeed: endpoint("/feed.json", serveJsonFeed),
    atomFeed: endpoint("/feed.atom", serveAtomFeed),
    csvExport: endpoint("/export.csv", serveCsvExport),
    jsonExport: endpoint("/export.json", serveJsonExport),
    oembed: endpoint("/oembed", serveOEmbed),
    preflight: async () => corsPreflight(),
  };
}
