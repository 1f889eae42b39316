import type { Db } from "../db/client";
import type { PublicResponseCache } from "../trpc/public-cache";

/** What every public endpoint gets besides the request. */
export interface EndpointContext {
  db: Db;
  /** Site origin for absolute links, e.g. `https://coop.example`. */
  origin: string;
  url: URL;
  /** Keeps computed answers until the data changes. */
  publicCache?: PublicResponseCache;
}
