import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { iteratePublishedAgreements, publishedAgreementsVersion } from "@coop/core/domain";
import { createPublishingHandlers } from "@coop/core/http";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";
import { atomText, HOSTILE, neutralised, parseAtom, SPREADSHEET_HOSTILE_TITLES, ZJsonFeed } from "../support/feed-formats";

const database = useTestDatabase();
const origin = "https://coop.test";
const handlers = createPublishingHandlers({ getDb: () => database.db, siteOrigin: () => origin });
const get = (handler: (request: Request) => Promise<Response>, path: string, headers?: Record<string, string>) =>
  handler(new Request(`http://internal:3000${path}`, { headers }));

// Ghana (GH) and Nigeria (NG) hold only this file's fixtures; the seed has none there.
const HOSTILE_SLUG = "hostile-record";
let hostileTitle = "";

beforeAll(async () => {
  hostileTitle = `${HOSTILE.script} & "friends"`;
  await insertAgreement(database.db, {
    slug: HOSTILE_SLUG,
    africa: "GH",
    partner: "BY",
    sectors: ["cybersecurity"],
    title: hostileTitle,
    summary: `${HOSTILE.image} ]]> \u0001 control character`,
    sources: [
      { url: HOSTILE.javascriptUrl, publisher: "=cmd|' /C calc'!A0", title: HOSTILE.script },
      { url: "https://example.org/real-report", publisher: "Example Herald" },
    ],
  });
  for (const title of SPREADSHEET_HOSTILE_TITLES) await insertAgreement(database.db, { africa: "GH", title });
  await insertAgreement(database.db, { africa: "GH", slug: "secret-draft", title: "Secret draft", state: "DRAFT" });
  await insertAgreement(database.db, { africa: "GH", title: "Waiting for review", state: "IN_REVIEW" });
});

describe("/feed.json", () => {
  it("is a valid JSON Feed 1.1 with absolute links, newest first, without drafts", async () => {
    const response = await get(handlers.jsonFeed, "/feed.json?country=GH&limit=20");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = ZJsonFeed.parse(await response.json());
    expect(feed.items).toHaveLength(SPREADSHEET_HOSTILE_TITLES.length + 1);
    expect(feed.feed_url).toBe(`${origin}/feed.json?country=GH&limit=20`);
    expect(feed.home_page_url).toBe(`${origin}/records?country=GH`);
    expect(feed.items.map((item) => item.title)).not.toContain("Secret draft");
    expect(feed.items.map((item) => item.title)).not.toContain("Waiting for review");
    const hostile = feed.items.find((item) => item.url === `${origin}/records/${HOSTILE_SLUG}`);
    // JSON carries the text as data; the javascript: source never becomes a link.
    expect(hostile?.title).toBe(hostileTitle);
    expect(hostile?.external_url).toBe("https://example.org/real-report");
  });

  it("defaults to 20 items and accepts repeated or comma-separated filters", async () => {
    const all = ZJsonFeed.parse(await (await get(handlers.jsonFeed, "/feed.json")).json());
    expect(all.items.length).toBeGreaterThan(5);
    const repeated = ZJsonFeed.parse(await (await get(handlers.jsonFeed, "/feed.json?country=ZW&country=CG")).json());
    const commas = ZJsonFeed.parse(await (await get(handlers.jsonFeed, "/feed.json?country=ZW,CG")).json());
    expect(repeated.items).toHaveLength(4);
    expect(commas.items.map((item) => item.id)).toEqual(repeated.items.map((item) => item.id));
  });

  it("translates titles with lang and says so", async () => {
    const feed = ZJsonFeed.parse(await (await get(handlers.jsonFeed, "/feed.json?country=ZW&sector=cybersecurity&lang=fr")).json());
    expect(feed.language).toBe("fr");
    const translated = feed.items.find((item) => item.language === "fr");
    expect(translated?.title).toMatch(/consortium CyberZim/);
    expect(translated?.url).toBe(`${origin}/fr/records/zimbabwe-cyberzim-consortium-cybersecurity-mou-2025`);
  });
});

describe("/feed.atom", () => {
  it("is well-formed Atom whose text parses back to the original, hostile text included", async () => {
    const response = await get(handlers.atomFeed, "/feed.atom?country=GH");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<img");
    expect(xml).not.toContain("javascript:");
    expect(xml).not.toContain("\u0001");
    const feed = parseAtom(xml);
    expect(feed.entry).toHaveLength(SPREADSHEET_HOSTILE_TITLES.length + 1);
    const hostile = feed.entry.find((entry) => entry.link.some((link) => link["@_href"] === `${origin}/records/${HOSTILE_SLUG}`));
    expect(atomText(hostile?.title)).toBe(hostileTitle);
    expect(atomText(hostile?.summary)).toBe(`${HOSTILE.image} ]]>  control character`);
    expect(hostile?.link.filter((link) => link["@_rel"] === "related").map((link) => link["@_href"])).toEqual(["https://example.org/real-report"]);
    expect(feed.entry.map((entry) => atomText(entry.title))).toEqual(expect.arrayContaining(SPREADSHEET_HOSTILE_TITLES));
  });

  it("stays valid with no entries", async () => {
    const feed = parseAtom(await (await get(handlers.atomFeed, "/feed.atom?country=ML")).text());
    expect(feed.entry).toEqual([]);
    expect(feed.updated).toBe("1970-01-01T00:00:00.000Z");
  });
});

describe("/export.csv", () => {
  it("round-trips through a CSV parser, formulas neutralised, quotes and newlines intact, drafts left out", async () => {
    const response = await get(handlers.csvExport, "/export.csv?country=GH");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="coop-tracker-records.csv"');
    const rows = parse<Record<string, string>>(await response.text(), { bom: true, columns: true });
    expect(rows).toHaveLength(SPREADSHEET_HOSTILE_TITLES.length + 1);
    expect(rows.map((row) => row.title).sort()).toEqual([...SPREADSHEET_HOSTILE_TITLES, hostileTitle].map(neutralised).sort());
    const hostile = rows.find((row) => row.slug === HOSTILE_SLUG);
    expect(hostile?.source_publishers).toBe("'=cmd|' /C calc'!A0; Example Herald");
    expect(hostile?.url).toBe(`${origin}/records/${HOSTILE_SLUG}`);
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe("/export.json", () => {
  it("streams every matching record across many keyset pages, once each", async () => {
    for (let i = 0; i < 230; i += 1) await insertAgreement(database.db, { africa: "NG", title: `Bulk ${i}` });
    const response = await get(handlers.jsonExport, "/export.json?country=NG");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const records = (await response.json()) as { id: string; url: string; title: string }[];
    expect(records).toHaveLength(230);
    expect(new Set(records.map((record) => record.id)).size).toBe(230);
    expect(records[0]?.url).toMatch(/^https:\/\/coop\.test\/records\/fixture-/);
  });

  it("is an empty array when nothing matches", async () => {
    expect(await (await get(handlers.jsonExport, "/export.json?country=ML")).json()).toEqual([]);
  });
});

describe("ETags and caching", () => {
  it.each([
    ["/feed.json", handlers.jsonFeed],
    ["/feed.atom", handlers.atomFeed],
    ["/export.csv", handlers.csvExport],
    ["/export.json", handlers.jsonExport],
    [`/oembed?url=${encodeURIComponent(`${origin}/records?country=ZW`)}`, handlers.oembed],
  ])("%s sends a strong ETag, public caching and CORS *, and answers 304", async (path, handler) => {
    const first = await get(handler, path);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=86400");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const again = await get(handler, path, { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("changes an export's ETag when a matching record changes or leaves", async () => {
    const before = (await get(handlers.csvExport, "/export.csv?country=GH")).headers.get("etag")!;
    await database.db.agreement.update({ where: { slug: HOSTILE_SLUG }, data: { summary: "Edited" } });
    const edited = await get(handlers.csvExport, "/export.csv?country=GH", { "If-None-Match": before });
    expect(edited.status).toBe(200);
    const afterEdit = edited.headers.get("etag")!;
    expect(afterEdit).not.toBe(before);

    const version = await publishedAgreementsVersion(database.db, { country: ["GH"] });
    const draft = await insertAgreement(database.db, { africa: "GH", state: "DRAFT" });
    expect(await publishedAgreementsVersion(database.db, { country: ["GH"] })).toEqual(version);
    await database.db.agreement.update({ where: { id: draft.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
    expect((await publishedAgreementsVersion(database.db, { country: ["GH"] })).count).toBe(version.count + 1);
  });

  it("answers CORS preflight", async () => {
    const response = await handlers.preflight();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET");
  });
});

describe("bad query parameters are a 400 naming the parameter, never a 500", () => {
  it.each([
    ["/feed.json?limit=abc", handlers.jsonFeed, "limit"],
    ["/feed.json?limit=21", handlers.jsonFeed, "limit"],
    ["/feed.atom?country=ZZ", handlers.atomFeed, "country"],
    ["/feed.atom?country=ZWE", handlers.atomFeed, "country"],
    ["/feed.json?lang=xx", handlers.jsonFeed, "lang"],
    ["/feed.json?status=MAYBE", handlers.jsonFeed, "status"],
    ["/export.csv?sector=quantum-cooking", handlers.csvExport, "sector"],
    ["/export.csv?from=2025-02-30", handlers.csvExport, "from"],
    ["/export.json?from=2025-05-01&to=2025-01-01", handlers.jsonExport, "to"],
    ["/export.json?kind=RUMOUR", handlers.jsonExport, "kind"],
    [`/export.json?q=${"x".repeat(300)}`, handlers.jsonExport, "q"],
    ["/oembed", handlers.oembed, "url"],
    [`/oembed?url=${encodeURIComponent(`${origin}/records`)}&maxwidth=wide`, handlers.oembed, "maxwidth"],
    [`/oembed?url=${encodeURIComponent(`${origin}/records?country=ZZ`)}`, handlers.oembed, "url"],
  ])("%s", async (path, handler, parameter) => {
    const response = await get(handler, path);
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as { error: string; message: string; issues: { parameter: string }[] };
    expect(body.error).toBe("bad_request");
    expect(body.issues.map((issue) => issue.parameter)).toContain(parameter);
    expect(body.message).toContain(parameter);
  });
});

describe("/oembed", () => {
  const oembed = (url: string, extra = "") => get(handlers.oembed, `/oembed?url=${encodeURIComponent(url)}&format=json${extra}`);

  it.each(["/fr/records/zimbabwe-cyberzim-consortium-cybersecurity-mou-2025", "/records/zimbabwe-cyberzim-consortium-cybersecurity-mou-2025?lang=fr"])(
    "embeds %s as the widget with its countries and sectors, the record in French as fallback link",
    async (path) => {
      const response = await oembed(`${origin}${path}`, "&maxwidth=480");
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "coop-tracker", width: 480 });
      expect(body.title).toMatch(/consortium CyberZim/);
      expect(body.html).toBe(
        `<script type="module" src="${origin}/widget/coop-feed.js"></script>` +
          `<coop-feed country="ZW" partner="RU" sector="cybersecurity,skills-and-training" lang="fr">` +
          `<a href="${origin}/fr/records/zimbabwe-cyberzim-consortium-cybersecurity-mou-2025">${(body.title as string).replaceAll("'", "&#39;")}</a></coop-feed>`,
      );
    },
  );

  it("embeds a filtered records list with the filters the widget understands", async () => {
    const body = (await (await oembed(`${origin}/records?country=ZW&sector=cybersecurity&limit=3&q=ignored`)).json()) as { html: string; height: number };
    expect(body.html).toContain('<coop-feed country="ZW" sector="cybersecurity" limit="3">');
    expect(body.height).toBeGreaterThan(3 * 50);
  });

  it("escapes hostile record text in the snippet", async () => {
    const body = (await (await oembed(`${origin}/records/${HOSTILE_SLUG}`)).json()) as { html: string; title: string };
    expect(body.title).toBe(hostileTitle);
    expect(body.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;");
    expect(body.html.match(/<script/g)).toHaveLength(1);
  });

  it.each([
    ["another site", "https://elsewhere.example/records/zimbabwe-cyberzim-consortium-cybersecurity-mou-2025"],
    ["a page that is not embeddable", `${origin}/api/trpc/agreement.list`],
    ["an unknown record", `${origin}/records/no-such-record`],
    ["a draft", `${origin}/records/secret-draft`],
  ])("answers 404 for %s", async (_name, url) => {
    expect((await oembed(url)).status).toBe(404);
  });

  it("answers 501 for format=xml", async () => {
    const response = await get(handlers.oembed, `/oembed?url=${encodeURIComponent(`${origin}/records`)}&format=xml`);
    expect(response.status).toBe(501);
  });
});

describe("iteratePublishedAgreements", () => {
  it("walks every published record matching the filters, and nothing else", async () => {
    const seen: string[] = [];
    for await (const agreement of iteratePublishedAgreements(database.db, { country: ["ZW"] })) seen.push(agreement.slug);
    expect(seen.sort()).toEqual([
      "zimbabwe-belarus-defence-and-security-cooperation",
      "zimbabwe-belarus-mous-defence-minister-visit-to-belarus",
      "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025",
    ]);
  });
});
