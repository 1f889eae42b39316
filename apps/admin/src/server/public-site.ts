import "server-only";
import { createPublishingHandlers } from "@coop/core/http";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { serverEnv } from "../env";
import { getDb, getPublicCache, getPublicDb, getRateLimiter } from "./db";

/** Origin of the public site for absolute links (canonical, Open Graph, feeds, oEmbed), from PUBLIC_URL. */
export function siteOrigin(): string {
  return new URL(serverEnv().PUBLIC_URL).origin;
}

/** A tRPC caller without credentials: pages built with it can only ever see published records. */
export function publicApi() {
  return createCaller(createContextInner({ db: getDb(), publicDb: getPublicDb() }));
}

/** Handlers of the feeds, exports and oEmbed routes. */
export const publishing = createPublishingHandlers({ getDb: getPublicDb, siteOrigin, getPublicCache, getRateLimiter });
