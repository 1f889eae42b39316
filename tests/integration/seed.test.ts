import { describe, expect, it } from "vitest";
import { seedDatabase } from "@coop/core/lifecycle";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { useTestDatabase } from "../support/database";
import { apiAs, userActor } from "../support/records";

const database = useTestDatabase();
const api = () => createCaller(createContextInner({ db: database.db }));

describe("seeded records", () => {
  it("has all 54 African states plus Russia and Belarus, named in four languages", async () => {
    const countries = await api().taxonomy.countries({ lang: "fr" });
    expect(countries).toHaveLength(56);
    expect(countries.filter((c) => c.region !== "EUROPE")).toHaveLength(54);
    expect(countries.find((c) => c.code === "CI")?.name).toBe("Côte d'Ivoire");
    expect(countries.find((c) => c.code === "BY")?.names.ru).toBe("Беларусь");
    expect(countries.every((c) => c.names.en && c.names.fr && c.names.pt && c.names.ru)).toBe(true);
  });

  it("has the sector taxonomy", async () => {
    const slugs = (await api().taxonomy.sectors()).map((s) => s.slug);
    for (const slug of ["cybersecurity", "artificial-intelligence", "digital-government", "telecommunications", "skills-and-training", "defence-and-security", "agriculture", "manufacturing", "research-and-education", "space", "energy"]) {
      expect(slugs).toContain(slug);
    }
  });

  it("records the CyberZim MOU with its four named members and the 10,000-specialist commitment", async () => {
    const record = await api().agreement.bySlug({ slug: "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025" });
    expect(record.kind).toBe("MOU");
    expect(record.status).toBe("SIGNED");
    expect(record.signed).toEqual({ date: "2025-01-01", precision: "YEAR" });
    expect(record.event).toBe("National Cyber Security Conference & Expo 2025");
    const partnerNames = record.parties.filter((p) => p.side === "PARTNER").map((p) => p.organization?.name);
    expect(partnerNames).toEqual(expect.arrayContaining(["CyberZim Consortium", "KOMIB", "Cyberus", "CyberED", "Redzone Digital"]));
    expect(record.parties.find((p) => p.side === "AFRICA")?.organization?.name).toContain("Postal & Courier Services");
    expect(record.commitments[0]).toMatchObject({ quantity: "10000", unit: "cybersecurity specialists" });
    expect(record.sources[0]?.published).toEqual({ date: "2025-10-19", precision: "DAY" });
    const members = await database.db.consortiumMembership.count({ where: { consortium: { slug: "cyberzim-consortium" } } });
    expect(members).toBe(4);
  });

  it("keeps unknown dates unknown", async () => {
    const talks = await api().agreement.bySlug({ slug: "zimbabwe-belarus-defence-and-security-cooperation" });
    expect(talks.signed).toEqual({ date: null, precision: "UNKNOWN" });
    expect(talks.announced).toEqual({ date: null, precision: "UNKNOWN" });
    expect(talks.sources[0]).toMatchObject({ author: "Columbus Mabika, Harare Bureau", published: { date: null, precision: "UNKNOWN" } });
    expect(talks.timeline[0]).toMatchObject({ status: "ANNOUNCED", on: { date: null, precision: "UNKNOWN" } });

    const congo = await api().agreement.bySlug({ slug: "congo-russia-digital-ai-cybersecurity-talks-2025" });
    expect(congo.announced).toEqual({ date: "2025-02-17", precision: "DAY" });
    expect(congo.sources[0]).toMatchObject({ author: "Samira Njoya", title: "Congo Seeks Russian Support for Digital Growth" });
    expect(congo.parties.map((p) => p.representative?.name)).toEqual(["Léon-Juste Ibombo", "Ilias Iskandarov"]);
  });

  it("writes one revision and one audit row per seeded record", async () => {
    expect(await database.db.revision.count()).toBe(4);
    expect(await database.db.auditLog.count({ where: { action: "agreement.seed" } })).toBe(4);
  });

  it("is idempotent", async () => {
    const before = await Promise.all([database.db.agreement.count(), database.db.organization.count(), database.db.agreementParty.count(), database.db.country.count()]);
    await seedDatabase(database.db);
    const after = await Promise.all([database.db.agreement.count(), database.db.organization.count(), database.db.agreementParty.count(), database.db.country.count()]);
    expect(after).toEqual(before);
  });

  it("applies each version of the founding records once, never bringing back merged organisations or removed members", async () => {
    const editor = apiAs(database.db, await userActor(database.db, "EDITOR"));
    const bySlug = (slug: string) => database.db.organization.findUnique({ where: { slug }, include: { members: true } });
    const consortium = (await bySlug("cyberzim-consortium"))!;
    const [komib, cyberus, cybered] = await Promise.all([bySlug("komib"), bySlug("cyberus"), bySlug("cybered")]);
    // Editors fold KOMIB into Cyberus, and drop CyberED from the consortium.
    await editor.organization.merge({ sourceId: komib!.id, targetId: cyberus!.id });
    await editor.organization.update({
      id: consortium.id,
      data: { name: consortium.name, aliases: consortium.aliases, kind: "CONSORTIUM", memberIds: (await bySlug("cyberzim-consortium"))!.members.map((m) => m.memberId).filter((id) => id !== cybered!.id) },
    });
    const curated = async () => ({
      komib: await bySlug("komib"),
      members: (await bySlug("cyberzim-consortium"))!.members.map((m) => m.memberId).sort(),
      organizations: await database.db.organization.count(),
    });
    const before = await curated();
    expect(before.komib).toBeNull();
    expect(before.members).toHaveLength(2);

    await seedDatabase(database.db);
    expect(await curated()).toEqual(before);
    // A new version of the file (as when a founding record is added) is applied, and still respects the editors.
    expect(await database.db.seedVersion.count()).toBe(1);
    await database.db.seedVersion.deleteMany();
    await seedDatabase(database.db);
    expect(await curated()).toEqual(before);
    expect(await database.db.seedVersion.count()).toBe(1);
  });
});
