import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { etagOf, matchesIfNoneMatch } from "@coop/core/http";

/** Written by `pnpm build` (apps/widget); Next runs with apps/admin as its working directory. */
const BUNDLE_PATH = path.join(process.cwd(), "../widget/dist/coop-feed.js");

/** Short enough that a new release reaches every embed within minutes; CDNs keep it an hour. */
export const WIDGET_CACHE_CONTROL = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";
/** A pinned URL names its bytes by their hash, so they never change. */
export const PINNED_WIDGET_CACHE_CONTROL = "public, max-age=31536000, immutable";

interface WidgetBundle {
  body: string;
  etag: string;
  /** Content hash that names the pinned URL `/widget/<version>/coop-feed.js`. */
  version: string;
}

let loading: Promise<WidgetBundle> | undefined;

/** The bundle, read once per process; undefined (and tried again next time) while it is not built. */
async function widgetBundle(): Promise<WidgetBundle | undefined> {
  loading ??= readFile(BUNDLE_PATH, "utf8").then((body) => ({
    body,
    etag: etagOf(body),
    version: createHash("sha256").update(body).digest("hex").slice(0, 16),
  }));
  return loading.catch(() => {
    loading = undefined;
    return undefined;
  });
}

function bundleResponse(request: Request, bundle: WidgetBundle, cacheControl: string): Response {
  const headers = new Headers({
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": cacheControl,
    ETag: bundle.etag,
    Link: `</widget/${bundle.version}/coop-feed.js>; rel="canonical"`,
    // Any site may load it, including pages that require CORP (COEP: require-corp).
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "X-Content-Type-Options": "nosniff",
    Vary: "Accept-Encoding",
  });
  if (matchesIfNoneMatch(request, bundle.etag)) return new Response(null, { status: 304, headers });
  return new Response(bundle.body, { headers });
}

const notBuilt = () =>
  new Response("The <coop-feed> bundle is not built yet: run `pnpm build`.\n", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" },
  });

/** `/widget/coop-feed.js`: the current release of the widget. */
export async function serveWidget(request: Request): Promise<Response> {
  const bundle = await widgetBundle();
  return bundle ? bundleResponse(request, bundle, WIDGET_CACHE_CONTROL) : notBuilt();
}

/** `/widget/<version>/coop-feed.js`: one release, cached for good; an old or unknown version goes to the current one. */
export async function servePinnedWidget(request: Request, version: string): Promise<Response> {
  const bundle = await widgetBundle();
  if (!bundle) return notBuilt();
  if (version === bundle.version) return bundleResponse(request, bundle, PINNED_WIDGET_CACHE_CONTROL);
  return new Response(null, {
    status: 302,
    headers: { Location: "/widget/coop-feed.js", "Cache-Control": WIDGET_CACHE_CONTROL, "Access-Control-Allow-Origin": "*" },
  });
}
