import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeReport, findMatchCandidates, loadIntakeRegistry, matchExistingRecords, type IntakeRegistry, type Proposal } from "@coop/core/domain";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";
import { apiAs, userActor } from "../support/records";

const database = useTestDatabase();
let registry: IntakeRegistry;

beforeAll(async () => {
  registry = await loadIntakeRegistry(database.db);
});

const analyze = (text: string, publishedOn: string): Proposal => analyzeReport({ text, publishedOn }, registry).proposal!;

describe("intake against the database", () => {
  it("saves a proposed draft through agreement.create as it stands", async () => {
    const proposal = analyze("Nigeria and Belarus signed an agreement on tractor assembly on Monday in Abuja, with training for 200 engineers.", "2025-05-14");
    const editor = await userActor(database.db, "EDITOR");
    const record = await apiAs(database.db, editor).agreement.create({ data: proposal.draft });
    expect(record).toMatchObject({ state: "DRAFT", kind: "AGREEMENT", status: "SIGNED", venue: "Abuja" });
    expect(record.parties.map((party) => [party.countryCode, party.side])).toEqual([
      ["NG", "AFRICA"],
      ["BY", "PARTNER"],
    ]);
    expect(record.commitments[0]).toMatchObject({ quantity: 200, unit: "engineers", sourceId: record.sources[0]!.id });
    expect(record.statusEvents[0]).toMatchObject({ status: "SIGNED", precision: "DAY", sourceId: record.sources[0]!.id });
  });

  it("finds a record made from an English report when reading a Russian report of the same event", async () => {
    const english = analyze("Kenya and Belarus signed an agreement on tractor assembly on Monday in Nairobi.", "2025-03-12");
    const editor = await userActor(database.db, "EDITOR");
    const stored = await apiAs(database.db, editor).agreement.create({ data: english.draft });
    const deleted = await insertAgreement(database.db, { africa: "KE", partner: "BY", signedOn: "2025-03-10", kind: "AGREEMENT" });
    await database.db.agreement.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const otherCountry = await insertAgreement(database.db, { africa: "GH", partner: "BY", signedOn: "2025-03-10" });
    const longBefore = await insertAgreement(database.db, { africa: "KE", partner: "BY", signedOn: "2023-01-10" });
    const undated = await insertAgreement(database.db, { africa: "KE", partner: "RU", signedOn: null, kind: "TALKS" });

    const russian = analyze("В понедельник Кения и Беларусь подписали в Найроби соглашение о сборке тракторов.", "2025-03-11");
    const candidates = await findMatchCandidates(database.db, russian);
    const ids = candidates.map((candidate) => candidate.id);
    expect(ids).toContain(stored.id);
    expect(ids).toContain(undated.id);
    expect(ids).not.toContain(deleted.id);
    expect(ids).not.toContain(otherCountry.id);
    expect(ids).not.toContain(longBefore.id);

    const matches = matchExistingRecords(russian, candidates);
    expect(matches.filter((match) => match.sameEvent).map((match) => match.id)).toEqual([stored.id]);
    expect(matches.find((match) => match.id === undated.id)?.sameEvent ?? false).toBe(false);
  });

  it("offers the seeded CyberZim record for the seed report, without claiming the same event from a date known only to the year", async () => {
    const seed = fs.readFileSync(path.join(import.meta.dirname, "../fixtures/intake/seed-cyberzim-mou.txt"), "utf8");
    const proposal = analyze(seed, "2025-10-19");
    const candidates = await findMatchCandidates(database.db, proposal);
    const seeded = candidates.find((candidate) => candidate.slug === "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025");
    expect(seeded).toBeDefined();
    const match = matchExistingRecords(proposal, candidates).find((candidate) => candidate.id === seeded!.id);
    expect(match).toMatchObject({ sameEvent: false });
    expect(match?.reasons).toEqual(expect.arrayContaining(["6 same organisations", "both MOU"]));
  });
});
