// The launcher's and the web server's validated environment: the only readers of process.env
// in the launcher (the web server's app settings are read by ../env.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

const Port = z.coerce.number().int().min(1).max(65535);

/** What `npm start` reads. */
const LauncherEnv = z.object({
  PORT: Port.default(3000),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  COOP_DATA_DIR: z.string().default(path.join(repoRoot, ".data")),
  ADMIN_EMAIL: z.email().default("admin@coop-tracker.local"),
  /** Signs session cookies; generated into the data directory when unset. */
  AUTH_SECRET: z.string().optional(),
});

/** What the web server in front of Next reads, besides the app's own settings. */
const WebServerEnv = z.object({
  PORT: Port,
  HOST: z.string().min(1),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Addresses or subnets of the reverse proxies (proxy-addr notation); preferred over a hop count. */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
  /** Prometheus metrics on their own listener, off unless set; keep it off the public network. */
  METRICS_PORT: Port.optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
});

function parse<T extends z.ZodType>(schema: T): z.infer<T> {
  const parsed = schema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`Invalid ${issue?.path.join(".")}: ${issue?.message}`);
}

export const launcherEnv = () => parse(LauncherEnv);
export const webServerEnv = () => parse(WebServerEnv);

/** The web server inherits this process's environment, with its own settings on top. */
export function webServerEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
