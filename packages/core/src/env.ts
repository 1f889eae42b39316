import { fileURLToPath } from "node:url";
import path from "node:path";
import { z } from "zod";

/** Repository root, for the migrations folder and the embedded data directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  COOP_DATA_DIR: z.string().default(path.join(repoRoot, ".data")),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Webhook targets allowed despite a loopback, private or link-local address: host names, addresses or CIDRs, comma-separated. */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((entry) => entry.trim().toLowerCase()).filter(Boolean)),
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
