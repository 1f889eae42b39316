import fs from "node:fs";

/** Debian's Chromium; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a headless Chromium in a container, with no calls home. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The Chromium the browser and e2e tests drive; a clear error when it is missing, never a skip. */
export function requireChromium(): string {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}; the browser and e2e tests need it. Install it with \`apt-get install -y chromium\` (.ci/run does this).`,
    );
  }
  return CHROMIUM_PATH;
}
