import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { apiAs, userActor } from "../support/records";

const database = useTestDatabase();
let api: ReturnType<typeof apiAs>;

beforeAll(async () => {
  api = apiAs(database.db, await userActor(database.db, "EDITOR"));
});

const HEADER = "external_id,title,kind,status,signed_on,african_countries,partner_countries,african_organizations,partner_organizations,sectors,source_url,source_publisher";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");

const GOOD = 'mz-ru-1,"Mozambique and Russia sign a hydrographic survey deal",AGREEMENT,SIGNED,2024-03,MZ,RU,"Instituto Nacional de Hidrografia","Rosgeo",research-and-education;energy,https://example.org/mz-ru-1,Example Wire';
const GOOD_2 = 'mz-ru-2,"Senegal and Belarus talk about tractor assembly",TALKS,UNDER_NEGOTIATION,,SN,BY,,,manufacturing;agriculture,https://example.org/mz-ru-2,Example Wire';
const BAD_SECTOR = 'mz-ru-3,"Tunisia and Russia discuss wheat silos",TALKS,ANNOUNCED,,TN,RU,,,breadmaking,https://example.org/mz-ru-3,Example Wire';
const BAD_KIND_AND_DATE = 'mz-ru-4,"Unknown place talks",MEETING,ANNOUNCED,2024-13-01,KE,RU,,,,https://example.org/mz-ru-4,Example Wire';
const BAD_COUNTRY = 'mz-ru-5,"Atlantis talks",TALKS,ANNOUNCED,,XX,RU,,,,https://example.org/mz-ru-5,Example Wire';

describe("import", () => {
  it("reports every row in a dry run without writing anything", async () => {
    const before = await database.db.agreement.count();
    const result = await api.import.run({ format: "csv", content: csv(GOOD, GOOD_2, BAD_SECTOR, BAD_KIND_AND_DATE, BAD_COUNTRY), dryRun: true });
    expect(result).toMatchObject({ dryRun: true, total: 5, created: 2, errors: 3 });
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([[2, "created"], [3, "created"], [4, "error"], [5, "error"], [6, "error"]]);
    expect(result.rows[2]?.errors).toEqual([{ column: "sectors", message: 'unknown sector "breadmaking"' }]);
    expect(result.rows[3]?.errors?.map((e) => e.column).sort()).toEqual(["kind", "signed_on"]);
    expect(result.rows[4]?.errors).toEqual([{ column: "african_countries", message: 'unknown country code "XX"' }]);
    expect(await database.db.agreement.count()).toBe(before);
    expect(await database.db.organization.count({ where: { name: "Rosgeo" } })).toBe(0);
  });

  it("writes valid rows, each with its revision, and re-importing changes nothing", async () => {
    const first = await api.import.run({ format: "csv", content: csv(GOOD, GOOD_2, BAD_SECTOR), dryRun: false });
    expect(first).toMatchObject({ created: 2, errors: 1 });
    const record = await database.db.agreement.findUniqueOrThrow({ where: { externalId: "mz-ru-1" }, include: { parties: { include: { organization: true } }, revisions: true } });
    expect(record).toMatchObject({ state: "DRAFT", signedPrecision: "MONTH", africanCountryCodes: ["MZ"], partnerCountryCodes: ["RU"] });
    expect(record.parties.map((p) => [p.side, p.organization?.name, p.countryCode])).toEqual([
      ["AFRICA", "Instituto Nacional de Hidrografia", "MZ"],
      ["PARTNER", "Rosgeo", "RU"],
    ]);
    expect(record.revisions).toHaveLength(1);

    const again = await api.import.run({ format: "csv", content: csv(GOOD, GOOD_2, BAD_SECTOR), dryRun: false });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: 1 });
    expect(await database.db.agreement.count({ where: { externalId: { startsWith: "mz-ru-" } } })).toBe(2);
    expect(await database.db.organization.count({ where: { name: "Rosgeo" } })).toBe(1);

    const changed = await api.import.run({ format: "csv", content: csv(GOOD.replace("hydrographic survey deal", "hydrographic survey contract")), dryRun: false });
    expect(changed).toMatchObject({ updated: 1 });
    const updated = await database.db.agreement.findUniqueOrThrow({ where: { externalId: "mz-ru-1" } });
    expect(updated).toMatchObject({ title: "Mozambique and Russia sign a hydrographic survey contract", version: 2 });
  });

  it("matches rows without external_id by source URL", async () => {
    const row = ',"Angola and Russia agree on a diamond-sorting lab",AGREEMENT,SIGNED,2023,AO,RU,,,research-and-education,https://example.org/ao-ru-lab,Example Wire';
    expect(await api.import.run({ format: "csv", content: csv(row), dryRun: false })).toMatchObject({ created: 1 });
    expect(await api.import.run({ format: "csv", content: csv(row), dryRun: false })).toMatchObject({ unchanged: 1, created: 0 });
  });

  it("imports JSON with list values", async () => {
    const content = JSON.stringify([
      { external_id: "json-1", title: "Ethiopia and Russia plan a research reactor", kind: "MOU", status: "SIGNED", african_countries: ["ET"], partner_countries: ["RU"], sectors: ["energy"], source_url: "https://example.org/json-1" },
    ]);
    expect(await api.import.run({ format: "json", content, dryRun: false })).toMatchObject({ created: 1 });
  });

  it("flags a row that duplicates an existing record instead of creating it", async () => {
    const row = ',"Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU",MOU,SIGNED,2025,ZW,RU,,CyberZim Consortium,cybersecurity,https://example.org/other-report,Other Wire';
    const result = await api.import.run({ format: "csv", content: csv(row), dryRun: false });
    expect(result.rows[0]).toMatchObject({ outcome: "duplicate-suspect" });
    expect(result.rows[0]?.duplicates?.[0]?.title).toBe("Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU");
  });

  it("refuses a repeated external_id within one file", async () => {
    const result = await api.import.run({ format: "csv", content: csv(GOOD.replace("mz-ru-1", "dup-1"), GOOD_2.replace("mz-ru-2", "dup-1")), dryRun: true });
    expect(result.rows[1]).toMatchObject({ outcome: "error", errors: [{ column: "external_id", message: "repeats row 2" }] });
  });

  it.each([
    ["wrong headers", "csv", "titel,kind,status\nx,MOU,SIGNED", /^content: unknown column "titel"; missing required column title/],
    ["bad encoding", "csv", `${HEADER}\nx,"Caf\uFFFD",MOU,SIGNED`, /^content: is not UTF-8 text \(invalid bytes on line 2\)/],
    ["JSON that is not an array", "json", '{"title":"x"}', /^content: must be a JSON array/],
    ["JSON with unknown keys", "json", '[{"titel":"x"}]', /^content\.0: unknown key titel/],
    ["malformed JSON", "json", "[{", /^content: is not valid JSON/],
    ["an unterminated CSV quote", "csv", `${HEADER}\nx,"unterminated,MOU`, /^content: is not valid CSV/],
  ] as const)("refuses %s with a clear error and writes nothing", async (_name, format, content, message) => {
    const before = await database.db.agreement.count();
    await expect(api.import.run({ format, content, dryRun: false })).rejects.toThrow(message);
    expect(await database.db.agreement.count()).toBe(before);
  });
});
