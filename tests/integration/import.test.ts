import { beforeAll, describe, expect, it } from "vitest";
import { withClient } from "@coop/core/lifecycle";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { useTestDatabase } from "../support/database";
import { apiAs, sampleAgreementInput, userActor } from "../support/records";

const database = useTestDatabase();
let api: ReturnType<typeof apiAs>;

beforeAll(async () => {
  api = apiAs(database.db, await userActor(database.db, "EDITOR"));
});

const HEADER =
  "external_id,title,kind,status,signed_on,african_countries,partner_countries,african_organizations,partner_organizations,sectors,source_url,source_publisher";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");

const GOOD =
  'mz-ru-1,"Mozambique and Russia sign a hydrographic survey deal",AGREEMENT,SIGNED,2024-03,MZ,RU,"Instituto Nacional de Hidrografia","Rosgeo",research-and-education;energy,https://example.org/mz-ru-1,Example Wire';
const GOOD_2 =
  'mz-ru-2,"Senegal and Belarus talk about tractor assembly",TALKS,UNDER_NEGOTIATION,,SN,BY,,,manufacturing;agriculture,https://example.org/mz-ru-2,Example Wire';
const BAD_SECTOR = 'mz-ru-3,"Tunisia and Russia discuss wheat silos",TALKS,ANNOUNCED,,TN,RU,,,breadmaking,https://example.org/mz-ru-3,Example Wire';
const BAD_KIND_AND_DATE = 'mz-ru-4,"Unknown place talks",MEETING,ANNOUNCED,2024-13-01,KE,RU,,,,https://example.org/mz-ru-4,Example Wire';
const BAD_COUNTRY = 'mz-ru-5,"Atlantis talks",TALKS,ANNOUNCED,,XX,RU,,,,https://example.org/mz-ru-5,Example Wire';

describe("import", () => {
  it("reports every row in a dry run without writing anything", async () => {
    const before = await database.db.agreement.count();
    const result = await api.import.run({ format: "csv", content: csv(GOOD, GOOD_2, BAD_SECTOR, BAD_KIND_AND_DATE, BAD_COUNTRY), dryRun: true });
    expect(result).toMatchObject({ dryRun: true, total: 5, created: 2, errors: 3 });
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, "created"],
      [3, "created"],
      [4, "error"],
      [5, "error"],
      [6, "error"],
    ]);
    expect(result.rows[2]?.errors).toEqual([{ column: "sectors", message: 'unknown sector "breadmaking"' }]);
    expect(result.rows[3]?.errors?.map((e) => e.column).sort()).toEqual(["kind", "signed_on"]);
    expect(result.rows[4]?.errors).toEqual([{ column: "african_countries", message: 'unknown country code "XX"' }]);
    expect(await database.db.agreement.count()).toBe(before);
    expect(await database.db.organization.count({ where: { name: "Rosgeo" } })).toBe(0);
  });

  it("writes valid rows, each with its revision, and re-importing changes nothing", async () => {
    const first = await api.import.run({ format: "csv", content: csv(GOOD, GOOD_2, BAD_SECTOR), dryRun: false });
    expect(first).toMatchObject({ created: 2, errors: 1 });
    const record = await database.db.agreement.findUniqueOrThrow({
      where: { externalId: "mz-ru-1" },
      include: { parties: { include: { organization: true } }, revisions: true },
    });
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

    const changed = await api.import.run({
      format: "csv",
      content: csv(GOOD.replace("hydrographic survey deal", "hydrographic survey contract")),
      dryRun: false,
    });
    expect(changed).toMatchObject({ updated: 1 });
    const updated = await database.db.agreement.findUniqueOrThrow({ where: { externalId: "mz-ru-1" } });
    expect(updated).toMatchObject({ title: "Mozambique and Russia sign a hydrographic survey contract", version: 2 });
  });

  it("matches rows without external_id by source URL", async () => {
    const row =
      ',"Angola and Russia agree on a diamond-sorting lab",AGREEMENT,SIGNED,2023,AO,RU,,,research-and-education,https://example.org/ao-ru-lab,Example Wire';
    expect(await api.import.run({ format: "csv", content: csv(row), dryRun: false })).toMatchObject({ created: 1 });
    expect(await api.import.run({ format: "csv", content: csv(row), dryRun: false })).toMatchObject({ unchanged: 1, created: 0 });
  });

  it("imports JSON with list values", async () => {
    const content = JSON.stringify([
      {
        external_id: "json-1",
        title: "Ethiopia and Russia plan a research reactor",
        kind: "MOU",
        status: "SIGNED",
        african_countries: ["ET"],
        partner_countries: ["RU"],
        sectors: ["energy"],
        source_url: "https://example.org/json-1",
      },
    ]);
    expect(await api.import.run({ format: "json", content, dryRun: false })).toMatchObject({ created: 1 });
  });

  it("flags a row that duplicates an existing record instead of creating it", async () => {
    const row =
      ',"Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU",MOU,SIGNED,2025,ZW,RU,,CyberZim Consortium,cybersecurity,https://example.org/other-report,Other Wire';
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

describe("a failing streamed import", () => {
  it("reaches the client as an error and leaves no promise rejection unhandled in the process", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const stream = await api.import.stream({ format: "csv", content: "titel,kind,status\nx,MOU,SIGNED", dryRun: false });
      const failure = await (async () => {
        for await (const event of stream) void event;
      })().catch((error: Error) => error);
      expect((failure as Error).message).toMatch(/^content: unknown column "titel"/);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("unhandledRejection", record);
    }
    expect(unhandled).toEqual([]);
  });
});

describe("an import never erases curated work", () => {
  const HEADER_FULL =
    "external_id,title,kind,status,summary,signed_on,african_countries,partner_countries,partner_organizations,sectors,source_url,source_publisher";
  const file = (...rows: string[]) => [HEADER_FULL, ...rows].join("\n");
  const row = (id: string, title: string, summary = "From the wire", extra = { status: "SIGNED", partnerOrganization: "Rosatom" }) =>
    `${id},"${title}",AGREEMENT,${extra.status},"${summary}",2024-05,KE,RU,${extra.partnerOrganization},energy,https://example.org/${id},Example Wire`;

  /** Imports a row, then curates it as an editor would: a commitment, a French title, a second source, a representative, a summary. */
  async function importedAndCurated(id: string, title: string) {
    expect(await api.import.run({ format: "csv", content: file(row(id, title)), dryRun: false })).toMatchObject({ created: 1 });
    const record = await database.db.agreement.findUniqueOrThrow({ where: { externalId: id }, select: { id: true } });
    const stored = await api.agreement.get({ id: record.id });
    const curated = await api.agreement.update({
      id: record.id,
      expectedVersion: stored.version,
      data: {
        title: stored.title,
        summary: "Curated summary, checked against the ministry's statement",
        kind: stored.kind,
        status: stored.status,
        signedOn: "2024-05",
        sectors: ["energy"],
        parties: stored.parties.map((party) => ({
          ...party,
          representativeName: party.side === "PARTNER" ? "Alexey Likhachev" : null,
          role: party.side === "PARTNER" ? ("IMPLEMENTER" as const) : party.role,
        })),
        sources: [
          ...stored.sources.map((source) => ({ id: source.id, url: source.url, publisher: source.publisher })),
          { url: "https://ministry.example.go.ke/statement", publisher: "Ministry of Energy" },
        ],
        commitments: [{ description: "Train 50 Kenyan nuclear engineers", quantity: 50, unit: "engineers", source: 1 }],
        translations: [{ locale: "FR", title: "Le Kenya et la Russie signent un accord nucléaire" }],
      },
    });
    return curated;
  }

  it("keeps an editor's changes on re-import and leaves the published page as it was until an editor approves", async () => {
    const curated = await importedAndCurated("keep-1", "Kenya and Russia sign a nuclear cooperation agreement");
    const editorApi = apiAs(database.db, await userActor(database.db, "EDITOR"));
    await editorApi.agreement.transition({ id: curated.id, expectedVersion: curated.version, action: "submit" });
    const published = await editorApi.agreement.transition({ id: curated.id, expectedVersion: curated.version + 1, action: "approve" });
    const publicApi = apiAs(database.db);
    const before = await publicApi.agreement.bySlug({ slug: published.slug });

    const reimport = await api.import.run({
      format: "csv",
      content: file(row("keep-1", "Kenya and Russia sign a nuclear power plant agreement")),
      dryRun: false,
    });
    expect(reimport).toMatchObject({ proposed: 1, updated: 0, errors: 0 });
    expect(reimport.rows[0]?.changes).toEqual([
      { field: "title", before: "Kenya and Russia sign a nuclear cooperation agreement", after: "Kenya and Russia sign a nuclear power plant agreement" },
    ]);
    // Readers see exactly what they saw.
    expect(await publicApi.agreement.bySlug({ slug: published.slug })).toEqual(before);
    const kept = await api.agreement.get({ id: curated.id });
    expect(kept).toMatchObject({ state: "PUBLISHED", version: published.version, summary: "Curated summary, checked against the ministry's statement" });
    expect(kept.commitments.map((c) => c.description)).toEqual(["Train 50 Kenyan nuclear engineers"]);
    expect(kept.translations).toEqual([expect.objectContaining({ locale: "FR", title: "Le Kenya et la Russie signent un accord nucléaire" })]);
    expect(kept.sources).toHaveLength(2);
    expect(kept.parties.find((party) => party.side === "PARTNER")).toMatchObject({ role: "IMPLEMENTER", representativeName: "Alexey Likhachev" });

    // The review queue shows the change field by field; approving publishes it, and only it.
    const queue = await editorApi.agreement.proposedChanges();
    expect(queue.find((proposal) => proposal.id === curated.id)?.changes.map((change) => change.field)).toEqual(["title"]);
    await editorApi.agreement.decideProposedChange({ id: curated.id, expectedVersion: published.version, decision: "approve" });
    const after = await publicApi.agreement.bySlug({ slug: published.slug });
    expect(after.title).toBe("Kenya and Russia sign a nuclear power plant agreement");
    expect(after.commitments.map((c) => c.description)).toEqual(["Train 50 Kenyan nuclear engineers"]);
    expect(after.sources).toHaveLength(2);
    expect(await publicApi.agreement.bySlug({ slug: published.slug, lang: "fr" })).toMatchObject({
      title: "Le Kenya et la Russie signent un accord nucléaire",
    });
    expect(
      await api.import.run({ format: "csv", content: file(row("keep-1", "Kenya and Russia sign a nuclear power plant agreement")), dryRun: false }),
    ).toMatchObject({ unchanged: 1 });
  });

  it("under the two-person rule, lets another editor, not the importer, approve an imported change", async () => {
    const importer = await userActor(database.db, "EDITOR");
    const reviewer = await userActor(database.db, "EDITOR");
    const as = (actor: typeof importer) => createCaller(createContextInner({ db: database.db, actor, policy: { requireSecondReviewer: true } }));
    const record = (
      await as(importer).import.run({ format: "csv", content: file(row("two-1", "Kenya and Russia agree on a weather radar network")), dryRun: false })
    ).rows[0]!;
    await as(importer).agreement.transition({ id: record.id!, expectedVersion: 1, action: "submit" });
    await as(reviewer).agreement.transition({ id: record.id!, expectedVersion: 2, action: "approve" });
    await as(importer).import.run({ format: "csv", content: file(row("two-1", "Kenya and Russia agree on a national weather radar network")), dryRun: false });
    const own = await as(importer)
      .agreement.decideProposedChange({ id: record.id!, expectedVersion: 3, decision: "approve" })
      .catch((e: Error) => e);
    expect(own).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/^You last edited this imported change/) });
    expect((await as(reviewer).agreement.decideProposedChange({ id: record.id!, expectedVersion: 3, decision: "approve" })).title).toBe(
      "Kenya and Russia agree on a national weather radar network",
    );
  });

  it("drops a rejected change, and does not propose it again for the same row", async () => {
    const editorApi = apiAs(database.db, await userActor(database.db, "EDITOR"));
    const imported = (await api.import.run({ format: "csv", content: file(row("reject-1", "Kenya and Russia agree on a fishing fleet")), dryRun: false }))
      .rows[0]!;
    await editorApi.agreement.transition({ id: imported.id!, expectedVersion: 1, action: "submit" });
    await editorApi.agreement.transition({ id: imported.id!, expectedVersion: 2, action: "approve" });
    const changed = file(row("reject-1", "Kenya and Russia agree on a fishing fleet of forty trawlers"));
    expect(await api.import.run({ format: "csv", content: changed, dryRun: false })).toMatchObject({ proposed: 1 });
    const kept = await editorApi.agreement.decideProposedChange({ id: imported.id!, expectedVersion: 3, decision: "reject" });
    expect(kept).toMatchObject({ title: "Kenya and Russia agree on a fishing fleet", version: 3 });
    expect(await editorApi.agreement.proposedChanges()).not.toEqual(expect.arrayContaining([expect.objectContaining({ id: imported.id })]));
    expect(await api.import.run({ format: "csv", content: changed, dryRun: false })).toMatchObject({ unchanged: 1, proposed: 0 });
  });

  it("changes on a draft only the columns the file changed since it was last imported", async () => {
    const curated = await importedAndCurated("keep-2", "Kenya and Russia plan a research reactor");
    const result = await api.import.run({ format: "csv", content: file(row("keep-2", "Kenya and Russia plan a research reactor in Mombasa")), dryRun: false });
    expect(result).toMatchObject({ updated: 1 });
    const stored = await api.agreement.get({ id: curated.id });
    expect(stored).toMatchObject({
      title: "Kenya and Russia plan a research reactor in Mombasa",
      summary: "Curated summary, checked against the ministry's statement",
      version: curated.version + 1,
    });
    expect(stored.commitments).toHaveLength(1);
    expect(stored.translations).toHaveLength(1);
    expect(stored.sources).toHaveLength(2);
  });

  it("shows each row's field-level diff in a dry run, organisations by name", async () => {
    await importedAndCurated("keep-3", "Kenya and Russia sign a uranium exploration deal");
    const dryRun = await api.import.run({
      format: "csv",
      content: file(row("keep-3", "Kenya and Russia sign a uranium mining deal", "From the wire", { status: "IN_FORCE", partnerOrganization: "Uranium One" })),
      dryRun: true,
    });
    expect(dryRun.rows[0]).toMatchObject({ outcome: "updated" });
    const changes = Object.fromEntries((dryRun.rows[0]?.changes ?? []).map((change) => [change.field, change]));
    expect(Object.keys(changes)).toEqual(["title", "status", "parties"]);
    expect(changes.status).toEqual({ field: "status", before: "SIGNED", after: "IN_FORCE" });
    expect(changes.parties?.after).toContain("Partner side: Uranium One (new organisation), RU (signatory)");
    expect(await database.db.organization.count({ where: { name: "Uranium One" } })).toBe(0);
  });

  it("matches rows by external_id only: a row citing another record's source is a duplicate suspect, never applied to it", async () => {
    const editorApi = apiAs(database.db, await userActor(database.db, "EDITOR"));
    const other = await editorApi.agreement.create({
      data: sampleAgreementInput({
        title: "Egypt and Russia open a satellite assembly plant",
        sources: [{ url: "https://example.org/shared-report", publisher: "Example Wire" }],
      }),
    });
    const citing = ',"Egypt buys Russian grain silos",AGREEMENT,SIGNED,"",2024-05,EG,RU,,agriculture,https://example.org/shared-report,Example Wire';
    for (const line of [citing, `silo-1${citing}`]) {
      const result = await api.import.run({ format: "csv", content: file(line), dryRun: false });
      expect(result.rows[0]).toMatchObject({
        outcome: "duplicate-suspect",
        duplicates: [{ id: other.id, title: other.title, reasons: ["cites the same source URL"] }],
      });
    }
    expect(await editorApi.agreement.get({ id: other.id })).toMatchObject({ title: other.title, version: 1 });
  });

  it("reports a row whose external_id belongs to a deleted record as an error naming it, in the dry run too", async () => {
    const admin = apiAs(database.db, await userActor(database.db, "ADMIN"));
    const imported = await api.import.run({ format: "csv", content: file(row("gone-1", "Kenya and Russia agree on a desalination plant")), dryRun: false });
    await admin.agreement.delete({ id: imported.rows[0]!.id!, expectedVersion: 1 });
    const content = file(row("gone-1", "Kenya and Russia agree on a desalination plant"), row("after-gone", "Kenya and Russia agree on wind turbine assembly"));
    for (const dryRun of [true, false]) {
      const result = await api.import.run({ format: "csv", content, dryRun });
      expect(result.rows[0]).toMatchObject({
        outcome: "error",
        errors: [
          { column: "external_id", message: expect.stringMatching(/^belongs to the deleted record "Kenya and Russia agree on a desalination plant" \(/) },
        ],
      });
      expect(result.rows[1]).toMatchObject({ outcome: "created" });
    }
  });

  it("creates records of one title racing in parallel without failing: the first is created, the others held as look-alikes", async () => {
    const rows = Array.from({ length: 8 }, (_, i) =>
      row(`race-${i}`, "Kenya and Russia sign a grain terminal agreement").replace(`https://example.org/race-${i}`, `https://example.org/race-report-${i}`),
    );
    // The dry run says beforehand what the import does.
    const dryRun = await api.import.run({ format: "csv", content: file(...rows), dryRun: true });
    expect(dryRun).toMatchObject({ total: 8, created: 1, duplicateSuspects: 7, errors: 0 });
    expect(dryRun.rows[1]).toMatchObject({
      outcome: "duplicate-suspect",
      errors: [{ column: "title", message: "repeats the title of row 2, which the import creates first" }],
    });
    const result = await api.import.run({ format: "csv", content: file(...rows), dryRun: false });
    expect(result).toMatchObject({ total: 8, created: 1, duplicateSuspects: 7, errors: 0 });
    expect(await database.db.agreement.count({ where: { externalId: { startsWith: "race-" } } })).toBe(1);
  });

  it("holds back a row whose title or source repeats an earlier row's of the same file, with the record that row created, as its dry run says", async () => {
    const line = (id: string, title: string, url: string, africa = "KE") =>
      `${id},"${title}",AGREEMENT,SIGNED,2024-05,${africa},RU,,,energy,${url},Example Wire`;
    const content = csv(
      line("lithium-1", "Kenya and Russia agree on a lithium refinery in Mombasa", "https://example.org/lithium"),
      line("lithium-2", "Kenya and Russia agree on a lithium refinery at Mombasa", "https://example.org/lithium-again"),
      line("lithium-3", "Kenya and Russia open a geology school", "https://example.org/lithium"),
      line("lithium-4", "Kenya and Russia agree on a rail signalling centre", "https://example.org/rail"),
      // As alike, but of another state: another agreement.
      line("lithium-5", "Kenya and Russia agree on a lithium refinery in Mombasa", "https://example.org/lithium-tz", "TZ"),
    );
    // The dry run says beforehand which rows the import holds back, though it writes none of the earlier ones.
    const dryRun = await api.import.run({ format: "csv", content, dryRun: true });
    expect(dryRun.rows.map((r) => r.outcome)).toEqual(["created", "duplicate-suspect", "duplicate-suspect", "created", "created"]);
    expect(dryRun.rows[1]?.errors).toEqual([{ column: "title", message: "looks like row 2 (title 91% alike), which the import creates first" }]);
    expect(dryRun.rows[2]?.errors).toEqual([{ column: "source_url", message: "cites the same source URL as row 2, which the import creates first" }]);
    const result = await api.import.run({ format: "csv", content, dryRun: false });
    const [first, alike, sameSource, other] = result.rows;
    expect(result.rows.map((r) => r.outcome)).toEqual(["created", "duplicate-suspect", "duplicate-suspect", "created", "created"]);
    expect(alike?.duplicates?.map((duplicate) => duplicate.id)).toEqual([first?.id]);
    expect(sameSource?.duplicates).toEqual([expect.objectContaining({ id: first?.id, reasons: ["cites the same source URL"] })]);
    expect(other?.outcome).toBe("created");
    expect(await database.db.agreement.count({ where: { externalId: { startsWith: "lithium-" } } })).toBe(3);
  });

  it("holds back a look-alike of a row in the chunk before, which is still being written while its own chunk is checked", async () => {
    const places =
      "Mombasa Kisumu Nakuru Eldoret Thika Malindi Garissa Kitale Machakos Nyeri Kericho Lamu Embu Kakamega Bungoma Voi Wajir Isiolo Naivasha Narok Kilifi Homa Bay Busia".split(
        " ",
      );
    const works = [
      "port cranes",
      "rail depot",
      "wind farm",
      "fish market",
      "grain silo",
      "solar park",
      "clinic",
      "data centre",
      "water plant",
      "tea factory",
      "ferry",
    ];
    const titles = places.flatMap((place) => works.map((work) => `${place} ${work} with Russian partners`)).slice(0, 250);
    // Row 151 all but repeats row 31, of the chunk before (another slug: no lock in common).
    titles.splice(149, 0, titles[29]!.replace(" with ", " with the "));
    const line = (title: string, i: number) => `chunks-${i},"${title}",AGREEMENT,SIGNED,2024-05,KE,RU,,,energy,https://example.org/chunks-${i},Example Wire`;
    const result = await api.import.run({ format: "csv", content: csv(...titles.map(line)), dryRun: false });
    expect(result).toMatchObject({ total: 251, created: 250, duplicateSuspects: 1, errors: 0 });
    const first = result.rows.find((r) => r.row === 31);
    expect(result.rows.find((r) => r.row === 151)).toMatchObject({ outcome: "duplicate-suspect", duplicates: [expect.objectContaining({ id: first?.id })] });
  });

  it("decides a row naming a new organisation before a later row like it, as the dry run says", async () => {
    const line = (id: string, organization: string) =>
      `${id},"Kenya and Russia agree on a cobalt smelter in Kilifi",AGREEMENT,SIGNED,2024-05,KE,RU,"${organization}",,energy,https://example.org/${id},Wire`;
    const content = csv(line("smelter-1", "Kilifi Smelting Company"), line("smelter-2", ""));
    const dryRun = await api.import.run({ format: "csv", content, dryRun: true });
    const result = await api.import.run({ format: "csv", content, dryRun: false });
    expect(result.rows.map((r) => r.outcome)).toEqual(["created", "duplicate-suspect"]);
    expect(dryRun.rows.map((r) => r.outcome)).toEqual(["created", "duplicate-suspect"]);
    expect(await database.db.organization.count({ where: { name: "Kilifi Smelting Company" } })).toBe(1);
  });

  it("writes nothing for a row it holds back, not even the organisations it names", async () => {
    const lookalike = `,"Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU",MOU,SIGNED,"",2025,ZW,RU,Brand New Partner Ltd,cybersecurity,https://example.org/cyberzim-again,Other Wire`;
    const result = await api.import.run({ format: "csv", content: file(lookalike), dryRun: false });
    expect(result.rows[0]).toMatchObject({ outcome: "duplicate-suspect" });
    expect(await database.db.organization.count({ where: { name: "Brand New Partner Ltd" } })).toBe(0);
  });

  it("stops after the rows in flight when a row fails unexpectedly, and running the file again completes it once", async () => {
    const subjects = [
      "Mombasa port cranes",
      "Nairobi metro signalling",
      "Turkana wind farm",
      "Eldoret fertiliser",
      "Kisumu fish cold chain",
      "Lamu oil refinery",
      "Nakuru geothermal wells",
      "Garissa solar park",
      "Thika textile looms",
      "Malindi space tracking",
      "Naivasha flower logistics",
      "Meru tea processing",
    ];
    const rows = subjects.map((subject, i) => row(`resume-${i}`, subject));
    // The database refuses one row mid-file, as an outage would.
    await withClient(database.ownerUrl, (client) =>
      client.query(`CREATE FUNCTION refuse_resume_5() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."externalId" = 'resume-5' THEN RAISE EXCEPTION 'simulated outage'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_resume_5 BEFORE INSERT ON "Agreement" FOR EACH ROW EXECUTE FUNCTION refuse_resume_5();`),
    );
    const interrupted = await api.import.run({ format: "csv", content: file(...rows), dryRun: false }).catch((error: Error) => error);
    expect(interrupted).toBeInstanceOf(Error);
    const written = await database.db.agreement.count({ where: { externalId: { startsWith: "resume-" } } });
    // Nothing lands after the failure is reported.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await database.db.agreement.count({ where: { externalId: { startsWith: "resume-" } } })).toBe(written);
    expect(written).toBeLessThan(12);

    await withClient(database.ownerUrl, (client) => client.query(`DROP TRIGGER refuse_resume_5 ON "Agreement"; DROP FUNCTION refuse_resume_5();`));
    const completed = await api.import.run({ format: "csv", content: file(...rows), dryRun: false });
    expect(completed).toMatchObject({ total: 12, unchanged: written, created: 12 - written, errors: 0 });
    expect(await database.db.agreement.count({ where: { externalId: { startsWith: "resume-" } } })).toBe(12);
  });
});
