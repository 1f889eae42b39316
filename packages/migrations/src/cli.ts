// `pnpm db:migration:create <name>`: writes the next migration from the schema diff, offline.
import { createMigration } from "./create";

const [name] = process.argv.slice(2);
if (!name) {
  console.error("usage: pnpm db:migration:create <name>");
  process.exit(2);
}
createMigration(name).then(
  ({ path }) => {
    console.log(path ? `Wrote ${path}` : "The schema and the migrations agree: nothing to write.");
    process.exit(0);
  },
  (error: Error) => {
    console.error(`db:migration:create: ${error.message}`);
    process.exit(1);
  },
);
