import { describe, expect, it } from "vitest";
import { currentRecordInput } from "@coop/core/domain";
import { seedDatabase } from "@coop/core/lifecycle";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { ZAgreementInput } from "@coop/core/validators";
import { useTestDatabase } from "../support/database";
import { apiAs, userActor } from "../support/records";

const database = useTestDatabase();
const api = () => createCaller(createContextInner({ db: database.db }));
const CYBERZIM = "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025";
const TALKS = "zimbabwe-belarus-defence-and-security-cooperation";
const MOUS = "zimbabwe-belarus-mous-defence-minister-visit-to-belarus";
const FORMER_MOUS = "zimbabwe-belarus-defence-mous-minsk-visit";
const CONGO = "congo-russia-digital-ai-cybersecurity-talks-2025";

/** Counts of everything the seed writes, to tell whether a run changed anything. */
const footprint = async () => {
  const db = database.db;
  return Promise.all([
    db.agreement.count(),
    db.organization.count(),
    db.consortiumMembership.count(),
    db.agreementParty.count(),
    db.citation.count(),
    db.revision.count(),
    db.auditLog.count(),
    db.slugRedirect.count(),
    db.country.count(),
  ]);
};

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
    for (const slug of [
      "cybersecurity",
      "artificial-intelligence",
      "digital-government",
      "telecommunications",
      "skills-and-training",
      "defence-and-security",
      "agriculture",
      "manufacturing",
      "research-and-education",
      "space",
      "energy",
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  it("records the CyberZim MOU with the consortium, its four named members and the 10,000-specialist commitment", async () => {
    const record = await api().agreement.bySlug({ slug: CYBERZIM });
    expect(record.kind).toBe("MOU");
    expect(record.status).toBe("SIGNED");
    expect(record.signed).toEqual({ date: "2025-01-01", precision: "YEAR" });
    expect(record.event).toBe("National Cyber Security Conference & Expo 2025");
    expect(record.parties.filter((p) => p.side === "PARTNER").map((p) => p.organization?.name)).toEqual([
      "CyberZim Consortium",
      "KOMIB",
      "Cyberus",
      "CyberED",
      "Redzone Digital",
    ]);
    expect(record.parties.find((p) => p.side === "AFRICA")?.organization?.name).toContain("Postal & Courier Services");
    expect(record.commitments[0]).toMatchObject({ quantity: "10000", unit: "cybersecurity specialists" });
    expect(record.sources[0]?.published).toEqual({ date: "2025-10-19", precision: "DAY" });
    const consortium = await database.db.organization.findUniqueOrThrow({
      where: { slug: "cyberzim-consortium" },
      include: { members: { include: { member: true } } },
    });
    expect(consortium.members.map((m) => m.member.name).sort()).toEqual(["CyberED", "Cyberus", "KOMIB", "Redzone Digital"]);
    expect((await api().organization.bySlug({ slug: "komib" })).consortia).toEqual([{ slug: "cyberzim-consortium", name: "CyberZim Consortium" }]);
  });

  it("keeps unknown dates unknown", async () => {
    const talks = await api().agreement.bySlug({ slug: TALKS });
    expect(talks.signed).toEqual({ date: null, precision: "UNKNOWN" });
    expect(talks.announced).toEqual({ date: null, precision: "UNKNOWN" });
    expect(talks.sources[0]).toMatchObject({ author: "Columbus Mabika, Harare Bureau", published: { date: null, precision: "UNKNOWN" } });
    expect(talks.timeline[0]).toMatchObject({ status: "ANNOUNCED", on: { date: null, precision: "UNKNOWN" } });

    const congo = await api().agreement.bySlug({ slug: CONGO });
    expect(congo.announced).toEqual({ date: "2025-02-17", precision: "DAY" });
    expect(congo.sources[0]).toMatchObject({ author: "Samira Njoya", title: "Congo Seeks Russian Support for Digital Growth" });
    expect(congo.parties.map((p) => p.representative?.name)).toEqual(["Léon-Juste Ibombo", "Ilias Iskandarov"]);
  });

  it("ties every seeded fact to the exact words of its report, stored whole as the source's text", async () => {
    const records = await database.db.agreement.findMany({ where: { slug: { in: [CYBERZIM, TALKS, MOUS, CONGO] } }, select: { id: true, slug: true } });
    expect(records).toHaveLength(4);
    for (const record of records) {
      // The editor's input schema checks each citation (`citationProblem`): source, field, quote at its offsets.
      const input = ZAgreementInput.safeParse(await currentRecordInput(database.db, record.id));
      expect(input.success, `${record.slug}: ${input.error?.message}`).toBe(true);
      const { citations, sources, parties } = input.data!;
      expect(sources[0]?.text?.length).toBeGreaterThan(1000);
      expect(citations.every((c) => c.start != null && sources[c.source]!.text!.slice(c.start, c.end!) === c.quote)).toBe(true);
      const cited = new Set(citations.map((c) => c.field));
      expect(cited).toContain("kind");
      expect(cited).toContain("status");
      parties.forEach((party, index) => {
        if (party.countryCode) expect(cited, `${record.slug} parties.${index}.countryCode`).toContain(`parties.${index}.countryCode`);
        if (party.representativeName) expect(cited, `${record.slug} parties.${index}.representativeName`).toContain(`parties.${index}.representativeName`);
      });
    }
    const congo = await api().agreement.bySlug({ slug: CONGO });
    expect(congo.citations.find((c) => c.field === "announcedOn")?.quote).toBe("on Monday, February 17");
  });

  it("states nothing the reports do not say", async () => {
    const db = database.db;
    const everything = JSON.stringify(await db.agreement.findMany({ include: { parties: true, translations: true, statusEvents: true } }));
    expect(everything).not.toContain("Emmerson");
    expect(everything).not.toContain("State House, Harare");
    expect(await db.agreement.count({ where: { slug: { contains: "minsk" } } })).toBe(0);
    // The caption does not say whose Foreign Minister Aleinik is: he is no party's representative.
    expect(await db.agreementParty.count({ where: { representativeName: { contains: "Aleinik" } } })).toBe(0);
    expect(await db.agreementParty.count({ where: { organization: { name: { contains: "Foreign Affairs" } }, agreement: { slug: TALKS } } })).toBe(0);
    // Quoted in a TV interview only.
    expect(await db.agreementParty.count({ where: { representativeName: { contains: "Kambare" } } })).toBe(0);
    const talks = await api().agreement.bySlug({ slug: TALKS });
    expect(talks.venue).toBeNull();
    expect(talks.parties.find((p) => p.representative?.name === "Mnangagwa")?.representative?.title).toBe("President");
    // "MOU's to foster cooperation in various areas": no sector, no date, no place.
    const mous = await api().agreement.bySlug({ slug: MOUS });
    expect(mous.sectors).toEqual([]);
    expect(mous.venue).toBeNull();
    expect(mous.signed.date).toBeNull();
    // The consortium is "predominantly composed of Russian cybersecurity partners": no country of its own; its members are "entities".
    const consortium = await db.agreementParty.findFirstOrThrow({ where: { agreement: { slug: CYBERZIM }, organization: { slug: "cyberzim-consortium" } } });
    expect(consortium.countryCode).toBeNull();
    expect(
      new Set((await db.organization.findMany({ where: { slug: { in: ["komib", "cyberus", "cybered", "redzone-digital"] } } })).map((org) => org.kind)),
    ).toEqual(new Set(["OTHER"]));
    expect(await db.agreementParty.count({ where: { agreement: { slug: CYBERZIM }, role: { notIn: ["SIGNATORY", "PARTICIPANT"] } } })).toBe(0);
    const congoFr = await api().agreement.bySlug({ slug: CONGO, lang: "fr" });
    expect(congoFr.summary).toContain("a rencontré");
    expect(congoFr.summary).not.toContain("a reçu");
  });

  it("loads the organisation registry once, with each body's country or side and its public source", async () => {
    const rosatom = await database.db.organization.findUniqueOrThrow({ where: { slug: "ru-rosatom" } });
    expect(rosatom).toMatchObject({
      name: "State Atomic Energy Corporation Rosatom",
      kind: "STATE_COMPANY",
      countryCode: "RU",
      sourceUrl: "https://www.rosatom.ru/en/",
    });
    expect(rosatom.aliases).toEqual(expect.arrayContaining(["Rosatom", "Росатом"]));
    expect(await database.db.organization.findUniqueOrThrow({ where: { slug: "african-union" } })).toMatchObject({ countryCode: null, side: "AFRICA" });
    // The registry's entry for a body a record already names is that organisation, not a second one.
    expect(await database.db.organization.count({ where: { name: "State Authority for Military Industry of the Republic of Belarus" } })).toBe(1);
  });

  it("creates each record and publishes it, as the application and not as a person", async () => {
    expect(await database.db.revision.count()).toBe(8);
    expect(await database.db.revision.count({ where: { authorId: { not: null } } })).toBe(0);
    expect(await database.db.auditLog.count({ where: { action: "agreement.seed", actorLabel: "seed" } })).toBe(4);
    expect(await database.db.agreement.count({ where: { state: "PUBLISHED", createdById: null, updatedById: null } })).toBe(4);
    // The address an earlier version published leads to the record on a fresh install too.
    expect((await api().agreement.bySlug({ slug: FORMER_MOUS })).slug).toBe(MOUS);
  });

  it("changes nothing when run again, whether or not its version was applied", async () => {
    const before = await footprint();
    const lines: string[] = [];
    await seedDatabase(database.db, (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/already applied/);
    await database.db.seedVersion.deleteMany();
    await seedDatabase(database.db, (line) => lines.push(line));
    expect(lines.at(-1)).toMatch(/0 new organisations; founding records: 0 created, 0 corrected, 4 unchanged/);
    expect(await footprint()).toEqual(before);
  });

  it("corrects a record only the previous seed wrote, its former slug redirecting to the new one", async () => {
    const db = database.db;
    const mous = await db.agreement.findUniqueOrThrow({ where: { slug: MOUS } });
    // As the previous version of the seed left it: under the old slug, filed under defence.
    await db.agreement.update({ where: { id: mous.id }, data: { slug: FORMER_MOUS } });
    await db.agreementSector.create({ data: { agreementId: mous.id, sectorSlug: "defence-and-security" } });
    await db.seedVersion.deleteMany();

    await seedDatabase(db);
    const corrected = await db.agreement.findUniqueOrThrow({
      where: { id: mous.id },
      include: { sectors: true, revisions: { orderBy: { version: "desc" }, take: 1 } },
    });
    expect(corrected.slug).toBe(MOUS);
    expect(corrected.sectors).toEqual([]);
    expect(corrected.revisions[0]?.summary).toBe("Corrected from the founding news reports");
    expect(await db.slugRedirect.findUnique({ where: { slug: FORMER_MOUS } })).toMatchObject({ agreementId: mous.id });
    expect((await api().agreement.bySlug({ slug: FORMER_MOUS })).slug).toBe(MOUS);
  });

  it("never overwrites or brings back what editors changed, deleted or merged", async () => {
    const db = database.db;
    const editor = apiAs(db, await userActor(db, "EDITOR"));
    const talks = await db.agreement.findUniqueOrThrow({ where: { slug: TALKS } });
    const stored = await editor.agreement.get({ id: talks.id });
    await editor.agreement.update({
      id: talks.id,
      expectedVersion: stored.version,
      data: { ...(await currentRecordInput(db, talks.id)), title: "Zimbabwe and Belarus pledge defence co-operation" },
    });
    const congo = await db.agreement.findUniqueOrThrow({ where: { slug: CONGO } });
    await editor.agreement.delete({ id: congo.id, expectedVersion: congo.version });
    await db.seedVersion.deleteMany();

    await seedDatabase(db);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: talks.id } })).title).toBe("Zimbabwe and Belarus pledge defence co-operation");
    expect((await db.agreement.findUniqueOrThrow({ where: { id: congo.id } })).deletedAt).not.toBeNull();
    expect(await db.agreement.count({ where: { slug: { startsWith: "congo-russia" } } })).toBe(1);
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
      data: {
        name: consortium.name,
        aliases: consortium.aliases,
        kind: "CONSORTIUM",
        memberIds: (await bySlug("cyberzim-consortium"))!.members.map((m) => m.memberId).filter((id) => id !== cybered!.id),
      },
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
