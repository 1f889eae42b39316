import { readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync } from "node:zlib";

const BUNDLE = new URL("../../apps/widget/dist/coop-feed.js", import.meta.url);
/** The widget's own budget (its build fails over it too): the whole widget, Lit included, in 9 KB of gzip. */
const BUDGET_GZIP_BYTES = (JSON.parse(readFileSync(new URL("../../apps/widget/package.json", import.meta.url), "utf8")) as { gzipBudgetBytes: number })
  .gzipBudgetBytes;

/** Prints the compressed size of the built `<coop-feed>` bundle as one JSON line; over budget or unbuilt fails the run. */
export function benchWidgetSize(): void {
  let bundle: Buffer;
  try {
    bundle = readFileSync(BUNDLE);
  } catch {
    console.error(JSON.stringify({ bench: "widget bundle", error: "apps/widget/dist/coop-feed.js is missing: run `pnpm build` first" }));
    process.exitCode = 1;
    return;
  }
  // Default levels: what a server compressing on the fly sends.
  const gzipBytes = gzipSync(bundle).length;
  const brotliBytes = brotliCompressSync(bundle).length;
  console.log(JSON.stringify({ bench: "widget bundle", gzipBytes, brotliBytes, budgetGzipBytes: BUDGET_GZIP_BYTES }));
  if (gzipBytes > BUDGET_GZIP_BYTES) {
    console.error(`The widget bundle is ${gzipBytes} bytes gzipped, over its ${BUDGET_GZIP_BYTES}-byte budget.`);
    process.exitCode = 1;
  }
}
