import { z } from "zod";

const ServerEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL; start the app with `npm start`, which sets it"),
});

let cached: z.infer<typeof ServerEnvSchema> | undefined;

/** The admin server's validated environment; the only reader of process.env in this app. */
export function serverEnv() {
  if (cached) return cached;
  const parsed = ServerEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join(".")} ${issue?.message}`);
  }
  cached = parsed.data;
  return cached;
}
