import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { etagOf, publicResponse, siteContentSecurityPolicy } from "@coop/core/http";
import { buildOpenApiDocument } from "@coop/core/rest";
import { siteOrigin } from "./public-site";

/** Scalar's self-contained browser build, served from this origin: the reference page loads nothing from elsewhere. */
const SCALAR_BUNDLE = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");
/** Changes only with a release of the app. */
const REFERENCE_CACHE_CONTROL = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

let openApiBody: string | undefined;

/** `/api/openapi.json`: the OpenAPI 3.1 document of `/api/v1`, built once per process from the procedures' zod schemas. */
export function serveOpenApiDocument(request: Request): Response {
  openApiBody ??= JSON.stringify(buildOpenApiDocument(siteOrigin()), null, 2);
  return publicResponse(request, openApiBody, { "Content-Type": "application/json; charset=utf-8" });
}

const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>coop-tracker API reference</title>
</head>
<body>
<script id="api-reference" type="application/json" data-url="/api/openapi.json" data-configuration='{"withDefaultFonts":false,"agent":{"disabled":true},"mcp":{"disabled":true},"showDeveloperTools":"never"}'></script>
<script src="/api/docs/scalar.js"></script>
</body>
</html>
`;

/**
 * `/api/docs`: the interactive API reference, under the site's policy (scripts and connections
 * to this origin only). Scalar's hosted extras (AI agent, MCP, developer tools) are turned off:
 * they would call its servers.
 */
export function serveApiReferencePage(request: Request): Response {
  const response = publicResponse(request, REFERENCE_PAGE, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": siteContentSecurityPolicy("'self'"),
  });
  response.headers.set("Cache-Control", REFERENCE_CACHE_CONTROL);
  return response;
}

let bundle: Promise<{ body: string; etag: string }> | undefined;

/** `/api/docs/scalar.js`. */
export async function serveApiReferenceScript(request: Request): Promise<Response> {
  bundle ??= readFile(SCALAR_BUNDLE, "utf8").then((body) => ({ body, etag: etagOf(body) }));
  const { body } = await bundle;
  const response = publicResponse(request, body, { "Content-Type": "text/javascript; charset=utf-8" });
  response.headers.set("Cache-Control", REFERENCE_CACHE_CONTROL);
  return response;
}
