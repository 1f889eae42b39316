import { readCoreEnv } from "../env";
import { createDb } from "../db/client";
import { migrateAsOwner } from "../db/roles";
import { seedDatabase } from "../seed";
import { type DatabaseServer, openDatabaseServer } from "../db/server";

const USAGE = "usage: db <migrate [--no-rehearsal] | seed>";

/** Runs `work` against the app database: DATABASE_URL, the running app's embedded server, or one started for the duration. */
async function withAppDatabase(work: (server: DatabaseServer) => Promise<void>): Promise<void> {
  const server = await openDatabaseServer({ shareRunningEmbedded: true });
  try {
    await work(server);
  } finally {
    await server.stop();
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async migrate(flags) {
    const rehearse = !flags.includes("--no-rehearsal");
    await withAppDatabase(async (server) => {
      await migrateAsOwner(server, { rehearse, log: (line) => console.log(line), warn: (line) => console.warn(line) });
    });
  },
  async seed() {
    await withAppDatabase(async (server) => {
      await migrateAsOwner(server, { warn: (line) => console.warn(line) });
      const db = createDb(server.url, { max: 2 });
      try {
        await seedDatabase(db, (line) => console.log(line));
      } finally {
        await db.$disconnect();
      }
    });
  },
};

const [command = "", ...args] = process.argv.slice(2);
const run = commands[command];
if (!run) {
  console.error(USAGE);
  process.exit(2);
}
readCoreEnv();
run(args).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`db ${command}: ${error.message}`);
    process.exit(1);
  },
);
