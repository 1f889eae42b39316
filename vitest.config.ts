import { playwright } from "@vitest/browser-playwright";
import { configDefaults, defineConfig } from "vitest/config";
import { resolveChromium } from "@coop/browser";

// Resolved here, in the main process, so the bundled Chromium is unpacked once before any worker runs;
// when none can be found, the browser project's global setup fails with the reason.
const chromium = await resolveChromium().catch(() => null);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "**/*.browser.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["apps/widget/src/**/*.browser.test.ts"],
          globalSetup: ["tests/setup/require-chromium.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: chromium?.launchOptions ?? {},
              // West of UTC, so a record date that slipped to the previous day would show.
              contextOptions: { timezoneId: "America/Los_Angeles" },
            }),
            instances: [{ browser: "chromium" }],
            screenshotDirectory: "test-results/browser",
          },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
