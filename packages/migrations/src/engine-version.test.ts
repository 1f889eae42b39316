import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, it } from "vitest";

const require = createRequire(import.meta.url);
const packageVersion = (file: string) => (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;

it("runs the WebAssembly schema engine built from the same engines as the installed Prisma", () => {
  const prismaPackage = require.resolve("prisma/package.json");
  const engines = createRequire(createRequire(prismaPackage).resolve("@prisma/engines/package.json"));
  const enginesVersion = packageVersion(engines.resolve("@prisma/engines-version/package.json"));
  const wasmDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  // Both read `<prisma version>-<engines commit>`: a Prisma upgrade must bring the matching wasm engine.
  expect(packageVersion(path.join(wasmDir, "package.json"))).toBe(enginesVersion);
  expect(enginesVersion.startsWith(`${packageVersion(prismaPackage)}-`)).toBe(true);
});
