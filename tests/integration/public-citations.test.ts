import { beforeAll, describe, expect, it } from "vitest";
import { createPublishingHandlers } from "@coop/core/http";
import { ZPublicAgreementExport } from "@coop/core/validators";
import { testServer } from "../support/auth";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";
import { apiAs, citedAgreementInput, PRIVATE_REPORT_WORDS, publishThroughReview, userActor } from "../support/records";

const database = useTestDatabase();
const origin = "https://coop.test";
const publishing = createPublishingHandlers({ getDb: () => database.db, siteOrigin: () => origin });
const trpc = (procedure: string, input: unknown) =>
  testServer(database.db).trpc(new Request(`${origin}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`));
let record: { id: string; slug: string };
let uncited: { slug: string };

beforeAll(async () => {
  record = await publishThroughReview(database.db, citedAgreementInput("export"));
  uncited = await insertAgreement(database.db, { title: "Zimbabwe and Russia talk about drone pilots", africa: "ZW" });
});

describe("citations in the JSON export", () => {
  it("carries each cited fact with its source and quote, in the order editors gave them", async () => {
    const response = await publishing.jsonExport(new Request(`${origin}/export.json?country=ZW&lang=fr`));
    expect(response.status).toBe(200);
    const raw = (await response.json()) as { slug: string; citations?: unknown }[];
    const exported = raw.map((item) => ZPublicAgreementExport.parse(item));
    const cited = exported.find((item) => item.slug === record.slug);
    const sourceUrl = new Map(cited?.sources.map((source) => [source.id, source.url]));
    expect(cited?.citations.map(({ field, sourceId, quote }) => ({ field, source: sourceUrl.get(sourceId), quote }))).toEqual([
      {
        field: "signedOn",
        source: "https://herald.example.org/zw-ru-cyber-training",
        quote: "signed a memorandum of understanding on cybersecurity training on Monday, 12 May 2025",
      },
      { field: "kind", source: "https://courrier.example.org/zimbabwe-russie", quote: "protocole d'accord" },
      { field: "parties.0.countryCode", source: "https://herald.example.org/zw-ru-cyber-training", quote: "Zimbabwe and Russia signed" },
      { field: "parties.1.countryCode", source: "https://courrier.example.org/zimbabwe-russie", quote: "la Russie ont signé lundi" },
      { field: "sectors.0", source: "https://herald.example.org/zw-ru-cyber-training", quote: "cybersecurity training" },
      {
        field: "sectors.1",
        source: "https://herald.example.org/zw-ru-cyber-training",
        quote: 'will train 500 Zimbabwean engineers by 2027 at a new academy the ministry calls "<b>CyberZim</b> Academy"',
      },
      { field: "commitments.0.quantity", source: "https://herald.example.org/zw-ru-cyber-training", quote: "will train 500 Zimbabwean engineers" },
    ]);
    // A record without citations says so with an empty list.
    expect(raw.find((item) => item.slug === uncited.slug)?.citations).toEqual([]);
  });
});

describe("a source's whole text stays with editors", () => {
  it("is stored for editors", async () => {
    const editable = await apiAs(database.db, await userActor(database.db, "EDITOR")).agreement.get({ id: record.id });
    expect(JSON.stringify(editable)).toContain(PRIVATE_REPORT_WORDS);
  });

  it("is in no public answer: API, feeds, exports, oEmbed", async () => {
    const answers: [string, Response][] = [
      ...(await Promise.all(
        (["en", "fr", "pt", "ru"] as const).map(
          async (lang) => [`bySlug ${lang}`, await trpc("agreement.bySlug", { slug: record.slug, lang })] as [string, Response],
        ),
      )),
      ["list", await trpc("agreement.list", { country: ["ZW"], limit: 100 })],
      ["changes", await trpc("agreement.changes", { since: "2000-01-01T00:00:00Z" })],
      ["related", await trpc("agreement.related", { slug: record.slug })],
      ["feed.latest", await trpc("feed.latest", { country: ["ZW"] })],
      ["feed.json", await publishing.jsonFeed(new Request(`${origin}/feed.json?country=ZW`))],
      ["feed.atom", await publishing.atomFeed(new Request(`${origin}/feed.atom?country=ZW`))],
      ["export.json", await publishing.jsonExport(new Request(`${origin}/export.json`))],
      ["export.csv", await publishing.csvExport(new Request(`${origin}/export.csv`))],
      ["oembed", await publishing.oembed(new Request(`${origin}/oembed?url=${encodeURIComponent(`${origin}/records/${record.slug}`)}`))],
    ];
    for (const [name, response] of answers) {
      expect(response.status, name).toBe(200);
      const body = await response.text();
      expect(body, name).not.toContain(PRIVATE_REPORT_WORDS);
    }
    // The record itself is in the answers, so the check above looked at it.
    const detail = (await (await trpc("agreement.bySlug", { slug: record.slug })).json()) as { result: { data: { citations: unknown[]; sources: object[] } } };
    expect(detail.result.data.citations).toHaveLength(7);
    for (const source of detail.result.data.sources) expect(Object.keys(source)).not.toContain("text");
  });
});
