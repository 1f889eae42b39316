import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { type Browser, chromium } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@coop/core/lifecycle";
import { launchServer, type RunningServer } from "@coop/admin/launcher";
import { resolveChromium } from "@coop/browser";
import { useTestDatabase } from "../support/database";
import { PageProblems } from "../support/page-problems";
import { insertAgreement } from "../support/factory";
import { atomText, HOSTILE, parseAtom, ZJsonFeed } from "../support/feed-formats";

const database = useTestDatabase();
const screenshots = path.resolve(fileURLToPath(new URL("../../test-results", import.meta.url)));
const CYBERZIM = "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025";
const SEEDED_SLUGS = [
  CYBERZIM,
  "zimbabwe-belarus-defence-and-security-cooperation",
  "zimbabwe-belarus-mous-defence-minister-visit-to-belarus",
  "congo-russia-digital-ai-cybersecurity-talks-2025",
];
const HOSTILE_TITLE = `${HOSTILE.script} ${HOSTILE.image}`;
const DRAFT_TITLE = "Unpublished draft about Ghana";
let server: RunningServer;
let browser: Browser | undefined;

const launchChromium = async () => chromium.launch({ ...(await resolveChromium()).launchOptions, headless: true });
const problems = new PageProblems();

beforeAll(async () => {
  await insertAgreement(database.db, {
    slug: "hostile-record",
    africa: "GH",
    title: HOSTILE_TITLE,
    summary: `${HOSTILE.image} summary`,
    sources: [{ url: HOSTILE.javascriptUrl, publisher: HOSTILE.image, title: HOSTILE.script, excerpt: HOSTILE.script }],
    commitments: [{ description: HOSTILE.script, quantity: 100, delivered: 40, unit: "engineers" }],
    timeline: [{ status: "SIGNED", occurredOn: "2025-10-19", note: HOSTILE.image }],
  });
  await insertAgreement(database.db, { slug: "secret-draft", africa: "GH", title: DRAFT_TITLE, state: "DRAFT" });
  // 21 Nigerian records: one more than a page of /records.
  for (let i = 0; i < 21; i += 1) await insertAgreement(database.db, { africa: "NG", title: `Nigeria record ${i}` });
  server = await launchServer({
    port: await findFreePort(),
    databaseUrl: database.url,
    migrationUrl: database.ownerUrl,
    // Every request here comes from one address; the per-client limit has its own test (public-abuse).
    env: { CORRECTIONS_EMAIL: "fixes@coop.test", PUBLIC_RATE_LIMIT_BURST: "100000", PUBLIC_RATE_LIMIT_PER_MINUTE: "100000" },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(() => {
  expect(problems.take()).toEqual([]);
});

const page = async (pathname: string) => {
  const response = await fetch(`${server.url}${pathname}`);
  return { status: response.status, html: await response.text() };
};

describe("/records without JavaScript", () => {
  it("lists the published records with a GET filter form, and no drafts", async () => {
    const { status, html } = await page("/records");
    expect(status).toBe(200);
    const form = /<form[^>]*>/.exec(html)?.[0];
    expect(form).toContain('method="get"');
    expect(form).toContain('action="/records"');
    for (const name of ["q", "country", "partner", "sector", "status", "kind", "from", "to"]) expect(html).toContain(`name="${name}"`);
    expect(html).toContain("26 records");
    expect(html.match(/<h2 lang="en"><a href="\/records\/[a-z0-9-]+">/g)).toHaveLength(20);
    expect(html).not.toContain(DRAFT_TITLE);
    const seeded = await page("/records?country=ZW,CG");
    for (const slug of SEEDED_SLUGS) expect(seeded.html).toContain(`href="/records/${slug}"`);
  });

  it("filters by the form's parameters and keeps them selected", async () => {
    const { html } = await page("/records?country=ZW&sector=cybersecurity&q=");
    expect(html).toContain("1 record<");
    expect(html).toContain(`href="/records/${CYBERZIM}"`);
    expect(html).not.toContain('href="/records/congo-russia-digital-ai-cybersecurity-talks-2025"');
    expect(html).toMatch(/<input type="checkbox" name="country" checked="" value="ZW"\/>/);
    expect(html).toMatch(/<input type="checkbox" name="sector" checked="" value="cybersecurity"\/>/);
  });

  it("pages forward and back with keyset cursor links", async () => {
    const first = await page("/records?country=NG");
    expect(first.html).toContain("21 records");
    const firstSlugs = first.html.match(/href="\/records\/fixture-[^"]+"/g);
    expect(firstSlugs).toHaveLength(20);
    expect(first.html).not.toContain("Previous page");
    const next = /href="(\/records\?country=NG&amp;cursor=[^"]+)"[^>]*>Next page/.exec(first.html)?.[1];
    expect(next).toBeDefined();
    const second = await page(next!.replaceAll("&amp;", "&"));
    expect(second.html.match(/href="\/records\/fixture-/g)).toHaveLength(1);
    expect(second.html).not.toContain("Next page");
    const previous = /href="(\/records\?country=NG&amp;cursor=[^"]+&amp;direction=backward)"[^>]*>← Previous page/.exec(second.html)?.[1];
    expect(previous).toBeDefined();
    const back = await page(previous!.replaceAll("&amp;", "&"));
    expect(back.html.match(/href="\/records\/fixture-[^"]+"/g)).toEqual(firstSlugs);
  });

  it("explains a bad parameter instead of failing", async () => {
    const { status, html } = await page("/records?country=ZZ");
    expect(status).toBe(200);
    expect(html).toContain('role="alert"');
    expect(html).toContain("unknown country code");
  });
});

describe("/records/[slug]", () => {
  it("shows parties, commitments, timeline and sources, with dates no more precise than known", async () => {
    const { status, html } = await page(`/records/${CYBERZIM}`);
    expect(status).toBe(200);
    expect(html).toContain("Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU</h1>");
    expect(html).toContain("African side");
    // Quoted in a television interview only, he represents nobody in the record.
    expect(html).not.toContain("Tapiwanashe Kambare");
    expect(html).toContain("10,000");
    expect(html).toContain("Delivered: not reported yet");
    expect(html).toContain('<time dateTime="2025">2025</time>');
    expect(html).not.toContain("1 January 2025");
    expect(html).toContain('<time dateTime="2025-10-19">19 October 2025</time>');
    expect(html).toContain('href="#source-1"');
    const talks = await page("/records/zimbabwe-belarus-defence-and-security-cooperation");
    expect(talks.html).toContain("Represented by Oppah Muchinguri-Kashiri");
  });

  it("sends a former slug of a record to its current page, permanently, in the reader's language", async () => {
    const congo = await database.db.agreement.findUniqueOrThrow({ where: { slug: "congo-russia-digital-ai-cybersecurity-talks-2025" } });
    await database.db.slugRedirect.create({ data: { slug: "congo-russia-talks-former-address", agreementId: congo.id } });
    const response = await fetch(`${server.url}/fr/records/congo-russia-talks-former-address?version=2`, { redirect: "manual" });
    expect(response.status).toBe(308);
    const location = new URL(response.headers.get("location")!, server.url);
    expect(`${location.pathname}${location.search}`).toBe("/fr/records/congo-russia-digital-ai-cybersecurity-talks-2025?version=2");
    expect((await page("/records/no-such-record-ever")).status).toBe(404);
  });

  it("has canonical, Open Graph, oEmbed discovery, JSON-LD and a correction link", async () => {
    const { html } = await page(`/records/${CYBERZIM}`);
    expect(html).toContain(`<link rel="canonical" href="${server.url}/records/${CYBERZIM}"/>`);
    expect(html).toContain(`<meta property="og:url" content="${server.url}/records/${CYBERZIM}"/>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toMatch(/<link rel="alternate" type="application\/json\+oembed" href="[^"]*\/oembed\?url=/);
    expect(html).toContain(`href="mailto:fixes@coop.test?subject=Correction%20request%3A%20${CYBERZIM}`);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "null") as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "CreativeWork", url: `${server.url}/records/${CYBERZIM}` });
  });

  it("moves the old ?lang=fr address to the French page", async () => {
    const moved = await fetch(`${server.url}/records/${CYBERZIM}?lang=fr`, { redirect: "manual" });
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`/fr/records/${CYBERZIM}`);
    const { html } = await page(`/fr/records/${CYBERZIM}`);
    expect(html).toMatch(/<h1 lang="fr">Le ministère zimbabwéen des TIC/);
    expect(html).toContain(`<link rel="canonical" href="${server.url}/fr/records/${CYBERZIM}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="pt" href="${server.url}/pt/records/${CYBERZIM}"/>`);
    expect(html).toContain('aria-current="page"');
  });

  it.each(["no-such-record", "Not_A_Slug", "secret-draft"])("answers 404 for %s", async (slug) => {
    const { status, html } = await page(`/records/${slug}`);
    expect(status).toBe(404);
    expect(html).not.toContain(DRAFT_TITLE);
  });
});

describe("hostile record text renders inert", () => {
  it("on the record page: escaped text, no executable tag, no javascript: link", async () => {
    const { html } = await page("/records/hostile-record");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain(HOSTILE.script);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).toContain("link withheld");
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
    expect(jsonLd).toContain("\\u003cscript>");
    expect((JSON.parse(jsonLd) as { name: string }).name).toBe(HOSTILE_TITLE);
  });

  it("in the list and the feeds", async () => {
    expect((await page("/records?country=GH")).html).not.toContain(HOSTILE.script);
    const atom = await (await fetch(`${server.url}/feed.atom?country=GH`)).text();
    expect(atom).not.toContain("<script>");
    expect(atomText(parseAtom(atom).entry[0]?.title)).toBe(HOSTILE_TITLE);
  });
});

describe("feeds, exports and oEmbed over HTTP", () => {
  it.each([
    ["/feed.json", "application/feed+json; charset=utf-8"],
    ["/feed.atom?country=ZW", "application/atom+xml; charset=utf-8"],
    ["/export.csv?sector=cybersecurity", "text/csv; charset=utf-8"],
    ["/export.json", "application/json; charset=utf-8"],
    [`/oembed?url=${encodeURIComponent(`http://HOST/records/${CYBERZIM}`)}&format=json`, "application/json; charset=utf-8"],
  ])("%s has its type, public caching, CORS *, and answers 304 to its ETag", async (pathname, type) => {
    const url = `${server.url}${pathname.replace("HOST", new URL(server.url).host)}`;
    const first = await fetch(url, { headers: { Origin: "https://news.example" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe(type);
    expect(first.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=86400");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    await first.arrayBuffer();
    const again = await fetch(url, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
  });

  it("serves a valid JSON Feed and a CSV that round-trips, neither with drafts", async () => {
    const feed = ZJsonFeed.parse(await (await fetch(`${server.url}/feed.json?country=GH`)).json());
    expect(feed.items.map((item) => item.title)).toEqual([HOSTILE_TITLE]);
    const csv = await (await fetch(`${server.url}/export.csv?country=GH,ZW`)).text();
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(rows.map((row) => row.slug).sort()).toEqual(["hostile-record", ...SEEDED_SLUGS.filter((slug) => slug.startsWith("zimbabwe"))].sort());
  });

  it("answers bad parameters with 400 naming them, and foreign oEmbed URLs with 404", async () => {
    const bad = await fetch(`${server.url}/feed.atom?limit=abc`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { parameter: string }[] }).issues[0]?.parameter).toBe("limit");
    const foreign = await fetch(`${server.url}/oembed?url=${encodeURIComponent(`https://elsewhere.example/records/${CYBERZIM}`)}`);
    expect(foreign.status).toBe(404);
  });
});

describe("icons and robots", () => {
  it("serves a favicon and app icons, linked from every page", async () => {
    const favicon = await fetch(`${server.url}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("content-type")).toBe("image/x-icon");
    for (const pathname of ["/", `/records/${CYBERZIM}`, "/admin/sign-in"]) {
      const { html } = await page(pathname);
      const icons = [...html.matchAll(/<link rel="(icon|apple-touch-icon)"[^>]*href="([^"]+)"/g)].map((match) => [match[1], match[2]]);
      expect(icons.map(([rel]) => rel)).toEqual(expect.arrayContaining(["icon", "apple-touch-icon"]));
      for (const [, href] of icons) expect((await fetch(new URL(href!, server.url))).status).toBe(200);
    }
  });

  it("lets crawlers read the public records and keeps them out of the dashboard and the API", async () => {
    const response = await fetch(`${server.url}/robots.txt`);
    expect(response.status).toBe(200);
    const rules = (await response.text()).split("\n").map((line) => line.trim());
    expect(rules).toEqual(expect.arrayContaining(["User-Agent: *", "Allow: /", "Disallow: /admin", "Disallow: /api/"]));
  });
});

describe("in Chromium", () => {
  it.each(["/", "/records", `/records/${CYBERZIM}`])("opens %s with no console error or failed request", async (pathname) => {
    browser ??= await launchChromium();
    const tab = problems.watch(await browser.newPage());
    await tab.goto(`${server.url}${pathname}`, { waitUntil: "networkidle" });
    await tab.close();
  });

  it("parses the Atom feed as strict XML", async () => {
    browser ??= await launchChromium();
    const tab = problems.watch(await browser.newPage());
    await tab.goto(`${server.url}/records`);
    const atom = await (await fetch(`${server.url}/feed.atom`)).text();
    const result = await tab.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      return { error: doc.querySelector("parsererror")?.textContent ?? null, entries: doc.getElementsByTagName("entry").length };
    }, atom);
    expect(result).toEqual({ error: null, entries: 20 });
    await tab.close();
  });

  it.each([
    ["records", "/records?country=ZW,CG", 1280, "light"],
    ["records-mobile-dark", "/records?country=ZW", 390, "dark"],
    ["record", `/records/${CYBERZIM}`, 1280, "light"],
    ["record-mobile", "/records/hostile-record", 390, "light"],
  ] as const)("renders %s without running record text or overflowing", async (name, pathname, width, colorScheme) => {
    browser ??= await launchChromium();
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const tab = problems.watch(await context.newPage());
    const dialogs: string[] = [];
    tab.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await tab.goto(`${server.url}${pathname}`, { waitUntil: "networkidle" });
    await fs.mkdir(screenshots, { recursive: true });
    await tab.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
    expect(dialogs).toEqual([]);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await context.close();
  });
});
