#!/usr/bin/env node
// The two entry points of a fresh clone: `npm start` and `npm test`. Plain Node,
// no dependencies: it brings pnpm (without corepack), installs, builds, then runs.
import { spawn, spawnSync } from "node:child_process";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`coop-tracker needs Node.js >= 20.19 (this is ${process.version}).`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const hasPnpm = spawnSync("pnpm", ["--version"], { stdio: "ignore", env, shell: process.platform === "win32" }).status === 0;
const pnpm = hasPnpm ? ["pnpm"] : ["npx", "--yes", "pnpm@10"];

function run(args, options) {
  return runCommand(pnpm[0], [...pnpm.slice(1), ...args], options);
}

function runCommand(command, args, { exitOnFailure = true } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env, shell: process.platform === "win32" && command !== process.execPath });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      const status = code ?? (signal ? 1 : 0);
      if (status !== 0 && exitOnFailure) process.exit(status);
      resolve(status);
    });
  });
}

const steps = {
  async start() {
    await run(["install", "--frozen-lockfile"]);
    await run(["build"]);
    // Run the launcher directly so Ctrl+C reaches it without a package manager in between.
    await runCommand(process.execPath, ["--import", "tsx", "apps/admin/src/launcher/cli.ts"]);
  },
  async test() {
    await run(["install", "--frozen-lockfile"]);
    await run(["db:generate"]);
    await run(["typecheck"]);
    await run(["lint"]);
    await run(["format:check"]);
    await run(["build"]);
    await run(["test:all"]);
  },
};

const command = process.argv[2];
if (!(command in steps)) {
  console.error("usage: node scripts/bootstrap.mjs start|test");
  process.exit(2);
}
await steps[command]();
