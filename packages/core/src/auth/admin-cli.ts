// `pnpm admin:create --email you@example.org [--name "..."] [--password-stdin]`
import { parseArgs } from "node:util";
import { createDb } from "../db/client";
import { migrateAsOwner } from "../db/roles";
import { openDatabaseServer } from "../db/server";
import { createAdmin } from "../domain/users";
import { ZEmail } from "../validators/accounts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean", default: false } },
  });
  const email = ZEmail.safeParse(values.email);
  if (!email.success) throw new Error("--email must be an email address, e.g. pnpm admin:create --email you@example.org");
  const password = values["password-stdin"] ? await readStdin() : undefined;

  const server = await openDatabaseServer({ shareRunningEmbedded: true });
  const db = createDb(server.url, { max: 2 });
  try {
    await migrateAsOwner(server, { warn: (line) => console.warn(line) });
    const created = await createAdmin(db, { email: email.data, name: values.name, password });
    console.log(`Admin ${created.user.email} created.`);
    // The generated password is printed once, by design; it must be changed at first sign-in.
    if (!password) console.log(`One-time password: ${created.password}\nIt must be changed at first sign-in.`);
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`admin:create: ${error.message}`);
    process.exit(1);
  },
);
