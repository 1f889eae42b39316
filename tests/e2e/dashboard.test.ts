import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer, type RunningServer } from "@coop/admin/launcher";
import { createTestUser } from "../support/auth";
import { resolveChromium } from "@coop/browser";
import { useTestDatabase } from "../support/database";
import { PageProblems } from "../support/page-problems";

const screenshot = (name: string) => fileURLToPath(new URL(`../../test-results/dashboard-${name}.png`, import.meta.url));
const TITLE = "Malawi and Belarus sign an e2e agricultural drones memorandum";
const IMPORT_CSV = [
  "external_id,title,kind,status,african_countries,partner_countries,sectors,source_url,source_title",
  "e2e-1,Senegal and Russia agree on e2e satellite training,MOU,SIGNED,SN,RU,space,https://example.org/e2e-1,Press release one",
  "e2e-2,Kenya and Belarus discuss e2e tractor assembly,TALKS,ANNOUNCED,KE,BY,,https://example.org/e2e-2,Press release two",
  "e2e-3,A row without a known kind,BANANA,SIGNED,KE,RU,,https://example.org/e2e-3,Press release three",
].join("\n");

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

const database = useTestDatabase();
let app: RunningServer;
let browser: Browser;
const users = {} as Record<"admin" | "editor" | "contributor", TestUser>;
const problems = new PageProblems();
let recordUrl = "";

beforeAll(async () => {
  app = await launchServer({ port: await findFreePort(), databaseUrl: database.url, migrationUrl: database.ownerUrl });
  users.admin = await createTestUser(database.db, "ADMIN");
  users.editor = await createTestUser(database.db, "EDITOR");
  users.contributor = await createTestUser(database.db, "CONTRIBUTOR");
  browser = await chromium.launch({ ...(await resolveChromium()).launchOptions, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

afterEach(() => {
  expect(problems.take()).toEqual([]);
});

/** A fresh page whose console errors and failed requests fail the test, but for those `expected`. */
async function newPage(width = 1280, expected: RegExp[] = []): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: app.url });
  return problems.watch(await context.newPage(), expected);
}

/** A refusal the test provokes on purpose: the response and the browser's console line about it. */
const refusal = (status: number, path: string) => [new RegExp(`^${status} for \\w+ .*${path}`), new RegExp(`status of ${status}`)];

async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.goto("/admin/sign-in");
  await field(page, "Email").fill(user.email);
  await field(page, "Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Overview" }).waitFor();
}

/** A form control by its whole label; Mantine adds " *" to the label of a required field. */
function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s*\\*)?$`));
}

/** Picks an option of a Mantine select (searchable or not) found by its label inside `scope`. */
async function choose(page: Page, scope: Locator | Page, label: string, option: string, search?: string): Promise<void> {
  const input = field(scope, label);
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("the editors' dashboard", () => {
  it("sends visitors to sign in, refuses a wrong password, and serves /admin with a strict CSP", async () => {
    const page = await newPage(1280, refusal(401, "/api/auth/sign-in/email"));
    const response = await page.goto("/admin/records");
    expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    // Public pages and the widget keep their own rules: never the dashboard's nonce policy
    // (public pages allow their inline scripts by hash, so one kept page serves everyone).
    for (const path of ["/", "/records", "/fr/records", "/widget/coop-feed.js"]) {
      const publicResponse = await page.request.get(path);
      expect(publicResponse.status()).toBe(200);
      expect(publicResponse.headers()["content-security-policy"] ?? "").not.toMatch(/nonce-|strict-dynamic/);
    }

    await field(page, "Email").fill(users.contributor.email);
    await field(page, "Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" }).textContent()).resolves.toContain("Invalid email or password");
    await page.screenshot({ path: screenshot("sign-in") });
    await page.context().close();
  });

  it("makes a user with a one-time password choose a new one before anything else", async () => {
    const page = await newPage(1280, refusal(400, "/api/trpc/account.changePassword"));
    const newcomer = await createTestUser(database.db, "EDITOR", { mustChangePassword: true });
    await page.goto("/admin/sign-in");
    await field(page, "Email").fill(newcomer.email);
    await field(page, "Password").fill(newcomer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin\/password$/);
    await page.getByText("You signed in with a one-time password").waitFor();
    await page.goto("/admin/records");
    expect(new URL(page.url()).pathname).toBe("/admin/password");

    await field(page, "Current password").fill(newcomer.password);
    await field(page, "New password").fill("password");
    await field(page, "Repeat the new password").fill("password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("is one of the most common passwords; choose another").waitFor();
    await page.screenshot({ path: screenshot("password") });

    const chosen = `Kigali-Minsk-${Date.now()}`;
    await field(page, "New password").fill(chosen);
    await field(page, "Repeat the new password").fill(chosen);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await page.context().close();
  });

  it("lets a contributor create a record with two parties, a commitment and a source, and submit it", async () => {
    const page = await newPage();
    await signIn(page, users.contributor);
    await page.goto("/admin/records/new");
    await field(page, "Title").fill(TITLE);
    await field(page, "Summary").fill("Drones for crop monitoring, with training for Malawian agronomists.");
    await field(page, "Signed on").fill("2025-03");

    const africanParty = page.getByRole("group", { name: "Party 1" });
    await choose(page, africanParty, "Country", "Malawi (MW)", "Mala");
    await field(africanParty, "Organisation").fill("E2E Malawi Ministry of Agriculture");
    await page.getByRole("option", { name: /Create “E2E Malawi Ministry of Agriculture”/ }).click();
    const createDialog = page.getByRole("dialog", { name: "New organisation" });
    await createDialog.getByRole("button", { name: "Create organisation" }).click();
    await createDialog.waitFor({ state: "hidden" });
    const partnerParty = page.getByRole("group", { name: "Party 2" });
    await choose(page, partnerParty, "Country", "Belarus (BY)", "Bela");

    const source = page.getByRole("group", { name: "Source 1" });
    await field(source, "Source 1 URL").fill("https://example.org/e2e-drones");
    await field(source, "Source title").fill("Ministry press release");
    await page.getByRole("button", { name: "Add commitment" }).click();
    const commitment = page.getByRole("group", { name: "Commitment 1" });
    await field(commitment, "Commitment 1").fill("Deliver 40 agricultural drones");
    await field(commitment, "Quantity").fill("40");
    await choose(page, commitment, "Source", "1. Ministry press release");
    await page.screenshot({ path: screenshot("editor-new"), fullPage: true });

    await page.getByRole("button", { name: "Create draft" }).first().click();
    await page.waitForURL(/\/admin\/records\/[0-9a-f-]{36}$/);
    recordUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId("record-state").textContent()).resolves.toBe("draft");
    await field(page, "Venue").fill("Lilongwe");
    await page.getByText(/^Draft saved automatically at/).waitFor();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByTestId("record-state").getByText("in review").waitFor();
    await page.screenshot({ path: screenshot("editor"), fullPage: true });
    await page.context().close();
  });

  it("lets an editor publish it from the review queue, after which the public feed lists it", async () => {
    const page = await newPage();
    await signIn(page, users.editor);
    // The charts load when they scroll near, measure their box, then draw.
    await page.getByRole("heading", { name: "By year" }).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator(".recharts-wrapper").count()).toBe(3);
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await expect(page.getByRole("img", { name: /^Map of Africa\. Zimbabwe 3, / }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshot("overview"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: screenshot("overview-dark"), fullPage: true });
    await page.goto("/admin/review");
    const card = page.getByRole("article", { name: TITLE });
    await card.getByRole("button", { name: "Approve and publish" }).click();
    await card.waitFor({ state: "detached" });

    const feed = await fetch(`${app.url}/api/trpc/feed.latest?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`);
    const body = (await feed.json()) as { result: { data: { items: { title: string }[] } } };
    expect(body.result.data.items.map((item) => item.title)).toContain(TITLE);

    await page.goto("/admin/records?state=PUBLISHED");
    await page.getByRole("link", { name: TITLE }).waitFor();
    await page.screenshot({ path: screenshot("records"), fullPage: true });
    await page.context().close();
  });

  it("sorts the records list by a column header, by mouse or keyboard, and keeps the order in the URL", async () => {
    const page = await newPage();
    await signIn(page, users.editor);
    await page.goto("/admin/records");
    // The headers only react once the page is hydrated.
    await page.waitForLoadState("networkidle");
    const table = page.getByRole("table", { name: "Records" });
    const titles = () => table.locator("tbody tr td:nth-child(2) a").allTextContents();
    const header = (name: string) => table.getByRole("columnheader", { name, exact: true });
    await expect(header("Updated").getAttribute("aria-sort")).resolves.toBe("descending");
    await expect(header("Title").getAttribute("aria-sort")).resolves.toBeNull();

    await header("Title").getByRole("button").click();
    await page.waitForURL(/\/admin\/records\?sort=title&order=asc$/);
    await expect.poll(() => header("Title").getAttribute("aria-sort")).toBe("ascending");
    await expect(header("Updated").getAttribute("aria-sort")).resolves.toBeNull();
    const ascending = await titles();
    expect(ascending.length).toBeGreaterThan(2);
    expect(ascending).toEqual([...ascending].sort());

    await header("Title").getByRole("button").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/records\?sort=title&order=desc$/);
    await expect.poll(() => header("Title").getAttribute("aria-sort")).toBe("descending");
    await expect.poll(titles).toEqual([...ascending].reverse());
    await page.screenshot({ path: screenshot("records-sorted"), fullPage: true });

    // A shared link opens in its order, and filters keep it.
    await page.goto("/admin/records?state=PUBLISHED&sort=signed&order=asc");
    await expect(header("Signed").getAttribute("aria-sort")).resolves.toBe("ascending");
    await page.waitForLoadState("networkidle");
    await field(page, "Search").fill("e2e");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/\?q=e2e&state=PUBLISHED&sort=signed&order=asc$/);
    await expect(header("Signed").getAttribute("aria-sort")).resolves.toBe("ascending");
    await page.context().close();
  });

  it("shows the conflict screen when someone else saved first, and saves after reapplying", async () => {
    const page = await newPage(1280, refusal(409, "/api/trpc/agreement.update"));
    await signIn(page, users.editor);
    await page.goto(recordUrl);
    await field(page, "Summary").fill("Drones and training, as edited in the browser.");

    // A colleague saves the same version through the API first.
    const id = recordUrl.split("/").pop()!;
    const stored = await page.request.get(`/api/trpc/agreement.get?input=${encodeURIComponent(JSON.stringify({ id }))}`);
    const { version } = ((await stored.json()) as { result: { data: { version: number } } }).result.data;
    const colleague = await page.request.post("/api/trpc/agreement.update", {
      headers: { origin: app.url },
      data: {
        id,
        expectedVersion: version,
        data: {
          title: `${TITLE} (corrected)`,
          kind: "MOU",
          status: "SIGNED",
          signedOn: "2025-03",
          parties: [
            { countryCode: "MW", side: "AFRICA" },
            { countryCode: "BY", side: "PARTNER" },
          ],
          sources: [{ url: "https://example.org/e2e-drones", title: "Ministry press release" }],
        },
      },
    });
    expect(colleague.status()).toBe(200);

    await page.getByRole("button", { name: "Save" }).first().click();
    const conflict = page.getByTestId("conflict-screen");
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain("(corrected)");
    await page.screenshot({ path: screenshot("conflict"), fullPage: true });
    await page.getByRole("button", { name: "Reapply my changes to their version" }).click();
    await expect(field(page, "Summary").inputValue()).resolves.toBe("Drones and training, as edited in the browser.");
    await expect(field(page, "Title").inputValue()).resolves.toBe(`${TITLE} (corrected)`);
    await page.getByRole("button", { name: "Save" }).first().click();
    await page.getByText("Saved", { exact: true }).waitFor();
    await page.context().close();
  });

  it("imports a small CSV after a dry run that reports the bad row", async () => {
    const page = await newPage();
    await signIn(page, users.editor);
    await page.goto("/admin/import");
    // The file input only reacts once the page is hydrated: wait for the network to settle first.
    await page.waitForLoadState("networkidle");
    const check = page.getByRole("button", { name: "Check (dry run)" });
    for (let attempt = 0; attempt < 3 && !(await check.isEnabled()); attempt += 1) {
      await page.locator("input[type=file]").setInputFiles({ name: "records.csv", mimeType: "text/csv", buffer: Buffer.from(IMPORT_CSV) });
      await check.waitFor({ state: "visible" });
      await page.waitForTimeout(500);
    }
    await check.click();
    const summary = page.getByTestId("import-summary");
    await summary.getByText("Dry run: nothing was written").waitFor();
    await expect(summary.textContent()).resolves.toContain("2 created");
    await expect(page.getByRole("table", { name: "Rows of the file" }).textContent()).resolves.toMatch(/kind: .+/);
    await page.getByRole("button", { name: "Download error report" }).waitFor();
    await page.screenshot({ path: screenshot("import"), fullPage: true });

    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await summary.getByText("Import finished").waitFor();
    await expect(summary.textContent()).resolves.toContain("2 created");
    await page.context().close();
  });

  it("turns a pasted report into a cited draft, then adds a second report to it as a source", async () => {
    const page = await newPage();
    await signIn(page, users.editor);
    await page.getByRole("link", { name: "Add from report" }).click();
    const first = "Tanzania and Belarus signed an agreement on e2e tractor assembly on Monday in Dodoma.";
    await field(page, "Report").fill(first);
    await field(page, "Address of the report").fill("https://example.org/e2e-tractors");
    await field(page, "Published on").fill("2025-03-12");
    await page.getByRole("button", { name: "Read the report" }).click();

    const report = page.getByTestId("highlighted-report");
    await expect(report.locator('mark[data-field="signedOn"]').textContent()).resolves.toMatch(/^on Monday/);
    await expect(report.locator('mark[data-field^="parties."]').count()).resolves.toBeGreaterThanOrEqual(2);
    // Dropped by keyboard: the venue is not kept.
    const venue = page.getByRole("checkbox", { name: /Venue/ });
    await venue.focus();
    await page.keyboard.press("Space");
    await expect(venue.isChecked()).resolves.toBe(false);
    await page.screenshot({ path: screenshot("intake-proposal"), fullPage: true });
    await page.getByRole("button", { name: "Continue in the editor" }).click();
    await expect(field(page, "Signed on").inputValue()).resolves.toBe("2025-03-10");
    await expect(field(page, "Venue").inputValue()).resolves.toBe("");
    await page.getByRole("button", { name: "Create draft" }).first().click();
    await page.waitForURL(/\/admin\/records\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/").at(-1)!;
    const stored = await database.db.agreement.findUniqueOrThrow({
      where: { id },
      select: { venue: true, signedOn: true, sources: { select: { text: true } }, citations: { select: { field: true, quote: true } } },
    });
    expect(stored).toMatchObject({ venue: null, signedOn: new Date("2025-03-10T00:00:00Z"), sources: [{ text: first }] });
    expect(stored.citations).toEqual(expect.arrayContaining([{ field: "signedOn", quote: "on Monday" }]));
    expect(stored.citations.map((citation) => citation.field)).not.toContain("venue");

    await page.getByRole("link", { name: "Add from report" }).click();
    await field(page, "Report").fill(`${first} Under the agreement Belarus will train 300 Tanzanian mechanics.`);
    await field(page, "Published on").fill("2025-03-13");
    await page.getByRole("button", { name: "Read the report" }).click();
    const matches = page.getByRole("region", { name: "Records that may be this event" });
    await matches.getByRole("link", { name: /Tanzania and Belarus/ }).waitFor();
    await matches.getByRole("button", { name: "Add as a source to this record" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("checkbox", { name: /Add to commitments: 300 Tanzanian mechanics/ }).waitFor();
    await page.screenshot({ path: screenshot("intake-attach"), fullPage: true });
    await dialog.getByRole("button", { name: "Add the source" }).click();
    await page.waitForURL(new RegExp(`/admin/records/${id}$`));
    const updated = await database.db.agreement.findUniqueOrThrow({
      where: { id },
      select: { sources: { select: { id: true }, orderBy: { position: "asc" } }, commitments: { select: { quantity: true, sourceId: true } } },
    });
    expect(updated.sources).toHaveLength(2);
    expect(updated.commitments).toEqual([{ quantity: expect.anything(), sourceId: updated.sources[1]!.id }]);
    await page.context().close();
  });

  it("generates an embed snippet with a live preview of the real element", async () => {
    const page = await newPage();
    await signIn(page, users.editor);
    await page.goto("/admin/embed");
    await choose(page, page, "Language", "Français");
    await page.getByLabel("Theme", { exact: true }).getByText("dark", { exact: true }).click();
    const snippet = page.getByTestId("embed-snippet");
    await expect(snippet.textContent()).resolves.toContain(`<script type="module" src="${app.url}/widget/coop-feed.js"></script>`);
    await expect(snippet.textContent()).resolves.toMatch(/<coop-feed lang="fr" theme="dark">/);
    await page.waitForFunction(() => document.querySelector("[data-testid=embed-preview] coop-feed")?.shadowRoot?.querySelector("ul[part=list]"));
    // Let the widget's fade-in finish before the picture.
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshot("embed"), fullPage: true });
    await page.context().close();
  });

  it("shows all of it in the audit log to an admin", async () => {
    const page = await newPage();
    await signIn(page, users.admin);
    await page.goto("/admin/audit");
    const log = page.getByRole("table", { name: "Audit log" });
    await log.getByText("agreement.approve").first().waitFor();
    const text = await log.textContent();
    for (const action of [
      "login.failure",
      "login.success",
      "organization.create",
      "agreement.create",
      "agreement.submit",
      "agreement.approve",
      "agreement.update",
    ]) {
      expect(text).toContain(action);
    }
    await page.screenshot({ path: screenshot("audit"), fullPage: true });

    await field(page, "Action starts with").fill("agreement.approve");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(async () => log.locator("tbody tr").count()).toBe(1);
    await page.context().close();
  });

  it("gives admins users, tokens, organisations and a record's history", async () => {
    const page = await newPage();
    await signIn(page, users.admin);
    await page.goto("/admin/users");
    await field(page, "Invite by email").fill("new-editor@example.org");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await page.getByText(/\/admin\/invitation\/[A-Za-z0-9_-]{20,}/).waitFor();
    await page.screenshot({ path: screenshot("users"), fullPage: true });

    await page.goto("/admin/tokens");
    await field(page, "Name").fill("Newsroom sync");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("token-secret").textContent()).resolves.toMatch(/^coop_/);
    await page.screenshot({ path: screenshot("tokens"), fullPage: true });

    await page.goto("/admin/organizations");
    await field(page, "Search").fill("E2E Malawi");
    const organizations = page.getByRole("table", { name: "Organisations" });
    await expect.poll(() => organizations.locator("tbody tr").count()).toBeLessThan(4);
    await organizations.getByRole("cell", { name: /E2E Malawi Ministry of Agriculture/ }).waitFor();
    await page.screenshot({ path: screenshot("organizations"), fullPage: true });

    await page.goto(`${recordUrl}/history`);
    await page.getByRole("table", { name: "Differences between the versions" }).getByRole("cell", { name: "summary", exact: true }).waitFor();
    await page.screenshot({ path: screenshot("history"), fullPage: true });
    await page.context().close();
  });

  it("works on a 390 px phone in the dark theme, without script or style errors", async () => {
    const page = await newPage(390);
    await page.emulateMedia({ colorScheme: "dark" });
    await signIn(page, users.editor);
    await page.goto(recordUrl);
    await expect.poll(() => field(page.getByRole("group", { name: "Party 1" }), "Country").inputValue()).toBe("Malawi (MW)");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshot("phone-editor"), fullPage: true });
    await page.goto("/admin");
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await page.reload();
    // The saved choice is on <html> before any React code runs: no flash of the wrong theme.
    await expect(page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).resolves.toBe("light");
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await page.getByRole("button", { name: "Toggle navigation" }).click();
    await page.getByRole("link", { name: "Records" }).waitFor();
    await page.screenshot({ path: screenshot("phone-overview-dark") });
    await page.context().close();
  });
});
