import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTemporaryDataDir, findFreePort } from "@coop/core/lifecycle";
import { failed, proved } from "./harness";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface LauncherProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The launcher as `npm start` runs it after building: embedded PostgreSQL in `dataDir`, no DATABASE_URL. */
function startLauncher(dataDir: string, port: number): LauncherProcess {
  const { DATABASE_URL: _external, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "apps/admin/src/launcher/cli.ts"], {
    cwd: repoRoot,
    env: { ...env, COOP_DATA_DIR: dataDir, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function untilRunning(launcher: LauncherProcess): Promise<void> {
  const running = (async () => {
    while (!launcher.output().includes("is running at")) {
      if (launcher.child.exitCode !== null) throw new Error(`the first instance exited: ${launcher.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  await within(running, 120_000, "the first instance to start");
}

const postmasterPid = async (dataDir: string) => Number((await fs.readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);

/**
 * A second `npm start` on the data directory of a running one: it refuses with a clear
 * message and a non-zero exit, and the first instance and its PostgreSQL keep serving.
 */
export async function secondInstance(): Promise<void> {
  const dataDir = await createTemporaryDataDir("coop-second-instance-");
  const firstPort = await findFreePort();
  const first = startLauncher(dataDir, firstPort);
  try {
    await untilRunning(first);
    const pidBefore = await postmasterPid(dataDir);
    const second = startLauncher(dataDir, await findFreePort());
    const secondExit = await within(second.exited, 60_000, "the second instance to exit");
    const refusal =
      second
        .output()
        .split("\n")
        .find((line) => line.includes("could not start")) ?? "";

    const base = `http://127.0.0.1:${firstPort}`;
    const health = await fetch(`${base}/api/health`);
    const list = await fetch(`${base}/api/trpc/agreement.list`);
    const records = list.ok ? ((await list.json()) as { result: { data: { items: unknown[] } } }).result.data.items.length : null;
    const details = {
      secondExitCode: secondExit,
      secondSaid: refusal.trim(),
      firstHealth: health.status,
      firstListStatus: list.status,
      firstListRecords: records,
      samePostgres: (await postmasterPid(dataDir)) === pidBefore,
    };
    const ok =
      secondExit !== 0 &&
      secondExit !== null &&
      refusal.includes("in use by another running instance") &&
      health.status === 200 &&
      list.status === 200 &&
      records !== null &&
      records > 0 &&
      details.samePostgres;
    if (!ok) failed("second instance on the same data directory", { ...details, secondOutput: second.output() });
    proved(
      "second instance on the same data directory",
      `the second launcher exited with code ${secondExit} saying the directory is in use; the first kept serving (health ${health.status}, list ${list.status}) on the same PostgreSQL`,
      details,
    );
  } finally {
    first.child.kill("SIGTERM");
    await within(first.exited, 30_000, "the first instance to stop").catch(() => first.child.kill("SIGKILL"));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
