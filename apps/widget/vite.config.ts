import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

/** The whole widget, Lit included, in 9 KB of gzip; declared in package.json so `pnpm bench` checks the same number. */
const GZIP_BUDGET_BYTES = (JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")) as { gzipBudgetBytes: number }).gzipBudgetBytes;

/** Collapses whitespace and comments inside css`` templates, which no JS minifier touches. */
function minifyCssTemplates(): Plugin {
  return {
    name: "coop-minify-css-templates",
    transform(code, id) {
      if (!id.endsWith(".styles.ts")) return null;
      return code.replace(/css`([^`]*)`/g, (_, body: string) => {
        const compact = body
          .replace(/\/\*[\s\S]*?\*\//g, "")
          .replace(/\s+/g, " ")
          // Never "+" or "-": calc() needs the spaces around them (these styles use no calc()).
          .replace(/ ?([{};,>]) ?/g, "$1")
          .replace(/: /g, ":")
          .replace(/([^\d.])0\./g, "$1.")
          .replace(/;}/g, "}");
        return `css\`${compact.trim()}\``;
      });
    },
  };
}

/**
 * Drops the indentation of html`` templates from the bundle. After minification the only
 * line breaks left are those inside templates, where whitespace between elements renders
 * nothing (the templates keep inline text on one line).
 */
function minifyHtmlTemplates(): Plugin {
  return {
    name: "coop-minify-html-templates",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) if (file.type === "chunk") file.code = file.code.replace(/\n\s*/g, "");
    },
  };
}

/** Fails the build when the bundle, as a server gzips it on the fly (default level), is over its budget. */
function enforceGzipBudget(): Plugin {
  return {
    name: "coop-gzip-budget",
    writeBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== "chunk") continue;
        const gzipBytes = gzipSync(file.code).length;
        if (gzipBytes > GZIP_BUDGET_BYTES) {
          this.error(
            `${file.fileName} is ${gzipBytes} bytes gzipped, over its budget of ${GZIP_BUDGET_BYTES} bytes (apps/widget/package.json "gzipBudgetBytes").`,
          );
        }
      }
    },
  };
}

// One self-contained ES module (Lit included) that any page loads with a single script tag.
export default defineConfig({
  plugins: [minifyCssTemplates(), minifyHtmlTemplates(), enforceGzipBudget()],
  build: {
    lib: { entry: "src/coop-feed.ts", formats: ["es"], fileName: () => "coop-feed.js" },
    target: "es2022",
    // Library mode keeps whitespace and comments for re-bundling; this file goes to browsers as is.
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});
