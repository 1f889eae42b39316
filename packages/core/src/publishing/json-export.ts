import type { z } from "zod";
import type { PublicAgreementExport } from "../domain/public-agreement";
import type { ZPublicAgreementExport } from "../validators/public-outputs";
import { siteUrl } from "./links";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The JSON export as text chunks: one array, one record per line (with its commitments, timeline and citations), absolute URLs added. */
export async function* agreementJsonChunks(agreements: AsyncIterable<PublicAgreementExport>, origin: string): AsyncGenerator<string, void, undefined> {
  let separator = "[\n";
  for await (const agreement of agreements) {
    const record: z.input<typeof ZPublicAgreementExport> = { ...agreement, url: siteUrl(origin, agreement.path) };
    yield separator + JSON.stringify(record);
    separator = ",\n";
  }
  yield separator === "[\n" ? "[]\n" : "\n]\n";
}
