import type { MetadataRoute } from "next";
import { siteOrigin } from "@/server/public-site";

export const dynamic = "force-dynamic";

/** Crawlers may read the public records; the dashboard and the API are not for indexing. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/"] }, sitemap: new URL("/sitemap.xml", siteOrigin()).href };
}
