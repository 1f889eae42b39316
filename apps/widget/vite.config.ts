import { defineConfig, type Plugin } from "vite";

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
          .replace(/ ?([{};,>]) ?/g, "$1")
          .replace(/: /g, ":")
          .replace(/([^\d.])0\./g, "$1.")
          .replace(/;}/g, "}");
        return `css\`${compact.trim()}\``;
      });
    },
  };
}

// One self-contained ES module (Lit included) that any page loads with a single script tag.
export default defineConfig({
  plugins: [minifyCssTemplates()],
  build: {
    lib: { entry: "src/coop-feed.ts", formats: ["es"], fileName: () => "coop-feed.js" },
    target: "es2022",
    // Library mode keeps whitespace and comments for re-bundling; this file goes to browsers as is.
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});
