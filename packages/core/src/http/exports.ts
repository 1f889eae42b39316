import { iteratePublishedAgreements, publishedAgreementsVersion } from "../domain/exports";
import type { PublicAgreementExport } from "../domain/public-agreement";
import { agreementCsvChunks, CSV_CONTENT_TYPE } from "../publishing/csv";
import { agreementJsonChunks, JSON_CONTENT_TYPE } from "../publishing/json-export";
import { LIST_FILTER_PARAMS, readQueryParams } from "../validators/list-query";
import { etagOf, publicResponse } from "./public-responses";
import { ZAgreementExportInput } from "../validators/agreement";
import type { EndpointContext } from "./context";
import { PUBLISHING_WORK } from "./public-work";
import { admitPublicWork } from "./rate-limit";
import { textStream, tooManyRequests } from "./responses";

interface ExportFormat {
  contentType: string;
  headers?: Record<string, string>;
  chunks: (agreements: AsyncIterable<PublicAgreementExport>, origin: string) => AsyncIterable<string>;
}

/**
 * Every published record matching the list filters, streamed. The ETag comes from the
 * filters and a fingerprint of the matching rows, so a 304 costs one aggregate query.
 */
async function serveExport(request: Request, { db, origin, url, rateLimiter }: EndpointContext, format: ExportFormat) {
  const refused = admitPublicWork(request, rateLimiter, PUBLISHING_WORK.export, tooManyRequests);
  if (refused) return refused;
  const input = ZAgreementExportInput.parse(readQueryParams(url.searchParams, [...LIST_FILTER_PARAMS, "lang"]));
  const version = await publishedAgreementsVersion(db, input);
  const etag = etagOf(JSON.stringify([url.pathname, origin, input, version]));
  const open = () => textStream(url.pathname, format.chunks(iteratePublishedAgreements(db, input), origin));
  return publicResponse(request, { etag, open }, { "Content-Type": format.contentType, ...format.headers });
}

export function serveCsvExport(request: Request, context: EndpointContext): Promise<Response> {
  return serveExport(request, context, {
    contentType: CSV_CONTENT_TYPE,
    headers: { "Content-Disposition": 'attachment; filename="coop-tracker-records.csv"' },
    chunks: agreementCsvChunks,
  });
}

export function serveJsonExport(request: Request, context: EndpointContext): Promise<Response> {
  return serveExport(request, context, { contentType: JSON_CONTENT_TYPE, chunks: agreementJsonChunks });
}
