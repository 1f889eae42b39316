import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublishingHandlers } from "@coop/core/http";
import { createCaller, createContextInner, type RouterInputs } from "@coop/core/trpc";
import { useTestDatabase } from "../support/database";
import { type AgreementFixture, insertAgreement } from "../support/factory";
import { apiAs, sampleAgreementInput, userActor } from "../support/records";

const database = useTestDatabase();
const origin = "https://coop.test";
const api = () => createCaller(createContextInner({ db: database.db }));
const handlers = createPublishingHandlers({ getDb: () => database.db, siteOrigin: () => origin });
const get = async (handler: (request: Request) => Promise<Response>, path: string) => {
  const response = await handler(new Request(`http://internal:3000${path}`));
  expect(response.status, path).toBe(200);
  return response.text();
};

type ListInput = RouterInputs["agreement"]["list"];
const FACETS = ["country", "partner", "sector", "status", "kind", "confidence"] as const;

/** Every slug the list shows for these filters, walking all its pages. */
async function listedSlugs(filters: ListInput): Promise<string[]> {
  const slugs: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<ReturnType<typeof api>["agreement"]["list"]>> = await api().agreement.list({ ...filters, limit: 100, cursor });
    slugs.push(...page.items.map((item) => item.slug));
    cursor = page.nextCursor;
  } while (cursor);
  return slugs;
}

beforeAll(async () => {
  // Tanzania, Uganda and Rwanda hold only this file's records; the seed has none there.
  const fixtures: AgreementFixture[] = [
    {
      africa: "TZ",
      kind: "MOU",
      status: "SIGNED",
      confidence: "CONFIRMED",
      sectors: ["space"],
      signedOn: "2023-03-01",
      title: "Tanzania satellite MOU",
      organizations: ["tz-space-agency"],
    },
    {
      africa: "TZ",
      kind: "TALKS",
      status: "ANNOUNCED",
      confidence: "UNVERIFIED",
      sectors: ["space", "cybersecurity"],
      signedOn: null,
      title: "Tanzania cyber talks",
    },
    {
      africa: "TZ",
      partner: "BY",
      kind: "AGREEMENT",
      status: "IN_FORCE",
      confidence: "REPORTED",
      sectors: ["agriculture"],
      signedOn: "2024-07-15",
      title: "Tanzania tractor agreement",
      organizations: ["tz-space-agency", "tz-farms"],
    },
    {
      africa: "UG",
      kind: "MOU",
      status: "SIGNED",
      confidence: "UNVERIFIED",
      sectors: ["cybersecurity"],
      signedOn: "2024-01-10",
      title: "Uganda cybersecurity MOU",
    },
    {
      africa: "UG",
      partner: "BY",
      kind: "TALKS",
      status: "UNDER_NEGOTIATION",
      confidence: "REPORTED",
      sectors: ["agriculture", "space"],
      signedOn: "2025-05-05",
      title: "Uganda farming talks",
      organizations: ["tz-farms"],
    },
    {
      africa: "RW",
      kind: "AGREEMENT",
      status: "SIGNED",
      confidence: "CONFIRMED",
      sectors: ["space"],
      signedOn: "2022-11-30",
      title: "Rwanda ground station agreement",
    },
  ];
  for (const fixture of fixtures) await insertAgreement(database.db, fixture);
  await insertAgreement(database.db, { africa: "TZ", title: "Tanzania draft", state: "DRAFT", organizations: ["draft-only-organisation"] });
});

describe("facet counts", () => {
  it.each<ListInput>([
    {},
    { country: ["TZ", "UG"] },
    { sector: ["space"], confidence: ["CONFIRMED", "REPORTED"] },
    { partner: ["BY"], kind: ["TALKS", "AGREEMENT"] },
    { q: "Tanzania" },
  ])("equal what the list shows for each value of each facet, under %j", async (filters) => {
    const facets = await api().agreement.facets(filters);
    expect(facets.total).toBe((await listedSlugs(filters)).length);
    for (const facet of FACETS) {
      for (const { value, count } of facets[facet]) {
        // Choosing this value alone in its group, the other groups as they are.
        expect(count, `${facet}=${value}`).toBe((await listedSlugs({ ...filters, [facet]: [value] })).length);
      }
    }
  });

  it("count a group's other values while one of them is chosen, so a second can be added", async () => {
    const facets = await api().agreement.facets({ country: ["TZ"] });
    expect(facets.country).toEqual(
      expect.arrayContaining([
        { value: "TZ", count: 3 },
        { value: "UG", count: 2 },
        { value: "RW", count: 1 },
      ]),
    );
    expect(facets.total).toBe(3);
    expect(facets.organization).toEqual([
      { value: "tz-space-agency", label: "Organisation tz-space-agency", count: 2 },
      { value: "tz-farms", label: "Organisation tz-farms", count: 1 },
    ]);
  });
});

/** One value of every list filter, each narrowing this file's records to a known few. */
const FILTER_CASES: [string, string, string[]][] = [
  ["q", "q=tractor", ["Tanzania tractor agreement"]],
  ["country", "country=UG", ["Uganda cybersecurity MOU", "Uganda farming talks"]],
  ["partner", "partner=BY&country=TZ,UG,RW", ["Tanzania tractor agreement", "Uganda farming talks"]],
  ["sector", "sector=agriculture", ["Tanzania tractor agreement", "Uganda farming talks"]],
  ["status", "status=IN_FORCE,UNDER_NEGOTIATION&country=TZ,UG,RW", ["Tanzania tractor agreement", "Uganda farming talks"]],
  ["kind", "kind=TALKS&country=TZ,UG,RW", ["Tanzania cyber talks", "Uganda farming talks"]],
  ["confidence", "confidence=UNVERIFIED&country=TZ,UG,RW", ["Tanzania cyber talks", "Uganda cybersecurity MOU"]],
  ["organization", "organization=tz-farms", ["Tanzania tractor agreement", "Uganda farming talks"]],
  ["from", "from=2025-01-01&country=TZ,UG,RW", ["Uganda farming talks"]],
  ["to", "to=2022-12-31&country=TZ,UG,RW", ["Rwanda ground station agreement"]],
];

describe("every list filter survives into the feeds and the exports", () => {
  it.each(FILTER_CASES)("%s", async (_name, query, expected) => {
    const listed = (
      await api().agreement.list(
        Object.fromEntries([...new URLSearchParams(query)].map(([key, value]) => [key, value.includes(",") ? value.split(",") : value])),
      )
    ).items
      .map((item) => item.title)
      .sort();
    expect(listed).toEqual([...expected].sort());
    const jsonFeed = JSON.parse(await get(handlers.jsonFeed, `/feed.json?${query}`)) as { items: { title: string }[] };
    expect(jsonFeed.items.map((item) => item.title).sort(), "JSON Feed").toEqual(listed);
    const atom = new XMLParser({ isArray: (name) => name === "entry" }).parse(await get(handlers.atomFeed, `/feed.atom?${query}`)) as {
      feed: { entry?: { title: { "#text": string } | string }[] };
    };
    expect((atom.feed.entry ?? []).map((entry) => (typeof entry.title === "string" ? entry.title : entry.title["#text"])).sort(), "Atom").toEqual(listed);
    const csv = parse<{ title: string }>(await get(handlers.csvExport, `/export.csv?${query}`), { bom: true, columns: true });
    expect(csv.map((row) => row.title).sort(), "CSV").toEqual(listed);
    const json = JSON.parse(await get(handlers.jsonExport, `/export.json?${query}`)) as { title: string }[];
    expect(json.map((row) => row.title).sort(), "JSON export").toEqual(listed);
  });
});

describe("confidence", () => {
  it("is in feed.latest, both feeds and both exports", async () => {
    const latest = await api().feed.latest({ country: ["UG"], limit: 5 });
    expect(latest.items.map((item) => [item.title, item.confidence]).sort()).toEqual([
      ["Uganda cybersecurity MOU", "UNVERIFIED"],
      ["Uganda farming talks", "REPORTED"],
    ]);
    const french = await api().feed.latest({ country: ["UG"], limit: 5, lang: "fr" });
    const unverified = french.items.find((item) => item.confidence === "UNVERIFIED");
    // The widget shows these words as they come: the site's own labels, in the asked language.
    expect([unverified?.confidenceLabel, latest.items.find((item) => item.confidence === "UNVERIFIED")?.confidenceLabel]).toEqual([
      "Non vérifiée",
      "Unverified",
    ]);
    expect(french.items.map((item) => [item.title, item.statusLabel]).sort()).toEqual([
      ["Uganda cybersecurity MOU", "Signé"],
      ["Uganda farming talks", "En négociation"],
    ]);
    const jsonFeed = JSON.parse(await get(handlers.jsonFeed, "/feed.json?country=UG")) as { items: { title: string; _coop: { confidence: string } }[] };
    expect(jsonFeed.items.find((item) => item.title === "Uganda cybersecurity MOU")?._coop.confidence).toBe("UNVERIFIED");
    expect(await get(handlers.atomFeed, "/feed.atom?country=UG")).toContain('<category scheme="urn:coop-tracker:confidence" term="UNVERIFIED"');
    const csv = parse<{ title: string; confidence: string }>(await get(handlers.csvExport, "/export.csv?country=UG"), { bom: true, columns: true });
    expect(csv.find((row) => row.title === "Uganda cybersecurity MOU")?.confidence).toBe("UNVERIFIED");
  });
});

describe("paging", () => {
  it.each<ListInput>([{ sort: "recent" }, { sort: "signed" }, { sort: "title" }, { q: "Tanzania", sort: "relevance" }])(
    "goes forward and back again through the same pages (%j)",
    async (sort) => {
      const filters = { ...sort, limit: 2 } satisfies ListInput;
      const forward: string[][] = [];
      const cursors: (string | null)[] = [null];
      let page = await api().agreement.list(filters);
      forward.push(page.items.map((item) => item.slug));
      expect(page.previousCursor).toBeNull();
      while (page.nextCursor) {
        cursors.push(page.nextCursor);
        page = await api().agreement.list({ ...filters, cursor: page.nextCursor });
        forward.push(page.items.map((item) => item.slug));
      }
      expect(new Set(forward.flat()).size).toBe(forward.flat().length);
      // Back from the last page to the first, by each page's previousCursor.
      for (let index = forward.length - 1; index > 0; index -= 1) {
        expect(page.previousCursor, `page ${index}`).not.toBeNull();
        page = await api().agreement.list({ ...filters, cursor: page.previousCursor, direction: "backward" });
        expect(
          page.items.map((item) => item.slug),
          `page ${index - 1}`,
        ).toEqual(forward[index - 1]);
      }
      expect(page.previousCursor).toBeNull();
    },
  );

  it("sorts by title, A to Z", async () => {
    const titles = (await api().agreement.list({ country: ["TZ", "UG", "RW"], sort: "title" })).items.map((item) => item.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : 1)));
  });
});

describe("record neighbours and organisations", () => {
  it("relates records that share an organisation or both sides, within three years", async () => {
    const [tractor] = (await api().agreement.list({ q: "tractor" })).items;
    // One shared organisation each, the nearer in time first; no other record has Tanzania with Belarus.
    expect((await api().agreement.related({ slug: tractor!.slug })).items.map((item) => item.title)).toEqual([
      "Uganda farming talks",
      "Tanzania satellite MOU",
    ]);
    const [satellite] = (await api().agreement.list({ q: "satellite" })).items;
    // The shared organisation first, then Tanzania with Russia (undated, so not ruled out by time); Rwanda is another country.
    expect((await api().agreement.related({ slug: satellite!.slug })).items.map((item) => item.title)).toEqual([
      "Tanzania tractor agreement",
      "Tanzania cyber talks",
    ]);
  });

  it("shows an organisation only when a published record names it", async () => {
    const organization = await api().organization.bySlug({ slug: "tz-farms" });
    expect(organization).toMatchObject({ slug: "tz-farms", name: "Organisation tz-farms", kind: "COMPANY", countryCode: "TZ" });
    await expect(api().organization.bySlug({ slug: "draft-only-organisation" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("sitemap", () => {
  it("parses and lists every published record, country and organisation in every language, and no draft", async () => {
    const parser = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });
    const indexXml = await get(handlers.sitemap, "/sitemap.xml");
    expect(XMLValidator.validate(indexXml)).toBe(true);
    const index = parser.parse(indexXml) as { sitemapindex: { sitemap: { loc: string }[] } };
    const locations: string[] = [];
    for (const { loc } of index.sitemapindex.sitemap) {
      expect(loc.startsWith(`${origin}/sitemaps/`)).toBe(true);
      const xml = await get(handlers.sitemap, new URL(loc).pathname);
      expect(XMLValidator.validate(xml)).toBe(true);
      locations.push(...(parser.parse(xml) as { urlset: { url: { loc: string }[] } }).urlset.url.map((url) => url.loc));
    }
    const published = await listedSlugs({});
    expect(published.length).toBeGreaterThan(6);
    for (const slug of published) {
      for (const prefix of ["", "/fr", "/pt", "/ru"]) expect(locations, `${prefix}/records/${slug}`).toContain(`${origin}${prefix}/records/${slug}`);
    }
    expect(locations.filter((loc) => /\/records\/[^/]+$/.test(loc))).toHaveLength(published.length * 4);
    expect(locations).toEqual(
      expect.arrayContaining([`${origin}/countries/TZ`, `${origin}/pt/countries/RU`, `${origin}/ru/organizations/tz-farms`, `${origin}/fr`]),
    );
    expect(locations.join(" ")).not.toContain("draft");
  });
});

describe("record text beyond title and summary, in other languages", () => {
  it("goes from the editor to the record page, the feeds and the exports, each part saying its language", async () => {
    const editor = apiAs(database.db, await userActor(database.db, "EDITOR"));
    const created = await editor.agreement.create({
      data: sampleAgreementInput({
        title: "Kenya and Russia open a satellite ground station",
        venue: "Nairobi",
        event: "Kenya–Russia space forum",
        commitments: [
          { description: "Train 200 engineers", quantity: 200, unit: "engineers", source: 0 },
          { description: "Open a control room", source: 0 },
        ],
        statusChange: { occurredOn: "2025-06-12", source: 0, note: "Signed in Nairobi" },
      }),
    });
    const [signing] = created.statusEvents;
    const french = {
      locale: "FR" as const,
      title: "Le Kenya et la Russie ouvrent une station au sol",
      venue: "Nairobi (Kenya)",
      event: "Forum spatial Kenya–Russie",
      commitments: ["Former 200 ingénieurs"],
      statusNotes: { [signing!.id]: "Signé à Nairobi" },
    };
    const { status: _status, statusChange: _statusChange, ...unchanged } = sampleAgreementInput();
    const input = {
      ...unchanged,
      title: "Kenya and Russia open a satellite ground station",
      status: "SIGNED" as const,
      venue: "Nairobi",
      event: "Kenya–Russia space forum",
      sources: created.sources.map(({ id, url, publisher }) => ({ id, url, publisher })),
      commitments: [
        { description: "Train 200 engineers", quantity: 200, unit: "engineers", source: 0 },
        { description: "Open a control room", source: 0 },
      ],
      translations: [french],
    };
    const refused = await editor.agreement
      .update({ id: created.id, expectedVersion: 1, data: { ...input, translations: [{ ...french, commitments: ["un", "deux", "trois"] }] } })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["data", "translations", 0, "commitments"], message: "has 3 descriptions for 2 commitments" })] },
    });
    await editor.agreement.update({ id: created.id, expectedVersion: 1, data: input });
    await editor.agreement.transition({ id: created.id, expectedVersion: 2, action: "submit" });
    const published = await editor.agreement.transition({ id: created.id, expectedVersion: 3, action: "approve" });

    const inFrench = await api().agreement.bySlug({ slug: published.slug, lang: "fr" });
    expect(inFrench).toMatchObject({ lang: "fr", title: french.title, venue: french.venue, event: french.event, path: `/fr/records/${published.slug}` });
    expect(inFrench.commitments.map((c) => [c.description, c.lang])).toEqual([
      ["Former 200 ingénieurs", "fr"],
      ["Open a control room", "en"],
    ]);
    expect(inFrench.timeline.map((step) => [step.note, step.lang])).toEqual([["Signé à Nairobi", "fr"]]);
    const inPortuguese = await api().agreement.bySlug({ slug: published.slug, lang: "pt" });
    expect(inPortuguese).toMatchObject({ lang: "en", venue: "Nairobi", event: "Kenya–Russia space forum" });
    expect(inPortuguese.timeline[0]).toMatchObject({ note: "Signed in Nairobi", lang: "en" });

    const exported = JSON.parse(await get(handlers.jsonExport, `/export.json?q=satellite%20ground&lang=fr`)) as {
      url: string;
      commitments: { description: string; lang: string; quantity: string | null }[];
      timeline: { status: string; on: { date: string }; note: string; lang: string }[];
    }[];
    expect(exported).toHaveLength(1);
    expect(exported[0]?.url).toBe(`${origin}/fr/records/${published.slug}`);
    expect(exported[0]?.commitments[0]).toMatchObject({ description: "Former 200 ingénieurs", lang: "fr", quantity: "200.00" });
    expect(exported[0]?.timeline).toEqual([
      { status: "SIGNED", on: { date: "2025-06-12", precision: "DAY" }, note: "Signé à Nairobi", lang: "fr", sourceId: expect.any(String) },
    ]);
    const [row] = parse<Record<string, string>>(await get(handlers.csvExport, `/export.csv?q=satellite%20ground&lang=fr`), { bom: true, columns: true });
    expect(row?.commitments).toBe(
      "Former 200 ingénieurs (promised: 200.00 engineers; delivered: not reported; deadline: unknown)\nOpen a control room (promised: no figure; delivered: not reported; deadline: unknown)",
    );
    expect(row?.timeline).toBe("2025-06-12 SIGNED: Signé à Nairobi");
  });

  it("are imported from title_fr, summary_fr, venue_fr and event_fr columns", async () => {
    const editor = apiAs(database.db, await userActor(database.db, "EDITOR"));
    const content = [
      "external_id,title,kind,status,venue,african_countries,partner_countries,title_pt,venue_pt,event_pt,title_ru",
      'rw-imp-1,"Rwanda and Russia agree on drones",AGREEMENT,SIGNED,Kigali,RW,RU,"Ruanda e Rússia acordam drones","Quigali","Fórum de Quigali","Руанда и Россия договорились о дронах"',
    ].join("\n");
    expect(await editor.import.run({ format: "csv", content, dryRun: false })).toMatchObject({ created: 1, errors: 0 });
    const record = await database.db.agreement.findUniqueOrThrow({
      where: { externalId: "rw-imp-1" },
      select: { translations: { orderBy: { locale: "asc" } } },
    });
    expect(record.translations.map(({ locale, title, venue, event }) => ({ locale, title, venue, event }))).toEqual([
      { locale: "PT", title: "Ruanda e Rússia acordam drones", venue: "Quigali", event: "Fórum de Quigali" },
      { locale: "RU", title: "Руанда и Россия договорились о дронах", venue: null, event: null },
    ]);
  });
});
