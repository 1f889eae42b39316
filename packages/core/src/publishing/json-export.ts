import type { PublicAgreementSummary } from "../domain/public-agreement";
import { recordUrl } from "./links";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The JSON export as text chunks: one array, one record per line, absolute URLs added. */
export async function* agreementJsonChunks(
  agreements: AsyncIterable<PublicAgreementSummary>,
  origin: string,
): AsyncGenerator<string, void, undefined> {
  let separator = "[\n";
  for await (const agreement of agreements) {
    yield separator + JSON.stringify({ ...agreement, url: recordUrl(origin, agreement.slug, agreement.lang) });
    separator = ",\n";
  }
  yield separator === "[\n" ? "[]\n" : "\n]\n";
}
