import type http from "node:http";
import {
  CLIENT_IP_HEADER,
  type ClientRateLimiter,
  etagOf,
  matchesIfNoneMatch,
  PRIVATE_CACHE_CONTROL,
  publicHeaders,
  publicPageContentSecurityPolicy,
  type PublicResponseCache,
  publicSurfaceMetrics,
  tooManyRequestsMessage,
} from "@coop/core/http";
import type { PublicPage } from "./public-pages";

type RequestHandler = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;

interface RenderedPage {
  status: number;
  body: Uint8Array<ArrayBuffer>;
}

/** Next's headers a kept page still needs; the rest (its no-store Cache-Control, build ids) are replaced. */
const KEPT_HEADERS = ["content-type", "vary", "link"];

function chunkBytes(chunk: unknown, encoding?: unknown): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return Buffer.from(chunk as Uint8Array);
}

/**
 * Lets Next render into `response` while holding back everything it writes, so the page
 * can be hashed for its CSP and kept before a byte leaves. Status and headers stay on
 * `response` (set the usual way); the body comes back whole.
 */
function renderHeldBack(response: http.ServerResponse, render: () => Promise<void>): Promise<RenderedPage> {
  const chunks: Buffer[] = [];
  const { write, end, writeHead, flushHeaders } = response;
  const restore = () => Object.assign(response, { write, end, writeHead, flushHeaders });
  return new Promise<RenderedPage>((resolve, reject) => {
    response.writeHead = (status: number, ...rest: unknown[]) => {
      response.statusCode = status;
      const headers = rest.find((argument) => typeof argument === "object" && argument !== null) ?? {};
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value as string | string[]);
      return response;
    };
    response.flushHeaders = () => {};
    response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      chunks.push(chunkBytes(chunk, encoding));
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") queueMicrotask(() => (done as () => void)());
      return true;
    }) as typeof response.write;
    response.end = ((chunk?: unknown, encoding?: unknown) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(chunkBytes(chunk, encoding));
      restore();
      resolve({ status: response.statusCode, body: new Uint8Array(Buffer.concat(chunks)) });
      return response;
    }) as typeof response.end;
    render().catch((error: unknown) => {
      restore();
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

function sendPage(request: http.IncomingMessage, response: http.ServerResponse, etag: string, headers: Headers, body: Uint8Array): void {
  const notModified = matchesIfNoneMatch({ headers: new Headers({ "if-none-match": String(request.headers["if-none-match"] ?? "") }) }, etag);
  response.writeHead(notModified ? 304 : 200, Object.fromEntries(headers));
  response.end(notModified ? undefined : body);
}

/**
 * Serves `/`, `/records` and `/records/<slug>` through the public response cache: a kept
 * page leaves at once, whoever asks; a miss spends the client's rate-limit tokens, is
 * rendered by Next at its canonical URL, given a CSP that allows exactly its inline
 * scripts, and kept for the data version it was rendered at.
 */
export function createPublicPageRenderer(deps: {
  handle: RequestHandler;
  publicCache: PublicResponseCache;
  rateLimiter: ClientRateLimiter;
  /** Set on every response before it gets here; a kept page keeps them. */
  baseHeaders: Record<string, string>;
}) {
  const { handle, publicCache, rateLimiter } = deps;
  const baseHeaderNames = new Set(Object.keys(deps.baseHeaders).map((name) => name.toLowerCase()));
  const metrics = publicSurfaceMetrics();

  function refuse(response: http.ServerResponse, retryAfterSeconds: number): void {
    metrics.rateLimited.inc({ surface: "page" });
    response.writeHead(429, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": PRIVATE_CACHE_CONTROL, "Retry-After": String(retryAfterSeconds) });
    response.end(`${tooManyRequestsMessage(retryAfterSeconds)}\n`);
  }

  return async function renderPublicPage(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    page: PublicPage,
    /** Next's client router asking for the page's data rather than its HTML: rendered, never kept. */
    routerRequest: boolean,
  ): Promise<void> {
    const key = `page:${page.canonicalPath}`;
    const cached = routerRequest ? undefined : publicCache.get(key);
    if (cached) return sendPage(request, response, cached.etag, publicHeaders(cached.etag, cached.headers), cached.body);

    const decision = rateLimiter.take(String(request.headers[CLIENT_IP_HEADER] ?? "unknown"), page.cost);
    if (!decision.allowed) return refuse(response, decision.retryAfterSeconds);
    if (routerRequest) return handle(request, response);

    metrics.cacheMisses.inc();
    const versionAtStart = publicCache.currentVersion();
    request.url = page.canonicalPath;
    // Kept bytes must be plain: every client gets them, whatever encodings it accepts.
    delete request.headers["accept-encoding"];
    let rendered: RenderedPage;
    try {
      rendered = await renderHeldBack(response, () => handle(request, response));
    } catch (error) {
      console.error(`Rendering ${page.canonicalPath} failed:`, error);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Internal error\n");
      return;
    }
    const isHtml = String(response.getHeader("content-type") ?? "").startsWith("text/html");
    if (isHtml) response.setHeader("Content-Security-Policy", publicPageContentSecurityPolicy(new TextDecoder().decode(rendered.body)));
    if (rendered.status !== 200 || !isHtml || response.hasHeader("set-cookie")) {
      response.end(rendered.body);
      return;
    }
    const kept = new Headers();
    for (const name of [...KEPT_HEADERS, "content-security-policy"]) {
      const value = response.getHeader(name);
      if (value !== undefined) kept.set(name, Array.isArray(value) ? value.join(", ") : String(value));
    }
    for (const name of response.getHeaderNames()) if (!baseHeaderNames.has(name)) response.removeHeader(name);
    const etag = etagOf(rendered.body);
    publicCache.set(key, versionAtStart, { body: rendered.body, etag, headers: [...kept] });
    sendPage(request, response, etag, publicHeaders(etag, kept), rendered.body);
  };
}
