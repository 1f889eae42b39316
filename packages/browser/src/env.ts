import { z } from "zod";

const BrowserEnv = z.object({
  CHROME_PATH: z.string().min(1).optional(),
  /** `bundled` forces the npm-shipped Chromium (CI proves the fresh-machine path with it); `system` refuses it. */
  COOP_BROWSER: z.enum(["auto", "system", "bundled"]).default("auto"),
  LD_LIBRARY_PATH: z.string().optional(),
});

/** The browser resolver's validated environment: the only reader of process.env in this package. */
export const browserEnv = () => BrowserEnv.parse(process.env);

/** The browser's environment: this process's, with what it lacks on top. */
export const browserProcessEnv = (extra: Record<string, string>): Record<string, string | undefined> => ({ ...process.env, ...extra });
