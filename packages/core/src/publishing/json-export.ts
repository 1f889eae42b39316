import type { PublicAgreementExport } from "../domain/public-agreement";
import { siteUrl } from "./links";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The JSON export as text chunks: one array, one record per line (with its commitments and timeline), absolute URLs added. */
export async function* agreementJsonChunks(
  agreements: AsyncIterable<PublicAgreementExport>,
  origin: string,
): AsyncGenerator<string, void, undefined> {
  let separator = "[\n";
  for await (const agreement of agreements) {
    yield separator + JSON.stringify({ ...agreement, url: siteUrl(origin, agreement.path) });
    separator = ",\n";
  }
  yield separator === "[\n" ? "[]\n" : "\n]\n";
}
