import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const CORE = "packages/core/src";

/**
 * The one-way flow of packages/core, lowest first: a folder may import those before it, never
 * those after it (docs/ARCHITECTURE.md). `publishing` serialises what `domain` reads.
 */
const CORE_LAYERS = [
  ["validators"],
  ["db"],
  ["domain"],
  ["publishing"],
  ["http", "webhooks"],
  ["auth"],
  ["trpc"],
  ["rest"],
  ["gateway", "seed"],
  ["lifecycle"],
];

function coreLayerRules() {
  return CORE_LAYERS.map((layer, index) => {
    const above = CORE_LAYERS.slice(index + 1).flat();
    const beside = layer.length > 1 ? layer : [];
    return {
      files: layer.map((folder) => `${CORE}/${folder}/**/*.ts`),
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              ...layer.flatMap((folder) =>
                [...above, ...beside.filter((other) => other !== folder)].map((forbidden) => ({
                  regex: `^(\\.\\./)+${forbidden}(/|$)`,
                  message: `${folder}/ is below ${forbidden}/ in the core's layers: move the shared piece down instead (docs/ARCHITECTURE.md).`,
                })),
              ),
              { regex: "^@coop/(admin|widget)", message: "The core never imports an app." },
              { regex: "^(next|react)(/|$)", message: "The core is framework-free." },
            ],
          },
        ],
      },
    };
  });
}

const PRODUCT_CODE = ["packages/*/src/**/*.ts", "apps/*/src/**/*.{ts,tsx}", "apps/admin/app/**/*.{ts,tsx}", "apps/admin/proxy.ts"];

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/.turbo/**", "packages/core/src/generated/**", "**/next-env.d.ts", ".data/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly", Buffer: "readonly" },
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "*.ts", "scripts/*.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      "no-console": ["error", { allow: ["error", "warn", "log"] }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    files: ["apps/admin/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    settings: { next: { rootDir: "apps/admin/" } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
  ...coreLayerRules(),
  {
    files: ["apps/widget/src/**/*.ts"],
    // The tests stand in for the API, so they may word items with the core's own labels.
    ignores: ["apps/widget/src/**/*.test.ts", "apps/widget/src/test-fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@coop/core", "@coop/core/*"],
              allowTypeImports: true,
              message: "The widget takes only types from the core: it reaches the data over HTTP.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["apps/admin/**/*.{ts,tsx}"],
    ignores: ["apps/admin/src/server/db.ts", "apps/admin/src/launcher/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^@coop/core/(db|lifecycle)(/|$)", message: "The app reaches the database only through src/server/db.ts (and the launcher)." },
            { regex: "^@prisma/", message: "The app never uses Prisma directly: call the domain through tRPC or src/server." },
          ],
        },
      ],
    },
  },
  {
    files: PRODUCT_CODE,
    ignores: ["**/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read the environment through the package's env module (env.ts)." }],
    },
  },
  prettier,
);
