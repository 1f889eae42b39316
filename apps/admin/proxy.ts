import { type NextRequest, NextResponse } from "next/server";
import { siteContentSecurityPolicy } from "@coop/core/http/headers";
import { isDevelopment } from "@/env";

/**
 * Content Security Policy of the editors' dashboard: scripts only with this request's
 * nonce (and what they load, via 'strict-dynamic'); the rest as on every page of the site.
 */
function adminContentSecurityPolicy(nonce: string): string {
  const developmentEval = isDevelopment() ? " 'unsafe-eval'" : "";
  return siteContentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'${developmentEval}`);
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = adminContentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from this request header and puts it on its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Referrer-Policy", "same-origin");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

export const config = {
  matcher: [{ source: "/admin/:path*" }, { source: "/admin" }],
};
