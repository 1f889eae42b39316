import type { MetadataRoute } from "next";

/** Crawlers may read the public records; the dashboard and the API are not for indexing. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/"] } };
}
