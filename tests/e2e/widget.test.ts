import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer, type RunningServer } from "@coop/admin/launcher";
import { resolveChromium } from "@coop/browser";
import { seriousAxeViolations } from "../support/accessibility";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";
import { PageProblems } from "../support/page-problems";

/** The budget the widget's build enforces. */
const WIDGET_GZIP_BUDGET_BYTES = (JSON.parse(readFileSync(new URL("../../apps/widget/package.json", import.meta.url), "utf8")) as { gzipBudgetBytes: number })
  .gzipBudgetBytes;
const SCREENSHOT = fileURLToPath(new URL("../../test-results/widget.png", import.meta.url));
const CYBERZIM = "Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU";
const CYBERZIM_FR = "Le ministère zimbabwéen des TIC et le consortium CyberZim signent un protocole d'accord sur la cybersécurité";

const database = useTestDatabase();
let app: RunningServer;
let host: http.Server;
let hostUrl: string;
let closedPort: number;
let browser: Browser;
let context: BrowserContext;
const problems = new PageProblems();

/** A third-party page (another origin: another port) embedding the widget with one script tag. */
function hostPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner news site</title><link rel="icon" href="data:,">
<script type="module" src="${app.url}/widget/coop-feed.js"></script>
<style>body { font-family: Georgia, serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; background: #faf7f2; }
h2 { font-size: 1rem; margin: 1.5rem 0 0.5rem; }</style></head><body>${body}</body></html>`;
}

const fallback = (text = "Latest cooperation records on coop-tracker") => `<a class="fallback" href="${app.url}/records">${text}</a>`;

const PAGES: Record<string, () => string> = {
  "/lazy": () =>
    hostPage(`<h1>Technology and diplomacy</h1><div id="article" style="height: 3000px">Long article text…</div>
<coop-feed id="feed" limit="4">${fallback()}</coop-feed><div style="height: 1200px"></div>`),
  "/down": () => hostPage(`<coop-feed id="feed" api="http://127.0.0.1:${closedPort}">${fallback()}</coop-feed>`),
  "/showcase": () =>
    hostPage(`<h1>Africa–Russia technology cooperation</h1>
<h2>layout="list"</h2><coop-feed limit="3">${fallback()}</coop-feed>
<h2>layout="cards" lang="fr" theme="dark"</h2><coop-feed layout="cards" lang="fr" theme="dark" limit="4">${fallback()}</coop-feed>
<h2>layout="compact" lang="pt" country="ZW"</h2><coop-feed layout="compact" lang="pt" country="ZW">${fallback()}</coop-feed>
<h2>lang="ru", API down</h2><coop-feed lang="ru" api="http://127.0.0.1:${closedPort}">${fallback("Все записи на coop-tracker")}</coop-feed>`),
  "/confidence": () =>
    hostPage(`<h2>Uganda, every record</h2><coop-feed id="feed" country="UG" lang="pt">${fallback()}</coop-feed>
<h2>Uganda, verified only</h2><coop-feed id="verified" country="UG" hide-unverified>${fallback()}</coop-feed>`),
};

beforeAll(async () => {
  // Uganda holds only these two; published long ago, so the newest records elsewhere stay the seed's.
  await insertAgreement(database.db, { africa: "UG", title: "Uganda data centre report", confidence: "UNVERIFIED", publishedAt: new Date("2020-01-02") });
  await insertAgreement(database.db, { africa: "UG", title: "Uganda fibre agreement", confidence: "CONFIRMED", publishedAt: new Date("2020-01-01") });
  app = await launchServer({ port: await findFreePort(), databaseUrl: database.url, migrationUrl: database.ownerUrl });
  closedPort = await findFreePort();
  host = http.createServer((request, response) => {
    const page = PAGES[new URL(request.url ?? "/", "http://host").pathname];
    response.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    response.end(page?.() ?? "not found");
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  browser = await chromium.launch({ ...(await resolveChromium()).launchOptions, headless: true });
  context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  // A cookie for 127.0.0.1 reaches both ports; the widget must never send it.
  await context.addCookies([{ name: "host_session", value: "secret", domain: "127.0.0.1", path: "/" }]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await app?.stop();
});

afterEach(() => {
  expect(problems.take()).toEqual([]);
});

/** Opens a host page; its console errors and failed requests fail the test, but for calls to the API that is down on purpose. */
async function openPage(path: string): Promise<{ page: Page; requests: string[] }> {
  const apiDown = [new RegExp(`127\\.0\\.0\\.1:${closedPort}`), /ERR_CONNECTION_REFUSED/];
  const page = problems.watch(await context.newPage(), apiDown);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${hostUrl}${path}`);
  await page.evaluate(() => customElements.whenDefined("coop-feed"));
  return { page, requests };
}

/** Resolves with the next coop-load or coop-error of #feed. */
function nextFeedEvent(page: Page, type: "coop-load" | "coop-error"): Promise<unknown> {
  return page.evaluate(
    (eventType) =>
      new Promise((resolve) => document.getElementById("feed")!.addEventListener(eventType, (event) => resolve((event as CustomEvent).detail), { once: true })),
    type,
  );
}

const feedRequests = (requests: string[]) => requests.filter((url) => url.includes("/api/trpc/feed.latest"));
const boxHeight = (page: Page) => page.locator("#feed").evaluate((element) => element.getBoundingClientRect().height);
const inFeed = (page: Page, selector: string) => page.locator("#feed").locator(selector);

describe("the widget bundle over HTTP", () => {
  it("is one cacheable ES module with CORS, an ETag and a pinned URL", async () => {
    const response = await fetch(`${app.url}/widget/coop-feed.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, s-maxage=3600, stale-while-revalidate=86400");
    const body = await response.text();
    expect(body).toContain("customElements.define(`coop-feed`");
    expect(gzipSync(body).length).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET_BYTES);

    const etag = response.headers.get("etag")!;
    const revalidated = await fetch(`${app.url}/widget/coop-feed.js`, { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);

    const pinnedPath = /^<([^>]+)>; rel="canonical"$/.exec(response.headers.get("link") ?? "")?.[1];
    expect(pinnedPath).toMatch(/^\/widget\/[0-9a-f]{16}\/coop-feed\.js$/);
    const pinned = await fetch(`${app.url}${pinnedPath}`);
    expect(pinned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(pinned.headers.get("etag")).toBe(etag);
    expect(await pinned.text()).toBe(body);

    const stale = await fetch(`${app.url}/widget/0000000000000000/coop-feed.js`, { redirect: "manual" });
    expect(stale.status).toBe(302);
    expect(stale.headers.get("location")).toBe("/widget/coop-feed.js");
  });
});

describe("<coop-feed> embedded on another origin", () => {
  it("fetches only near the viewport, without cookies, and renders the records without moving the page", async () => {
    const { page, requests } = await openPage("/lazy");
    await page.waitForTimeout(1000);
    expect(feedRequests(requests)).toEqual([]);
    await expect(page.locator("#feed a.fallback").isVisible()).resolves.toBe(true);
    const reservedHeight = await boxHeight(page);

    const loaded = nextFeedEvent(page, "coop-load");
    const feedRequest = page.waitForRequest((request) => request.url().includes("/api/trpc/feed.latest"));
    // Still 150px below the fold: inside the 200px look-ahead, so the fetch starts before it shows.
    await page.evaluate(() => window.scrollTo(0, document.getElementById("feed")!.offsetTop - window.innerHeight - 150));
    const request = await feedRequest;
    await loaded;

    expect(await request.allHeaders()).not.toHaveProperty("cookie");
    expect(new URL(request.url()).origin).toBe(app.url);
    expect(feedRequests(requests)).toHaveLength(1);
    expect(Math.abs((await boxHeight(page)) - reservedHeight)).toBeLessThanOrEqual(1);
    await expect(page.locator("#feed a.fallback").isVisible()).resolves.toBe(false);

    const titles = await inFeed(page, "[part=title]").allTextContents();
    expect(titles).toHaveLength(4);
    expect(titles).toContain(CYBERZIM);
    const hrefs = await inFeed(page, "a[part=link]").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^${app.url}/records/[a-z0-9-]+$`));
    // Nothing but the host page and the coop-tracker site was contacted.
    for (const url of requests) expect([hostUrl, app.url]).toContain(new URL(url).origin);

    await page.locator("#feed").scrollIntoViewIfNeeded();
    const tree = await page.locator("#feed").ariaSnapshot();
    expect(tree).toContain('- list "Latest cooperation records"');
    expect(tree).toContain(`- link "${CYBERZIM}"`);
    expect(tree.match(/- listitem/g)).toHaveLength(4);

    await page.keyboard.press("Tab");
    const focusRing = await inFeed(page, "a[part=link]")
      .first()
      .evaluate((link) => getComputedStyle(link, "::after").outlineStyle);
    expect(focusRing).toBe("solid");

    const switched = nextFeedEvent(page, "coop-load");
    await page.locator("#feed").evaluate((feed) => feed.setAttribute("lang", "fr"));
    await switched;
    const frenchTree = await page.locator("#feed").ariaSnapshot();
    expect(frenchTree).toContain('- list "Dernières fiches de coopération"');
    expect(await inFeed(page, "[part=title]").allTextContents()).toContain(CYBERZIM_FR);
    expect(await inFeed(page, "[part=status]").allTextContents()).toContain("Signé");
    expect(await inFeed(page, "[part=date]").allTextContents()).toContain("17 févr. 2025");
    expect(await inFeed(page, "[part=countries]").allTextContents()).toContain("Zimbabwe – Biélorussie");

    const background = () => inFeed(page, "[part=base]").evaluate((base) => getComputedStyle(base).backgroundColor);
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.locator("#feed").evaluate((feed) => feed.setAttribute("theme", "dark"));
    expect(await background()).toBe("rgb(13, 17, 23)");
    await page.locator("#feed").evaluate((feed) => feed.setAttribute("theme", "auto"));
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).toBe("rgb(13, 17, 23)");
    await page.close();
  });

  it("keeps the fallback content and shows a quiet error when the API is down", async () => {
    const { page } = await openPage("/down");
    await inFeed(page, "[part=error]").waitFor();
    await expect(page.locator("#feed a.fallback").isVisible()).resolves.toBe(true);
    expect(await inFeed(page, "[part=error]").textContent()).toContain("The records could not be loaded.");
    expect(await inFeed(page, "button[part=retry]").textContent()).toBe("Try again");
    await page.close();
  });

  it("looks right in every layout, theme and language (screenshot in test-results/widget.png)", async () => {
    const { page } = await openPage("/showcase");
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll("coop-feed")).every((feed) => feed.shadowRoot?.querySelector("ul[part=list], [part=error]")),
    );
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
  });

  it("marks unverified records, leaves them out with hide-unverified, and links to the page in the widget's language", async () => {
    const { page } = await openPage("/confidence");
    await page.waitForFunction(() => Array.from(document.querySelectorAll("coop-feed")).every((feed) => feed.shadowRoot?.querySelector("ul[part=list]")));
    const titles = (id: string) => page.locator(`#${id}`).locator("[part=title]").allTextContents();
    expect(await titles("feed")).toEqual(["Uganda data centre report", "Uganda fibre agreement"]);
    expect(await inFeed(page, "[part=unverified]").allTextContents()).toEqual(["Não verificado"]);
    const hrefs = await inFeed(page, "a[part=link]").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^${app.url}/pt/records/[a-z0-9-]+$`));
    expect(await titles("verified")).toEqual(["Uganda fibre agreement"]);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("finds no serious or critical axe violation in any layout, theme or language", async () => {
    const { page } = await openPage("/showcase");
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll("coop-feed")).every((feed) => feed.shadowRoot?.querySelector("ul[part=list], [part=error]")),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
