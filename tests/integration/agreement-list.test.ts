import { beforeAll, describe, expect, it } from "vitest";
import { createCaller, createContextInner, type RouterInputs } from "@coop/core/trpc";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";

const database = useTestDatabase();
const api = () => createCaller(createContextInner({ db: database.db }));
const slugs = async (input: RouterInputs["agreement"]["list"]) => (await api().agreement.list(input)).items.map((i) => i.slug);

const CYBERZIM = "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025";
const ZW_BY_TALKS = "zimbabwe-belarus-defence-and-security-cooperation";
const ZW_BY_MOUS = "zimbabwe-belarus-mous-defence-minister-visit-to-belarus";
const CONGO = "congo-russia-digital-ai-cybersecurity-talks-2025";

describe("agreement.list filters", () => {
  it("lists the published seed records, newest first", async () => {
    const page = await api().agreement.list({});
    expect(page.items).toHaveLength(4);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]?.path).toMatch(/^\/records\//);
  });

  it.each(["en", "fr"] as const)("lists each record with the same public fields as its page (%s)", async (lang) => {
    const { items } = await api().agreement.list({ lang });
    for (const item of items) {
      const {
        commitments: _commitments,
        timeline: _timeline,
        version: _version,
        citations: _citations,
        sources,
        ...detail
      } = await api().agreement.bySlug({ slug: item.slug, lang });
      expect(item).toEqual({ ...detail, sources: sources.map(({ excerpt: _excerpt, retrievedAt: _retrievedAt, ...source }) => source) });
    }
    expect(items.flatMap((item) => item.parties).some((party) => party.organization !== null)).toBe(true);
    expect(items.flatMap((item) => item.sources).some((source) => source.published.date !== null)).toBe(true);
  });

  it.each<[RouterInputs["agreement"]["list"], string[]]>([
    [{ country: ["ZW"] }, [CYBERZIM, ZW_BY_TALKS, ZW_BY_MOUS]],
    [{ country: "cg" }, [CONGO]],
    [{ partner: ["BY"] }, [ZW_BY_TALKS, ZW_BY_MOUS]],
    [{ partner: ["RU"], country: ["ZW"] }, [CYBERZIM]],
    [{ sector: ["cybersecurity"] }, [CYBERZIM, CONGO]],
    [{ sector: ["space"] }, []],
    [{ status: ["UNDER_NEGOTIATION"] }, [CONGO]],
    [{ kind: ["MOU"] }, [CYBERZIM, ZW_BY_MOUS]],
    [{ kind: ["TALKS"], partner: ["BY"] }, [ZW_BY_TALKS]],
    // Signed "2025" (year precision) overlaps any range inside 2025.
    [{ from: "2025-02-01", to: "2025-02-28" }, [CONGO, CYBERZIM]],
    [{ from: "2025-02-18", to: "2025-02-28" }, [CYBERZIM]],
    [{ from: "2025-06-01", to: "2025-06-30" }, [CYBERZIM]],
    [{ to: "2024-12-31" }, []],
  ])("filters %j", async (filters, expected) => {
    expect((await slugs(filters)).sort()).toEqual([...expected].sort());
  });

  it("shows a translation when asked for a language", async () => {
    const [item] = (await api().agreement.list({ country: ["CG"], lang: "fr" })).items;
    expect(item?.lang).toBe("fr");
    expect(item?.title).toContain("Le Congo et la Russie");
    const [english] = (await api().agreement.list({ country: ["CG"], lang: "pt" })).items;
    expect(english?.lang).toBe("en");
  });
});

describe("agreement.list full-text search", () => {
  it.each([
    ["consortium", [CYBERZIM]],
    ["specialists", [CYBERZIM, CONGO]],
    ["resilience", [CYBERZIM]],
    ["Muchinguri-Kashiri", [ZW_BY_TALKS, ZW_BY_MOUS]],
    ["Pantus", [ZW_BY_TALKS]],
    // French words from translations, with and without accents.
    ["cybersécurité", [CYBERZIM, CONGO]],
    ["cybersecurite", [CYBERZIM, CONGO]],
    ["Léon-Juste Ibombo", [CONGO]],
    ["leon-juste", [CONGO]],
    ["négociations", [CONGO]],
    ["negotiations", [CONGO]],
    ["Antarctica", []],
    ['"Russian-African Studies Center"', [CONGO]],
    ["KOMIB -Belarus", [CYBERZIM]],
  ] as const)("finds %s", async (q, expected) => {
    expect((await slugs({ q })).sort()).toEqual([...expected].sort());
  });

  it("matches organisation aliases", async () => {
    expect(await slugs({ q: "MICTPCS" })).toEqual([CYBERZIM]);
  });
});

describe("agreement.list keyset pagination", () => {
  const inserted: string[] = [];
  beforeAll(async () => {
    // Many share one publishedAt so ties are broken by id.
    const sameInstant = new Date("2026-01-01T12:00:00Z");
    for (let i = 0; i < 45; i += 1) {
      const row = await insertAgreement(database.db, {
        title: `Broadband backbone cooperation ${i}`,
        publishedAt: i % 3 === 0 ? sameInstant : new Date(Date.UTC(2026, 0, 2, 0, i)),
        signedOn: i % 4 === 0 ? null : `2024-0${(i % 9) + 1}-1${i % 10}`,
        africa: i % 2 ? "KE" : "NG",
      });
      inserted.push(row.slug);
    }
  });

  async function walk(input: RouterInputs["agreement"]["list"]) {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = await api().agreement.list({ ...input, cursor, limit: 7 });
      seen.push(...page.items.map((i) => i.slug));
      if (!page.nextCursor) return seen;
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  it.each(["recent", "signed"] as const)("walks every record once in %s order", async (sort) => {
    const all = (await api().agreement.list({ sort, limit: 100 })).items.map((i) => i.slug);
    expect(all).toHaveLength(49);
    const walked = await walk({ sort });
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(49);
  });

  it("orders by signing date with unknown dates last", async () => {
    const items = (await api().agreement.list({ sort: "signed", limit: 100 })).items;
    const dates = items.map((i) => i.signed.date);
    const known = dates.filter((d): d is string => d !== null);
    expect(known).toEqual([...known].sort().reverse());
    expect(dates.slice(known.length).every((d) => d === null)).toBe(true);
  });

  it("walks search results by relevance without duplicates or gaps", async () => {
    const walked = await walk({ q: "broadband cooperation" });
    expect(walked.sort()).toEqual([...inserted].sort());
  });

  it("walks a filtered list", async () => {
    const walked = await walk({ country: ["NG"] });
    expect(walked).toHaveLength(23);
  });
});
