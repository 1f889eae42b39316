import type { Db } from "../db/client";

/** What every public endpoint gets besides the request. */
export interface EndpointContext {
  db: Db;
  /** Site origin for absolute links, e.g. `https://coop.example`. */
  origin: string;
  url: URL;
}
