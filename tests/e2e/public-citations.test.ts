import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer, type RunningServer } from "@coop/admin/launcher";
import { resolveChromium } from "@coop/browser";
import { seriousAxeViolations } from "../support/accessibility";
import { useTestDatabase } from "../support/database";
import { PageProblems } from "../support/page-problems";
import { citedAgreementInput, PRIVATE_REPORT_WORDS, publishThroughReview } from "../support/records";

const database = useTestDatabase();
const screenshots = path.resolve(fileURLToPath(new URL("../../test-results/public", import.meta.url)));
let server: RunningServer;
let browser: Browser;
let slug = "";
const problems = new PageProblems();

beforeAll(async () => {
  slug = (await publishThroughReview(database.db, citedAgreementInput("quotes"))).slug;
  server = await launchServer({ port: await findFreePort(), databaseUrl: database.url, migrationUrl: database.ownerUrl });
  browser = await chromium.launch({ ...(await resolveChromium()).launchOptions, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(() => {
  expect(problems.take()).toEqual([]);
});

async function open(pathname: string, options: { width?: number; javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  // With script turned off the browser refuses the page's script files: expected, not a fault of the page.
  const tab = problems.watch(await context.newPage(), options.javaScriptEnabled === false ? [/^request failed: GET .*\.js \(csp\)$/] : []);
  const response = await tab.goto(`${server.url}${pathname}`, { waitUntil: "networkidle" });
  expect(response?.status(), pathname).toBe(200);
  return tab;
}
const close = (tab: Page) => tab.context().close();

/** Presses Tab until a source reference has the focus, and returns it. */
async function tabToNextReference(tab: Page): Promise<Locator> {
  for (let presses = 0; presses < 60; presses += 1) {
    await tab.keyboard.press("Tab");
    const quoteId = await tab.evaluate(() =>
      document.activeElement?.matches("sup > a[href^='#source-']") ? document.activeElement.getAttribute("aria-describedby") : null,
    );
    if (quoteId) return tab.locator(`[aria-describedby="${quoteId}"]`);
  }
  throw new Error("no source reference reached by Tab");
}

/** The quote a reference describes itself with, and whether CSS shows it. */
async function quoteOf(reference: Locator) {
  const id = await reference.getAttribute("aria-describedby");
  const quote = reference.page().locator(`[id="${id}"]`);
  const style = await quote.evaluate((element) => {
    const computed = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return { display: computed.display, visibility: computed.visibility, right: box.right, width: box.width };
  });
  return {
    quote,
    text: (await quote.textContent())?.replace(/\s+/g, " "),
    shown: style.display !== "none" && style.visibility === "visible" && style.width > 0,
    right: style.right,
  };
}

const PAGES = {
  en: {
    path: () => `/records/${slug}`,
    kind: "according to [2]: “protocole d'accord”",
    signed: "according to [1]: “signed a memorandum of understanding on cybersecurity training on Monday, 12 May 2025”",
    name: "source [2]",
  },
  fr: {
    path: () => `/fr/records/${slug}`,
    kind: "selon [2] : « protocole d'accord »",
    signed: "selon [1] : « signed a memorandum of understanding on cybersecurity training on Monday, 12 May 2025 »",
    name: "source [2]",
  },
} as const;

describe("a cited fact on a record page, in Chromium", () => {
  it.each(["en", "fr"] as const)("shows its source's words when its reference is reached by Tab, and links to the source (%s)", async (lang) => {
    const expected = PAGES[lang];
    const tab = await open(expected.path());
    expect(await tab.content()).not.toContain(PRIVATE_REPORT_WORDS);

    // The first cited fact is the kind, "MOU", from the French report (source 2).
    const kind = await tabToNextReference(tab);
    await expect(kind.textContent()).resolves.toBe("source [2]");
    expect(await tab.getByRole("link", { name: expected.name }).count()).toBeGreaterThan(0);
    const kindQuote = await quoteOf(kind);
    expect(kindQuote).toMatchObject({ text: expected.kind, shown: true });
    await expect(kindQuote.quote.locator("[lang=fr]").innerText()).resolves.toBe("protocole d'accord");

    // Each fact has its own reference; a quote shows only while its reference has the focus.
    const signed = await tabToNextReference(tab);
    const signedQuote = await quoteOf(signed);
    expect(signedQuote).toMatchObject({ text: expected.signed, shown: true });
    expect((await quoteOf(kind)).shown).toBe(false);
    expect(signedQuote.right).toBeLessThanOrEqual(1280);
    await fs.mkdir(screenshots, { recursive: true });
    await tab.screenshot({ path: path.join(screenshots, `${lang}-citation-focus.png`) });

    // A quote holding markup is shown as the words it is, never as markup.
    const academy = tab.locator("dd sup", { hasText: "CyberZim" });
    await academy.locator("a").focus();
    const academyQuote = await quoteOf(academy.locator("a"));
    expect(academyQuote.text).toContain('"<b>CyberZim</b> Academy"');
    expect(await academyQuote.quote.locator("b").count()).toBe(0);

    // Enter follows the reference to the source in the list.
    await signed.focus();
    await tab.keyboard.press("Enter");
    await tab.waitForURL(/#source-1$/);
    await expect(tab.locator("#source-1").innerText()).resolves.toContain("Harare Wire");
    await close(tab);
  });

  it("shows the quote on hover, and without JavaScript on focus", async () => {
    const tab = await open(`/records/${slug}`);
    const partner = tab.getByRole("region", { name: "Partner side" }).locator("sup > a").first();
    await partner.hover();
    expect(await quoteOf(partner)).toMatchObject({ text: "according to [2]: “la Russie ont signé lundi”", shown: true });
    await close(tab);

    const withoutScript = await open(`/fr/records/${slug}`, { javaScriptEnabled: false });
    const reference = await tabToNextReference(withoutScript);
    expect((await quoteOf(reference)).shown).toBe(true);
    await close(withoutScript);
  });

  it("keeps the quote whole on a phone screen", async () => {
    const tab = await open(`/ru/records/${slug}`, { width: 390 });
    await tab.locator("dd sup", { hasText: "CyberZim" }).locator("a").focus();
    const academy = await quoteOf(tab.locator("sup > a:focus"));
    expect(academy.shown).toBe(true);
    expect(academy.text).toMatch(/^согласно \[1\]: «will train 500/);
    expect(academy.right).toBeLessThanOrEqual(390);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await tab.screenshot({ path: path.join(screenshots, "ru-citation-phone.png") });
    await close(tab);
  });

  it.each(["en", "fr"] as const)("finds no serious or critical axe violation with a quote open (%s)", async (lang) => {
    const tab = await open(PAGES[lang].path());
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await tabToNextReference(tab);
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await close(tab);
  });
});
