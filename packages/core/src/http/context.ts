import type { Db } from "../db/client";
import type { PublicResponseCache } from "./public-cache";
import type { ClientRateLimiter } from "./rate-limit";

/** What every public endpoint gets besides the request. */
export interface EndpointContext {
  db: Db;
  /** Site origin for absolute links, e.g. `https://coop.example`. */
  origin: string;
  url: URL;
  /** Keeps computed answers until the data changes. */
  publicCache?: PublicResponseCache;
  /** Limits uncached work per client address. */
  rateLimiter?: ClientRateLimiter;
}
