import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { apiAs, sampleAgreementInput, userActor } from "../support/records";

const database = useTestDatabase();
let editor: Awaited<ReturnType<typeof userActor>>;

beforeAll(async () => {
  editor = await userActor(database.db, "EDITOR");
});

interface Count {
  facet: string;
  value: string;
  count: number;
}

/** The stored counts, as the public facets read them. */
async function storedCounts(): Promise<Count[]> {
  return database.db.$queryRaw<Count[]>`SELECT facet, value, count FROM "PublicFacetCount" WHERE count > 0 ORDER BY facet, value`;
}

/** The same counts, recounted from the records with plain SQL. */
async function recount(): Promise<Count[]> {
  return database.db.$queryRaw<Count[]>`
    WITH live AS (SELECT * FROM "Agreement" WHERE "state" = 'PUBLISHED' AND "deletedAt" IS NULL)
    SELECT * FROM (
      SELECT 'total' AS facet, '' AS value, count(*)::int AS count FROM live HAVING count(*) > 0
      UNION ALL SELECT 'country', v, count(*)::int FROM live, unnest("africanCountryCodes") v GROUP BY v
      UNION ALL SELECT 'partner', v, count(*)::int FROM live, unnest("partnerCountryCodes") v GROUP BY v
      UNION ALL SELECT 'sector', v, count(*)::int FROM live, unnest("sectorSlugs") v GROUP BY v
      UNION ALL SELECT 'status', "status"::text, count(*)::int FROM live GROUP BY 2
      UNION ALL SELECT 'kind', "kind"::text, count(*)::int FROM live GROUP BY 2
      UNION ALL SELECT 'confidence', "confidence"::text, count(*)::int FROM live GROUP BY 2
      UNION ALL SELECT 'year', extract(year FROM COALESCE("signedOn", "announcedOn"))::int::text, count(*)::int FROM live
        WHERE COALESCE("signedOn", "announcedOn") IS NOT NULL GROUP BY 2
      UNION ALL SELECT 'organization', p."organizationId"::text, count(DISTINCT live.id)::int FROM live
        JOIN "AgreementParty" p ON p."agreementId" = live.id WHERE p."organizationId" IS NOT NULL GROUP BY 2
    ) counts ORDER BY facet, value`;
}

/** Small seeded PRNG (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("public facet counts", () => {
  it("match a recount from the records after random edits, publishing, unpublishing, organisation merges, deletes and restores", async () => {
    const api = apiAs(database.db, editor);
    const next = random(18);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const organizations: string[] = [];
    for (const name of ["Alpha Telecom", "Beta Space Agency", "Gamma Nuclear", "Delta Drones", "Epsilon Labs"]) {
      organizations.push((await api.organization.create({ name, kind: "COMPANY", countryCode: pick(["KE", "NG", "ZW"]) })).id);
    }
    const recordInput = () => {
      const organization = pick(organizations);
      return sampleAgreementInput({
        kind: pick(["AGREEMENT", "MOU", "TALKS"] as const),
        confidence: pick(["CONFIRMED", "REPORTED", "UNVERIFIED"] as const),
        signedOn: pick(["2023-03-01", "2024-07-15", "2025-06-12"]),
        sectors: [pick(["space", "energy", "cybersecurity"]), pick(["skills-and-training", "telecommunications"])],
        parties: [
          { countryCode: pick(["KE", "NG", "ZW", "EG"]), side: "AFRICA", role: "SIGNATORY" },
          // An organisation without a country code of its own: the record takes the organisation's country.
          { organizationId: organization, side: "AFRICA", role: "SIGNATORY" },
          ...(next() < 0.3 ? [{ organizationId: organization, side: "AFRICA" as const, role: "IMPLEMENTER" as const }] : []),
          { countryCode: pick(["RU", "BY"]), side: "PARTNER", role: "SIGNATORY" },
        ],
      });
    };
    const ids: string[] = [];
    const current = (id: string) => database.db.agreement.findUniqueOrThrow({ where: { id }, select: { version: true, state: true, deletedAt: true } });
    const publish = async (id: string) => {
      const submitted = await api.agreement.transition({ id, expectedVersion: (await current(id)).version, action: "submit" });
      await api.agreement.transition({ id, expectedVersion: submitted.version, action: "approve" });
    };
    const recordSteps: Record<string, (id: string) => Promise<unknown>> = {
      async create() {
        const record = await api.agreement.create({ data: recordInput(), confirmNotDuplicate: true });
        ids.push(record.id);
        if (next() < 0.7) await publish(record.id);
      },
      async edit(id) {
        const record = await current(id);
        if (!record.deletedAt) await api.agreement.update({ id, expectedVersion: record.version, data: recordInput() });
      },
      async workflow(id) {
        const record = await current(id);
        if (record.deletedAt) return;
        if (record.state === "DRAFT") await publish(id);
        else if (record.state === "PUBLISHED")
          await api.agreement.transition({ id, expectedVersion: record.version, action: pick(["unpublish", "archive"] as const) });
        else if (record.state === "ARCHIVED") await api.agreement.transition({ id, expectedVersion: record.version, action: "reopen" });
      },
      async deleteOrRestore(id) {
        const record = await current(id);
        if (record.deletedAt) await api.agreement.restore({ id });
        else await api.agreement.delete({ id, expectedVersion: record.version });
      },
    };
    const organizationSteps = [
      async function mergeOrganizations() {
        if (organizations.length < 3) return;
        const source = organizations.splice(Math.floor(next() * organizations.length), 1)[0]!;
        await api.organization.merge({ sourceId: source, targetId: pick(organizations) });
      },
      async function moveOrganization() {
        const id = pick(organizations);
        const organization = await database.db.organization.findUniqueOrThrow({ where: { id } });
        await api.organization.update({
          id,
          data: { name: organization.name, aliases: organization.aliases, kind: organization.kind, countryCode: pick(["KE", "NG", "SN"]) },
        });
      },
    ];
    const names = Object.keys(recordSteps);
    for (let i = 0; i < 6; i += 1) await recordSteps.create!("");
    for (let round = 0; round < 12; round += 1) {
      // Three steps at once, on different records: concurrent syncs must neither deadlock nor lose a count.
      const records = [...new Set([pick(ids), pick(ids), pick(ids)])];
      await Promise.all(records.map((id) => recordSteps[pick(names)]!(id)));
      if (next() < 0.5) await pick(organizationSteps)();
      if (round % 4 === 3) expect(await storedCounts()).toEqual(await recount());
    }

    const counts = await storedCounts();
    expect(counts).toEqual(await recount());
    expect(counts.find((count) => count.facet === "total")?.count).toBeGreaterThan(4);
    const facets = await apiAs(database.db).agreement.facets({});
    expect(facets.country).toEqual(
      counts
        .filter((count) => count.facet === "country")
        .map(({ value, count }) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
  });
});
