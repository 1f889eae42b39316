import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LaunchError, launchServer } from "./launch";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

const LauncherEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  COOP_DATA_DIR: z.string().default(path.join(repoRoot, ".data")),
  ADMIN_EMAIL: z.email().default("admin@coop-tracker.local"),
});

async function main(): Promise<void> {
  const env = LauncherEnv.safeParse(process.env);
  if (!env.success) throw new LaunchError(`Invalid ${env.error.issues[0]?.path.join(".")}: ${env.error.issues[0]?.message}`);
  const server = await launchServer({
    port: env.data.PORT,
    host: env.data.HOST,
    publicUrl: env.data.PUBLIC_URL,
    dataDir: env.data.COOP_DATA_DIR,
    firstAdminEmail: env.data.ADMIN_EMAIL,
    log: (line) => console.log(line),
  });
  if (server.firstAdmin) {
    // Printed once, by design: the only copy of a password that must be changed at first sign-in.
    console.log(
      [
        "",
        "First admin created. Sign in at " + `${server.url}/admin with`,
        `  email:    ${server.firstAdmin.email}`,
        `  password: ${server.firstAdmin.password}`,
        "This password is shown only now and must be changed at first sign-in.",
        "",
      ].join("\n"),
    );
  }
  console.log(`coop-tracker is running at ${server.url} (Ctrl+C to stop)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping...`);
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  const code = await server.crashed;
  console.error(`coop-tracker: the web server exited unexpectedly (code ${code}); the database was stopped.`);
  process.exit(1);
}

main().catch((error: unknown) => {
  // Known start-up failures get one line; anything else keeps its detail for a bug report.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`coop-tracker could not start: ${message}`);
  process.exit(1);
});
