import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer, type RunningServer } from "@coop/admin/launcher";
import { resolveChromium } from "@coop/browser";
import { seriousAxeViolations } from "../support/accessibility";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";
import { PageProblems } from "../support/page-problems";

const database = useTestDatabase();
const screenshots = path.resolve(fileURLToPath(new URL("../../test-results/public", import.meta.url)));
const CYBERZIM = "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025";
const UNTRANSLATED = "uganda-untranslated-report";
const LANGS = ["en", "fr", "pt", "ru"] as const;
let server: RunningServer;
let browser: Browser;
let organization = "";
const problems = new PageProblems();

beforeAll(async () => {
  await insertAgreement(database.db, {
    slug: UNTRANSLATED,
    africa: "UG",
    title: "Uganda and Russia discuss a data centre",
    confidence: "UNVERIFIED",
    signedOn: "2025-03-04",
    organizations: ["uganda-ict-authority"],
  });
  const named = await database.db.organization.findFirstOrThrow({
    where: { parties: { some: { agreement: { state: "PUBLISHED" } } } },
    orderBy: { slug: "asc" },
    select: { slug: true },
  });
  organization = named.slug;
  server = await launchServer({
    port: await findFreePort(),
    databaseUrl: database.url,
    migrationUrl: database.ownerUrl,
    // Every request here comes from one address; the per-client limit has its own test (public-abuse).
    env: { PUBLIC_RATE_LIMIT_BURST: "100000", PUBLIC_RATE_LIMIT_PER_MINUTE: "100000" },
  });
  browser = await chromium.launch({ ...(await resolveChromium()).launchOptions, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(() => {
  expect(problems.take()).toEqual([]);
});

async function open(pathname: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const tab = problems.watch(await context.newPage());
  const response = await tab.goto(`${server.url}${pathname}`, { waitUntil: "networkidle" });
  expect(response?.status(), pathname).toBe(200);
  return tab;
}

const close = (tab: Page) => tab.context().close();
const text = (tab: Page) => tab.locator("body").innerText();

/** Links to other pages of the site, leaving out the feeds, exports, API and sitemap (which carry `lang` in their query). */
const pageLinks = (tab: Page) =>
  tab
    .locator("main a[href^='/'], header a[href^='/']")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!).filter((href) => !/^\/(feed|export|api|sitemap|oembed)/.test(href)));

describe("the public site in the reader's language, in Chromium", () => {
  it("serves a record in French: lang, French words and dates, the translation, every link in French", async () => {
    const tab = await open(`/fr/records/${CYBERZIM}`);
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe("fr");
    await expect(tab.locator("h1").innerText()).resolves.toMatch(/^Le ministère zimbabwéen des TIC/);
    const body = await text(tab);
    for (const words of ["Faits essentiels", "Chronologie du statut", "Partie africaine", "Citer cette fiche", "Fiches liées"]) expect(body).toContain(words);
    // Every machine-readable date is written the French way.
    expect(await tab.locator("time[datetime='2025-10-19']").allInnerTexts()).toEqual(expect.arrayContaining(["19 octobre 2025"]));
    for (const date of await tab.locator("time[datetime$='-19']").allInnerTexts()) expect(date).not.toMatch(/October/);
    // A note never translated is shown in English, marked as the original.
    expect(body).toContain("(original anglais)");
    const links = await pageLinks(tab);
    expect(links.length).toBeGreaterThan(5);
    // The language switch offers the other languages; every other link stays in French.
    const otherLanguages = new Set([`/records/${CYBERZIM}`, `/pt/records/${CYBERZIM}`, `/ru/records/${CYBERZIM}`]);
    for (const href of links.filter((link) => !otherLanguages.has(link))) expect(href).toMatch(/^\/fr(\/|$)/);
    await close(tab);
  });

  it("serves the records list in Portuguese: lang, words, counts and dates in Portuguese", async () => {
    const tab = await open("/pt/records?country=ZW");
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe("pt");
    const body = await text(tab);
    await expect(tab.getByRole("search", { name: "Filtrar registos" }).count()).resolves.toBe(1);
    expect(body).toContain("Pesquisa");
    expect(body).toContain("3 registos");
    expect(body).toContain("Assinado");
    await expect(tab.locator("a[hreflang=fr]").getAttribute("href")).resolves.toBe("/fr/records?country=ZW");
    await close(tab);
    const record = await open(`/pt/records/${CYBERZIM}`);
    expect(await text(record)).toContain("19 de outubro de 2025");
    await close(record);
  });

  it("says when a record is shown in the original, and marks it unverified", async () => {
    const tab = await open(`/ru/records/${UNTRANSLATED}`);
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe("ru");
    await expect(tab.locator("h1").getAttribute("lang")).resolves.toBe("en");
    const body = await text(tab);
    expect(body).toContain("У этой записи пока нет перевода (русский)");
    expect(body).toContain("Не проверено");
    expect(body).toContain("4 марта 2025 г.");
    await close(tab);
  });

  it("applies a ticked filter at once, and its counts follow", async () => {
    const tab = await open("/fr/records");
    await Promise.all([tab.waitForURL(/country=UG/), tab.getByRole("checkbox", { name: /Ouganda/ }).check()]);
    await tab.waitForLoadState("networkidle");
    expect(await text(tab)).toContain("1 fiche");
    // Uganda stays ticked; the other countries still count what adding them would show.
    await expect(tab.getByRole("checkbox", { name: /Ouganda/ }).isChecked()).resolves.toBe(true);
    await expect(tab.locator("label", { hasText: "Zimbabwe" }).innerText()).resolves.toMatch(/Zimbabwe\s+3/);
    await close(tab);
  });

  it("keeps one address per page: /en/… moves to the unprefixed English page, an unknown language is a 404", async () => {
    const moved = await fetch(`${server.url}/en/records/${CYBERZIM}`, { redirect: "manual" });
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`/records/${CYBERZIM}`);
    expect((await fetch(`${server.url}/xx/records`)).status).toBe(404);
  });

  it("shows country and organisation pages with their chart, feed and records", async () => {
    const country = await open("/fr/countries/ZW");
    expect(await country.locator("h1").innerText()).toBe("Zimbabwe");
    expect(await text(country)).toContain("3 fiches publiées");
    await expect(country.locator("link[type='application/atom+xml']").getAttribute("href")).resolves.toBe(`${server.url}/feed.atom?country=ZW&lang=fr`);
    await expect(country.locator("figure ol li").count()).resolves.toBeGreaterThan(0);
    await close(country);
    const named = await open(`/organizations/${organization}`);
    expect(await named.locator("main ol li article").count()).toBeGreaterThan(0);
    await close(named);
  });
});

/** Every kind of public page, by a path without the language prefix. */
const PAGES = () => ({
  home: "/",
  records: "/records?country=ZW,UG",
  record: `/records/${CYBERZIM}`,
  country: "/countries/ZW",
  organization: `/organizations/${organization}`,
});
const inLanguage = (lang: (typeof LANGS)[number], pathname: string) => (lang === "en" ? pathname : pathname === "/" ? `/${lang}` : `/${lang}${pathname}`);

describe("accessibility", () => {
  it.each(["en", "fr"] as const)("finds no serious or critical axe violation on the public pages (%s)", async (lang) => {
    for (const [name, pathname] of Object.entries(PAGES())) {
      const tab = await open(inLanguage(lang, pathname));
      expect(await seriousAxeViolations(tab), name).toEqual([]);
      await close(tab);
    }
  });
});

describe("screenshots of every public page in every language (test-results/public/)", () => {
  it.each(LANGS)("%s", async (lang) => {
    await fs.mkdir(screenshots, { recursive: true });
    for (const [name, pathname] of Object.entries(PAGES())) {
      const tab = await open(inLanguage(lang, pathname));
      await tab.screenshot({ path: path.join(screenshots, `${lang}-${name}.png`), fullPage: true });
      expect(await tab.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(1280);
      await close(tab);
    }
  });
});
