// The one place that decides which Chromium the browser tests, end-to-end tests, benchmarks and
// screenshots drive: CHROME_PATH, else a system Chromium or Chrome, else the Chromium shipped inside
// the npm package @sparticuz/chromium, so a machine with nothing but Node runs them all.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { browserEnv, browserProcessEnv } from "./env";

export interface ResolvedChromium {
  /** Ready for Playwright's `launch`; `env` only when the browser needs libraries or fonts the system lacks. */
  launchOptions: { executablePath: string; args: string[]; env?: Record<string, string | undefined> };
  source: "CHROME_PATH" | "system" | "bundled";
}

const CONTAINER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const SYSTEM_LOCATIONS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

let resolving: Promise<ResolvedChromium> | undefined;

/** The Chromium to drive; rejects with what to do when there is none. Resolved once per process. */
export function resolveChromium(): Promise<ResolvedChromium> {
  resolving ??= findChromium();
  return resolving;
}

async function findChromium(): Promise<ResolvedChromium> {
  const env = browserEnv();
  if (env.COOP_BROWSER !== "bundled") {
    if (env.CHROME_PATH) {
      if (!isExecutable(env.CHROME_PATH))
        throw new Error(`CHROME_PATH is set to ${env.CHROME_PATH}, which is not an executable file. Point it at a Chromium or Chrome binary, or unset it.`);
      return { launchOptions: { executablePath: env.CHROME_PATH, args: CONTAINER_ARGS }, source: "CHROME_PATH" };
    }
    const system = SYSTEM_LOCATIONS.find(isExecutable);
    if (system) return { launchOptions: { executablePath: system, args: CONTAINER_ARGS }, source: "system" };
    if (env.COOP_BROWSER === "system") {
      throw new Error(
        `COOP_BROWSER=system, but no Chromium or Chrome was found (looked in ${SYSTEM_LOCATIONS.join(", ")}). Install one, set CHROME_PATH, or unset COOP_BROWSER to use the bundled Chromium.`,
      );
    }
  }
  return bundledChromium();
}

/** The npm package's Chromium (Linux x64 and arm64), unpacked once into the temporary directory. */
async function bundledChromium(): Promise<ResolvedChromium> {
  if (os.platform() !== "linux" || !["x64", "arm64"].includes(os.arch())) {
    throw new Error(
      `No Chromium found, and the bundled one runs only on Linux x64 and arm64 (this is ${os.platform()} ${os.arch()}). Install Chromium or Chrome, or set CHROME_PATH.`,
    );
  }
  const { default: chromium } = await import("@sparticuz/chromium");
  const executablePath = await chromium.executablePath();
  const extraEnv = await missingSystemParts(executablePath);
  const env = Object.keys(extraEnv).length ? browserProcessEnv(extraEnv) : undefined;
  return { launchOptions: { executablePath, args: CONTAINER_ARGS, ...(env && { env }) }, source: "bundled" };
}

/** Points the browser at the libraries and fonts unpacked beside it when the system has none of its own. */
async function missingSystemParts(executablePath: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const { stdout } = await promisify(execFile)("ldd", [executablePath]).catch(() => ({ stdout: "" }));
  if (/not found/.test(stdout)) {
    const { inflate } = await import("@sparticuz/chromium");
    const packageBin = path.join(path.dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")), "..", "bin");
    const libraries = await inflate(path.join(packageBin, "al2023.tar.br"));
    env.LD_LIBRARY_PATH = [path.join(libraries, "lib"), browserEnv().LD_LIBRARY_PATH].filter(Boolean).join(":");
  }
  if (!fs.existsSync("/etc/fonts/fonts.conf")) env.FONTCONFIG_PATH = path.join(os.tmpdir(), "fonts");
  return env;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
