import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { resolveChromium } from "@coop/browser";
import { createCoopClient, type RouterOutputs, TRPCClientError } from "@coop/core/client";
import { findFreePort } from "@coop/core/lifecycle";
import { createApiToken, transitionAgreement } from "@coop/core/domain";
import { launchServer, type RunningServer } from "@coop/admin/launcher";
import { useTestDatabase } from "../support/database";
import { sampleAgreementInput, userActor } from "../support/records";

const run = promisify(execFile);
const API_MD = fileURLToPath(new URL("../../docs/API.md", import.meta.url));
const database = useTestDatabase();
let server: RunningServer;
let token: string;

/** The fenced code block that follows `marker` in docs/API.md. */
async function documentedBlock(marker: string): Promise<string> {
  const text = await fs.readFile(API_MD, "utf8");
  const block = new RegExp(`${marker}\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(text)?.[1];
  if (!block) throw new Error(`docs/API.md has no code block after ${marker}`);
  return block;
}

beforeAll(async () => {
  server = await launchServer({ port: await findFreePort(), databaseUrl: database.url, migrationUrl: database.ownerUrl });
  token = (await createApiToken(database.db, await userActor(database.db, "EDITOR"), { name: "other app", scopes: ["records:read-drafts", "records:write"] }))
    .secret;
});
afterAll(async () => {
  await server?.stop();
});

describe("the typed client against a real server", () => {
  it("sends its token: editorial calls work with it and are refused without", async () => {
    const withToken = createCoopClient(server.url, { token });
    const draft = await withToken.agreement.create.mutate({ data: sampleAgreementInput(), confirmNotDuplicate: true });
    expect(draft).toMatchObject({ state: "DRAFT", version: 1 });
    const mine = await withToken.agreement.listForEditors.query({ mine: true });
    expect(mine.items.map((item) => item.id)).toContain(draft.id);
    const refused = await createCoopClient(server.url)
      .agreement.listForEditors.query({})
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<never>).data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    const badToken = await createCoopClient(server.url, { token: "coop_not-a-token" })
      .agreement.list.query({})
      .catch((error: unknown) => error);
    expect((badToken as TRPCClientError<never>).data).toMatchObject({ httpStatus: 401 });
  });

  it("types dates as the ISO strings that arrive", async () => {
    const client = createCoopClient(server.url, { token });
    const draft = await client.agreement.create.mutate({ data: sampleAgreementInput(), confirmNotDuplicate: true });
    expectTypeOf(draft.createdAt).toEqualTypeOf<string>();
    expectTypeOf<RouterOutputs["agreement"]["list"]["items"][number]["publishedAt"]>().toEqualTypeOf<string | null>();
    expectTypeOf<RouterOutputs["webhook"]["deliveries"]["items"][number]["createdAt"]>().toEqualTypeOf<string>();
    expect(typeof draft.createdAt).toBe("string");
    expect(new Date(draft.createdAt).toISOString()).toBe(draft.createdAt);
    const [record] = (await client.agreement.list.query({ limit: 1 })).items;
    expect(record!.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("runs the sync example of docs/API.md: records come, and go when unpublished", async () => {
    const example = path.join(path.dirname(fileURLToPath(import.meta.url)), `.sync-example-${process.pid}.ts`);
    await fs.writeFile(example, await documentedBlock("<!-- example: sync -->"));
    try {
      const { syncRecords } = (await import(pathToFileURL(example).href)) as {
        syncRecords: (baseUrl: string, mirror: Map<string, { slug: string }>, since: string) => Promise<string>;
      };
      const mirror = new Map<string, { slug: string }>();
      const since = await syncRecords(server.url, mirror, "2000-01-01T00:00:00Z");
      expect([...mirror.values()].map((record) => record.slug).sort()).toContain("zimbabwe-cyberzim-consortium-cybersecurity-mou-2025");
      const before = mirror.size;

      const editor = await userActor(database.db, "EDITOR");
      const withdrawn = await database.db.agreement.findUniqueOrThrow({ where: { slug: "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025" } });
      await transitionAgreement(
        database.db,
        editor,
        { id: withdrawn.id, expectedVersion: withdrawn.version, action: "unpublish" },
        { requireSecondReviewer: false },
      );
      await syncRecords(server.url, mirror, since);
      expect(mirror.has(withdrawn.id)).toBe(false);
      expect(mirror.size).toBe(before - 1);
    } finally {
      await fs.rm(example, { force: true });
    }
  });
});

describe("other languages", () => {
  it("runs every curl example of docs/API.md against the server", async () => {
    const commands = (await documentedBlock("<!-- examples: curl -->"))
      .replace(/\\\n\s*/g, "")
      .split("\n")
      .filter((line) => line.startsWith("curl "));
    expect(commands.length).toBeGreaterThanOrEqual(6);
    for (const command of commands) {
      const { stdout } = await run("bash", ["-c", command.replaceAll("https://coop.example", server.url)], { env: { ...process.env, COOP_TOKEN: token } });
      if (command.includes("-w ")) expect(stdout.trim()).toMatch(/^(200|304)$/);
      else expect(() => JSON.parse(stdout) as unknown, command).not.toThrow();
    }
  });

  it("serves the OpenAPI document and an API reference page that loads nothing from elsewhere", async () => {
    const document = await fetch(`${server.url}/api/openapi.json`);
    expect(document.status).toBe(200);
    expect(document.headers.get("access-control-allow-origin")).toBe("*");
    expect(((await document.json()) as { servers: { url: string }[] }).servers[0]!.url).toBe(`${server.url}/api/v1`);

    const browser = await chromium.launch({ ...(await resolveChromium()).launchOptions, headless: true });
    try {
      const page = await browser.newPage();
      const elsewhere: string[] = [];
      const problems: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) elsewhere.push(request.url());
      });
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      const response = await page.goto(`${server.url}/api/docs`);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      await page.getByText("Published records matching the filters, newest first").first().waitFor({ timeout: 30_000 });
      expect(elsewhere).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
