import { fileURLToPath } from "node:url";
import path from "node:path";
import { z } from "zod";

/** Repository root, for the migrations folder and the embedded data directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const ZPostgresUrl = (name: string) => z.string().regex(/^postgres(ql)?:\/\//, `${name} must be a postgres:// or postgresql:// URL`);
/** "true"/"1"/"yes" or "false"/"0"/"no"; unset is the default. */
const ZFlag = z
  .string()
  .default("")
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(["true", "false", "1", "0", "yes", "no", ""], { message: "must be true or false" }))
  .transform((value) => ["true", "1", "yes"].includes(value));

/** `DATABASE_REPLICA_URLS`: comma-separated postgres:// URLs of read replicas; unset or empty means none. */
export const ZDatabaseReplicaUrls = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((url) => url.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, "each replica must be a postgres:// or postgresql:// URL")));

const EnvSchema = z.object({
  /** The application's connection: a role that owns nothing (docs/OPERATIONS.md). */
  DATABASE_URL: ZPostgresUrl("DATABASE_URL").optional(),
  /** The owner of the tables, for migrations; unset means DATABASE_URL. */
  DATABASE_MIGRATION_URL: ZPostgresUrl("DATABASE_MIGRATION_URL").optional(),
  /** The two-person rule: nobody approves a record (or an imported change) they last edited. */
  REQUIRE_SECOND_REVIEWER: ZFlag,
  COOP_DATA_DIR: z.string().default(path.join(repoRoot, ".data")),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Webhook targets allowed despite a loopback, private or link-local address: host names, addresses or CIDRs, comma-separated. */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean),
    ),
});

export type CoreEnv = z.infer<typeof EnvSchema>;

/** The validated environment of `@coop/core`; the only reader of process.env in this package. */
export function readCoreEnv(source: NodeJS.ProcessEnv = process.env): CoreEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}
