import { describe, expect, it } from "vitest";
import { findLikelyDuplicates } from "@coop/core/domain";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";

const database = useTestDatabase();

const titlesOf = async (probe: Parameters<typeof findLikelyDuplicates>[1]) =>
  (await findLikelyDuplicates(database.db, probe)).map((candidate) => candidate.title);

describe("the duplicate check", () => {
  it("finds a look-alike of the same state even when many other states' records have closer titles", async () => {
    // Sixty titles closer to the probe than the real look-alike, all about other states.
    for (let i = 0; i < 60; i += 1) {
      await insertAgreement(database.db, { title: `Tanzania and Russia agree on a satellite ground station and cooperation ${i}`, africa: "TZ" });
    }
    const lookalike = await insertAgreement(database.db, { title: "Kenyan and Russian ministers sign satellite ground station deal", africa: "KE" });

    const found = await findLikelyDuplicates(database.db, { title: "Kenya and Russia agree on a satellite ground station", countries: ["KE", "RU"] });
    expect(found.map((candidate) => candidate.id)).toContain(lookalike.id);
    // Records of other states are other agreements, however alike their titles.
    expect(found.filter((candidate) => candidate.title.startsWith("Tanzania"))).toEqual([]);
    expect(found.find((candidate) => candidate.id === lookalike.id)?.reasons.join("; ")).toMatch(/same countries: KE/);
  });

  it("reads the states from the title while no party is chosen", async () => {
    await insertAgreement(database.db, { title: "Ghana and Belarus agree on tractor assembly in Kumasi", africa: "GH", partner: "BY" });
    await insertAgreement(database.db, { title: "Togo and Belarus agree on tractor assembly in Lome", africa: "TG", partner: "BY" });
    expect(await titlesOf({ title: "Ghanaian and Belarusian tractor assembly agreement" })).toEqual(["Ghana and Belarus agree on tractor assembly in Kumasi"]);
    // A title only somewhat alike (38 %) counts its named states as shared, as chosen parties would.
    const [weaker] = await findLikelyDuplicates(database.db, { title: "Ghana and Belarus sign a tractor memorandum" });
    expect(weaker).toMatchObject({
      title: "Ghana and Belarus agree on tractor assembly in Kumasi",
      reasons: ["similar title (38%)", "same countries: GH, BY"],
    });
  });

  it("compares records that name no African state with every probe", async () => {
    const stateless = await insertAgreement(database.db, { title: "Rosatom opens a regional nuclear training hub" });
    await database.db.agreement.update({ where: { id: stateless.id }, data: { africanCountryCodes: [] } });
    expect(await titlesOf({ title: "Rosatom opens a regional nuclear training hub for Africa", countries: ["ZM", "RU"] })).toContain(
      "Rosatom opens a regional nuclear training hub",
    );
  });

  it("reads a record's states from the organisations it names, as its own states are derived", async () => {
    const kengen = await database.db.organization.create({
      data: { slug: "kengen-geothermal", name: "KenGen Geothermal", kind: "STATE_COMPANY", countryCode: "KE" },
    });
    const existing = await insertAgreement(database.db, { title: "Geothermal wellfield drilling contract signed in Olkaria", africa: "KE" });
    const found = await findLikelyDuplicates(database.db, {
      title: "Geothermal wellfield drilling contract signed in Olkaria",
      countries: ["RU"],
      organizationIds: [kengen.id],
    });
    expect(found[0]).toMatchObject({ id: existing.id, strong: true });
  });

  it("leaves deleted records out, however many share a title", async () => {
    for (let i = 0; i < 55; i += 1) {
      const gone = await insertAgreement(database.db, { title: "Uganda and Russia agree on a vaccine plant", africa: "UG" });
      await database.db.agreement.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    }
    const live = await insertAgreement(database.db, { title: "Uganda and Russia agree on a vaccine plant", africa: "UG" });
    const found = await findLikelyDuplicates(database.db, { title: "Uganda and Russia agree on a vaccine plant", countries: ["UG", "RU"] });
    expect(found.map((candidate) => candidate.id)).toEqual([live.id]);

    const restored = await insertAgreement(database.db, { title: "Uganda and Russia agree on a vaccine plant in Entebbe", africa: "UG" });
    await database.db.agreement.update({ where: { id: restored.id }, data: { deletedAt: new Date() } });
    await database.db.agreement.update({ where: { id: restored.id }, data: { deletedAt: null } });
    expect((await findLikelyDuplicates(database.db, { title: "Uganda and Russia agree on a vaccine plant", countries: ["UG"] })).map((c) => c.id)).toContain(
      restored.id,
    );
  });

  it("follows a record's new title and states", async () => {
    const record = await insertAgreement(database.db, { title: "Angola and Russia agree on a fishing fleet", africa: "AO" });
    await database.db.agreement.update({ where: { id: record.id }, data: { title: "Angola and Russia agree on a diamond sorting plant" } });
    expect(await titlesOf({ title: "Angola and Russia agree on a fishing fleet", countries: ["AO"] })).not.toContain(
      "Angola and Russia agree on a fishing fleet",
    );
    expect(await titlesOf({ title: "Angola and Russia agree on diamond sorting", countries: ["AO"] })).toContain(
      "Angola and Russia agree on a diamond sorting plant",
    );

    await database.db.agreement.update({ where: { id: record.id }, data: { africanCountryCodes: ["NA"] } });
    expect(await titlesOf({ title: "Angola and Russia agree on diamond sorting", countries: ["AO"] })).toEqual([]);
    expect(await titlesOf({ title: "Russia agrees on diamond sorting plant", countries: ["NA"] })).toContain(
      "Angola and Russia agree on a diamond sorting plant",
    );
  });

  it("never offers a deleted record or the record being edited", async () => {
    const deleted = await insertAgreement(database.db, { title: "Mali and Russia agree on a gold refinery", africa: "ML" });
    await database.db.agreement.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const edited = await insertAgreement(database.db, { title: "Mali and Russia agree on a gold refinery in Bamako", africa: "ML" });
    expect(await titlesOf({ title: "Mali and Russia agree on a gold refinery", countries: ["ML"] })).toEqual([
      "Mali and Russia agree on a gold refinery in Bamako",
    ]);
    expect(await titlesOf({ title: "Mali and Russia agree on a gold refinery", countries: ["ML"], excludeId: edited.id })).toEqual([]);
  });
});
