import { describe, expect, it } from "vitest";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";

const database = useTestDatabase();
const api = () => createCaller(createContextInner({ db: database.db }));

describe("agreement.facets", () => {
  it("counts the published records per country, partner, sector, status, kind and year", async () => {
    const facets = await api().agreement.facets({});
    expect(facets.total).toBe(4);
    expect(facets.country).toEqual([
      { value: "ZW", count: 3 },
      { value: "CG", count: 1 },
    ]);
    expect(facets.partner).toEqual([
      { value: "BY", count: 2 },
      { value: "RU", count: 2 },
    ]);
    expect(facets.sector).toContainEqual({ value: "cybersecurity", count: 2 });
    expect(facets.sector).toContainEqual({ value: "defence-and-security", count: 1 });
    expect(facets.status).toContainEqual({ value: "SIGNED", count: 2 });
    expect(facets.kind).toContainEqual({ value: "TALKS", count: 2 });
    expect(facets.year).toEqual([{ value: "2025", count: 2 }]);
  });

  it("counts within the filters", async () => {
    const facets = await api().agreement.facets({ partner: ["BY"] });
    expect(facets.total).toBe(2);
    expect(facets.country).toEqual([{ value: "ZW", count: 2 }]);
    expect(facets.year).toEqual([]);
  });
});

describe("drafts never reach the public API", () => {
  it("hides drafts and records in review from list, detail, feed and facets", async () => {
    const draft = await insertAgreement(database.db, { state: "DRAFT", title: "Secret draft about lunar cooperation", africa: "SN" });
    const review = await insertAgreement(database.db, { state: "IN_REVIEW", title: "Lunar pending review", africa: "SN" });
    expect((await api().agreement.list({ q: "lunar" })).items).toEqual([]);
    expect((await api().agreement.list({ country: ["SN"] })).items).toEqual([]);
    await expect(api().agreement.bySlug({ slug: draft.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api().agreement.bySlug({ slug: review.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api().feed.latest({ limit: 20 })).items.map((i) => i.slug)).not.toContain(draft.slug);
    expect((await api().agreement.facets({})).country.map((c) => c.value)).not.toContain("SN");
  });

  it("never shows editorial fields", async () => {
    const [item] = (await api().agreement.list({ limit: 1 })).items;
    for (const field of ["state", "version", "deletedAt", "createdById", "updatedById", "searchExtra", "search"]) {
      expect(item).not.toHaveProperty(field);
    }
  });
});

describe("agreement.changes", () => {
  it("returns upserts since a time, then deletions of withdrawn records, oldest first", async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const published = await insertAgreement(database.db, { title: "Satellite ground station" });
    const toDelete = await insertAgreement(database.db, { title: "Short-lived record" });
    await insertAgreement(database.db, { state: "DRAFT", title: "Never public" });
    await database.db.agreement.update({ where: { id: toDelete.id }, data: { deletedAt: new Date() } });

    const { items, nextCursor } = await api().agreement.changes({ since });
    expect(nextCursor).toBeNull();
    expect(items.map((i) => [i.slug, i.change])).toEqual([
      [published.slug, "upsert"],
      [toDelete.slug, "delete"],
    ]);
    expect(items[0]?.agreement?.title).toBe("Satellite ground station");
    expect(items[1]?.agreement).toBeNull();
  });

  it("pages through changes with a cursor", async () => {
    const since = new Date(Date.now() - 1).toISOString();
    for (let i = 0; i < 5; i += 1) await insertAgreement(database.db, { title: `Change ${i}` });
    const first = await api().agreement.changes({ since, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await api().agreement.changes({ since, limit: 3, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    const titles = [...first.items, ...second.items].map((i) => i.agreement?.title);
    expect(titles.slice(-5)).toEqual(["Change 0", "Change 1", "Change 2", "Change 3", "Change 4"]);
  });

  it("returns nothing for a future time", async () => {
    const { items } = await api().agreement.changes({ since: "2999-01-01T00:00:00Z" });
    expect(items).toEqual([]);
  });
});

describe("feed.latest", () => {
  it("gives compact items with the best-known date and the source publisher", async () => {
    const { items } = await api().feed.latest({ country: ["ZW"], partner: ["RU"], limit: 5 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      slug: "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025",
      path: "/records/zimbabwe-cyberzim-consortium-cybersecurity-mou-2025",
      date: { date: "2025-01-01", precision: "YEAR" },
      countries: ["ZW"],
      partners: ["RU"],
    });
  });

  it("defaults to five items", async () => {
    for (let i = 0; i < 6; i += 1) await insertAgreement(database.db);
    expect((await api().feed.latest()).items).toHaveLength(5);
  });
});
