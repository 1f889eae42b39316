import { launcherEnv } from "./env";
import { launchServer } from "./launch";

async function main(): Promise<void> {
  const env = launcherEnv();
  const server = await launchServer({
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    dataDir: env.COOP_DATA_DIR,
    firstAdminEmail: env.ADMIN_EMAIL,
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
