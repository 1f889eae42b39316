import { beforeAll, describe, expect, it } from "vitest";
import { callProcedure, createTestUser, signIn, testServer } from "../support/auth";
import { useTestDatabase } from "../support/database";
import { insertAgreement } from "../support/factory";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { apiAs, sampleAgreementInput, userActor } from "../support/records";

const database = useTestDatabase();
let contributor: Awaited<ReturnType<typeof userActor>>;
let editor: Awaited<ReturnType<typeof userActor>>;
let admin: Awaited<ReturnType<typeof userActor>>;

beforeAll(async () => {
  [contributor, editor, admin] = await Promise.all([userActor(database.db, "CONTRIBUTOR"), userActor(database.db, "EDITOR"), userActor(database.db, "ADMIN")]);
});

const counts = async () => {
  const db = database.db;
  return Promise.all([db.agreement.count(), db.revision.count(), db.auditLog.count(), db.agreementParty.count(), db.source.count()]);
};

describe("creating and editing", () => {
  it("creates a draft with all its parts, version 1, a revision and an audit row", async () => {
    const record = await apiAs(database.db, contributor).agreement.create({
      data: sampleAgreementInput({ title: "Nigeria and Belarus sign a tractor assembly contract" }),
    });
    expect(record).toMatchObject({ state: "DRAFT", version: 1, slug: "nigeria-and-belarus-sign-a-tractor-assembly-contract" });
    expect(record.parties).toHaveLength(2);
    expect(record.sources).toHaveLength(1);
    expect(record.commitments[0]).toMatchObject({ quantity: 200, sourceId: record.sources[0]!.id });
    expect(record.statusEvents).toEqual([expect.objectContaining({ status: "SIGNED", precision: "DAY", sourceId: record.sources[0]!.id })]);
    expect(await database.db.revision.count({ where: { agreementId: record.id } })).toBe(1);
    expect(await database.db.auditLog.count({ where: { entityId: record.id, action: "agreement.create" } })).toBe(1);

    const twin = await apiAs(database.db, contributor).agreement.create({
      data: sampleAgreementInput({ title: "Nigeria and Belarus sign a tractor assembly contract" }),
      confirmNotDuplicate: true,
    });
    expect(twin.slug).toBe("nigeria-and-belarus-sign-a-tractor-assembly-contract-2");
  });

  it.each([
    ["a missing title", { title: "" }, "data.title"],
    ["a party without organisation or country", { parties: [{ side: "AFRICA" as const, role: "SIGNATORY" as const }] }, "data.parties.0.organizationId"],
    ["an unknown sector", { sectors: ["alchemy"] }, "data.sectors.0"],
    ["an unknown country", { parties: [{ countryCode: "ZZ", side: "AFRICA" as const }] }, "data.parties.0.countryCode"],
    ["a deadline before the signing date", { commitments: [{ description: "Deliver", deadline: "2024-01-01" }] }, "data.commitments.0.deadline"],
    ["a javascript: URL", { sources: [{ url: "javascript:alert(1)" }] }, "data.sources.0.url"],
    ["a malformed URL", { sources: [{ url: "not a url" }] }, "data.sources.0.url"],
    ["a 500 KB summary", { summary: "x".repeat(500 * 1024) }, "data.summary"],
    ["an amount without currency", { amount: 1_000_000 }, "data.currency"],
    ["a status change citing a missing source", { statusChange: { source: 3 } }, "data.statusChange.source"],
  ])("refuses %s naming the field, writing nothing", async (_name, override, field) => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "CONTRIBUTOR");
    const cookie = await signIn(server, user.email, user.password);
    const before = await counts();
    const result = await callProcedure(server, "agreement.create", "mutation", { data: { ...sampleAgreementInput(), ...override } }, { cookie });
    expect(result.status).toBe(400);
    expect(result.message).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it("gives records of one title created at the same moment each its own slug", async () => {
    const api = apiAs(database.db, editor);
    const title = "Uganda and Russia open a vaccine plant in Entebbe";
    const created = await Promise.all(
      Array.from({ length: 6 }, () => api.agreement.create({ data: sampleAgreementInput({ title }), confirmNotDuplicate: true })),
    );
    expect(new Set(created.map((record) => record.slug)).size).toBe(6);
    expect(created.map((record) => record.slug)).toContain("uganda-and-russia-open-a-vaccine-plant-in-entebbe");
  });

  it("refuses a stale version with CONFLICT naming who saved, changing nothing", async () => {
    const api = apiAs(database.db, contributor);
    const record = await api.agreement.create({ data: sampleAgreementInput() });
    await apiAs(database.db, editor).agreement.update({ id: record.id, expectedVersion: 1, data: sampleAgreementInput({ title: "First save wins" }) });
    const error = await api.agreement
      .update({ id: record.id, expectedVersion: 1, data: sampleAgreementInput({ title: "Second save loses" }) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as Error).message).toContain(editor.email);
    expect((error as { cause: { details: unknown } }).cause.details).toMatchObject({ currentVersion: 2, savedBy: expect.stringContaining(editor.email) });
    const stored = await api.agreement.get({ id: record.id });
    expect(stored).toMatchObject({ title: "First save wins", version: 2 });
  });

  it("lets exactly one of many truly concurrent saves of one version win", async () => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "EDITOR");
    const cookie = await signIn(server, user.email, user.password);
    const record = await apiAs(database.db, editor).agreement.create({ data: sampleAgreementInput() });
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        callProcedure(
          server,
          "agreement.update",
          "mutation",
          { id: record.id, expectedVersion: 1, data: sampleAgreementInput({ title: `Concurrent title ${i}` }) },
          { cookie },
        ),
      ),
    );
    const winners = attempts.flatMap((attempt, i) => (attempt.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.code === "CONFLICT")).toHaveLength(11);
    const stored = await apiAs(database.db, editor).agreement.get({ id: record.id });
    expect(stored).toMatchObject({ version: 2, title: `Concurrent title ${winners[0]}` });
    expect(await database.db.revision.count({ where: { agreementId: record.id } })).toBe(2);
  });

  it("needs a dated, sourced status event when the status changes, and keeps the timeline", async () => {
    const api = apiAs(database.db, editor);
    const record = await api.agreement.create({ data: sampleAgreementInput({ status: "UNDER_NEGOTIATION" }) });
    const withoutEvent = await api.agreement
      .update({ id: record.id, expectedVersion: 1, data: sampleAgreementInput({ status: "SIGNED", statusChange: undefined }) })
      .catch((e: Error) => e);
    expect((withoutEvent as Error).message).toMatch(/^data\.statusChange: is required when the status changes to SIGNED/);
    const updated = await api.agreement.update({
      id: record.id,
      expectedVersion: 1,
      data: sampleAgreementInput({
        status: "SIGNED",
        sources: [{ id: record.sources[0]!.id, url: record.sources[0]!.url, publisher: "Example News (updated)", publishedOn: "2025-06-13" }],
        statusChange: { occurredOn: "2025-06-12", source: 0, note: "Signed in Nairobi" },
      }),
    });
    expect(updated.statusEvents.map((e) => e.status)).toEqual(["UNDER_NEGOTIATION", "SIGNED"]);
    // The first event still cites the same (edited in place) source.
    expect(updated.statusEvents.every((e) => e.sourceId === updated.sources[0]!.id)).toBe(true);
  });

  it("refuses a source id given twice, naming the field, and changes nothing", async () => {
    const api = apiAs(database.db, editor);
    const record = await api.agreement.create({ data: sampleAgreementInput() });
    const source = { id: record.sources[0]!.id, url: record.sources[0]!.url, publisher: "Example News" };
    const error = await api.agreement
      .update({ id: record.id, expectedVersion: 1, data: sampleAgreementInput({ sources: [source, { ...source, publisher: "Example News again" }] }) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["data", "sources", 1, "id"], message: "repeats the id of source 0" })] },
    });
    expect(await api.agreement.get({ id: record.id })).toMatchObject({ version: 1, sources: [expect.objectContaining({ publisher: "Example News" })] });
  });

  it("lets contributors edit drafts only", async () => {
    const record = await apiAs(database.db, contributor).agreement.create({ data: sampleAgreementInput() });
    await apiAs(database.db, contributor).agreement.transition({ id: record.id, expectedVersion: 1, action: "submit" });
    const error = await apiAs(database.db, contributor)
      .agreement.update({ id: record.id, expectedVersion: 2, data: sampleAgreementInput() })
      .catch((e: Error) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("workflow", () => {
  it("goes draft -> review -> published with an editor's approval, and shows publicly", async () => {
    const record = await apiAs(database.db, contributor).agreement.create({
      data: sampleAgreementInput({ title: "Ghana and Russia launch a nuclear training programme" }),
    });
    const submitted = await apiAs(database.db, contributor).agreement.transition({ id: record.id, expectedVersion: 1, action: "submit" });
    expect(submitted.state).toBe("IN_REVIEW");
    const ownPublish = await apiAs(database.db, contributor)
      .agreement.transition({ id: record.id, expectedVersion: 2, action: "approve" })
      .catch((e: Error) => e);
    expect(ownPublish).toMatchObject({ code: "FORBIDDEN" });
    const published = await apiAs(database.db, editor).agreement.transition({
      id: record.id,
      expectedVersion: 2,
      action: "approve",
      comment: "Checked against the source",
    });
    expect(published).toMatchObject({ state: "PUBLISHED", version: 3 });
    const detail = await apiAs(database.db).agreement.bySlug({ slug: published.slug });
    expect(detail.timeline[0]).toMatchObject({ status: "SIGNED", on: { date: "2025-06-12", precision: "DAY" } });
    expect((await apiAs(database.db).feed.latest({ limit: 1 })).items[0]?.slug).toBe(published.slug);
  });

  it("names the allowed actions when a transition is illegal", async () => {
    const record = await apiAs(database.db, editor).agreement.create({ data: sampleAgreementInput() });
    const error = await apiAs(database.db, editor)
      .agreement.transition({ id: record.id, expectedVersion: 1, action: "approve" })
      .catch((e: Error) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect((error as Error).message).toBe("action: cannot approve a record in DRAFT; allowed from DRAFT: submit, archive");
  });

  it("refuses to publish without a source and a party on each side", async () => {
    const record = await apiAs(database.db, editor).agreement.create({
      data: sampleAgreementInput({ sources: [], commitments: [], statusChange: undefined, parties: [{ countryCode: "KE", side: "AFRICA" }] }),
    });
    await apiAs(database.db, editor).agreement.transition({ id: record.id, expectedVersion: 1, action: "submit" });
    const error = await apiAs(database.db, editor)
      .agreement.transition({ id: record.id, expectedVersion: 2, action: "approve" })
      .catch((e: Error) => e);
    expect((error as Error).message).toBe("action: cannot publish yet: add at least one source; add a party on the partner side");
  });

  it("sends back with a required comment the contributor can read", async () => {
    const record = await apiAs(database.db, contributor).agreement.create({ data: sampleAgreementInput() });
    await apiAs(database.db, contributor).agreement.transition({ id: record.id, expectedVersion: 1, action: "submit" });
    const noComment = await apiAs(database.db, editor)
      .agreement.transition({ id: record.id, expectedVersion: 2, action: "sendBack" })
      .catch((e: Error) => e);
    expect((noComment as Error).message).toMatch(/^comment: is required/);
    const back = await apiAs(database.db, editor).agreement.transition({
      id: record.id,
      expectedVersion: 2,
      action: "sendBack",
      comment: "Add the ministry as a party",
    });
    expect(back.state).toBe("DRAFT");
    const overview = await apiAs(database.db, contributor).dashboard.overview();
    expect(overview.mySubmissions.find((s) => s.id === record.id)?.latestComment).toMatchObject({ action: "sendBack", body: "Add the ministry as a party" });
  });

  it("unpublishes and archives", async () => {
    const api = apiAs(database.db, editor);
    const record = await api.agreement.create({ data: sampleAgreementInput() });
    await api.agreement.transition({ id: record.id, expectedVersion: 1, action: "submit" });
    await api.agreement.transition({ id: record.id, expectedVersion: 2, action: "approve" });
    const draft = await api.agreement.transition({ id: record.id, expectedVersion: 3, action: "unpublish" });
    expect(draft.state).toBe("DRAFT");
    await expect(apiAs(database.db).agreement.bySlug({ slug: record.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.agreement.transition({ id: record.id, expectedVersion: 4, action: "archive" })).state).toBe("ARCHIVED");
  });
});

describe("the editors' list order", () => {
  type Sort = "updated" | "title" | "signed";
  type Stored = { id: string; title: string; signedOn: string | null; updatedAt: string };
  const WORDS = ["charlie", "alpha", "bravo", "bravo", "delta", "echo", "alpha", "foxtrot", "golf", "hotel", "india", "juliet"];
  // Nulls and repeated dates, so both the nulls-last rule and the id tie-break are exercised.
  const SIGNED = [null, "2024-05-01", "2023-01-15", "2024-05-01", null, "2022-12-31", null, "2024-05-01", "2025-02-02", null, "2021-07-07", "2023-01-15"];
  const STATES = ["DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED"] as const;
  let stored: Stored[] = [];

  beforeAll(async () => {
    const ids: string[] = [];
    for (const [index, word] of WORDS.entries()) {
      const row = await insertAgreement(database.db, { title: `Sortfixture ${word}`, signedOn: SIGNED[index], state: STATES[index % STATES.length] });
      ids.push(row.id);
    }
    // A third of them changed at the same instant: ties on the update time too.
    const sameInstant = new Date("2026-02-01T10:00:00Z");
    await database.db.agreement.updateMany({ where: { id: { in: ids.filter((_, index) => index % 3 === 0) } }, data: { updatedAt: sameInstant } });
    const deleted = await insertAgreement(database.db, { title: "Sortfixture deleted" });
    await database.db.agreement.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const rows = await database.db.agreement.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, signedOn: true, updatedAt: true } });
    stored = rows.map((row) => ({ ...row, signedOn: row.signedOn?.toISOString().slice(0, 10) ?? null, updatedAt: row.updatedAt.toISOString() }));
  });

  /** The order the list promises, computed independently: by key then id, unknown keys last either way. */
  function expectedIds(sort: Sort, order: "asc" | "desc"): string[] {
    const keyOf = (row: Stored) => ({ updated: row.updatedAt, title: row.title, signed: row.signedOn })[sort];
    const sign = order === "asc" ? 1 : -1;
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...stored]
      .sort((a, b) => {
        const [keyA, keyB] = [keyOf(a), keyOf(b)];
        if (keyA === null || keyB === null) return keyA === keyB ? sign * compare(a.id, b.id) : keyA === null ? 1 : -1;
        return sign * (compare(keyA, keyB) || compare(a.id, b.id));
      })
      .map((row) => row.id);
  }

  async function walk(sort: Sort, order: "asc" | "desc", limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const page = await apiAs(database.db, editor).agreement.listForEditors({ q: "sortfixture", sort, order, cursor, limit });
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) return seen;
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  it.each([
    ["updated", "desc"],
    ["updated", "asc"],
    ["title", "asc"],
    ["title", "desc"],
    ["signed", "desc"],
    ["signed", "asc"],
  ] as const)("orders by %s %s and pages through every record exactly once", async (sort, order) => {
    const expected = expectedIds(sort, order);
    expect(expected).toHaveLength(WORDS.length);
    expect(await walk(sort, order, 100)).toEqual(expected);
    for (const limit of [1, 3, 5]) {
      const walked = await walk(sort, order, limit);
      expect(walked).toEqual(expected);
      expect(new Set(walked).size).toBe(WORDS.length);
    }
  });

  it("puts unknown signing dates last in both orders, and sorts titles A–Z unless told otherwise", async () => {
    const list = (input: { sort: Sort; order?: "asc" | "desc" }) =>
      apiAs(database.db, editor).agreement.listForEditors({ q: "sortfixture", limit: 100, ...input });
    for (const order of ["asc", "desc"] as const) {
      const dates = (await list({ sort: "signed", order })).items.map((item) => item.signedOn);
      expect(dates.slice(-4)).toEqual([null, null, null, null]);
      const known = dates.slice(0, -4) as string[];
      expect(known).toEqual(order === "asc" ? [...known].sort() : [...known].sort().reverse());
    }
    const titles = (await list({ sort: "title" })).items.map((item) => item.title);
    expect(titles).toEqual([...titles].sort());
    expect(titles).not.toContain("Sortfixture deleted");
  });

  it("keeps the requested order when a tRPC infinite query adds its own `direction` to the input", async () => {
    const input = { q: "sortfixture", sort: "title", order: "desc", limit: 100, direction: "forward" } as const;
    const items = (await apiAs(database.db, editor).agreement.listForEditors(input)).items;
    expect(items.map((item) => item.id)).toEqual(expectedIds("title", "desc"));
  });

  it("refuses an unknown sort or order, and a cursor of another order, naming the field", async () => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "EDITOR");
    const cookie = await signIn(server, user.email, user.password);
    const list = (input: unknown) => callProcedure(server, "agreement.listForEditors", "query", input, { cookie });
    const titleCursor = (await apiAs(database.db, editor).agreement.listForEditors({ q: "sortfixture", sort: "title", limit: 2 })).nextCursor;
    const cases = [
      [{ sort: "popularity" }, /^sort: /],
      [{ sort: "title", order: "sideways" }, /^order: /],
      [{ sort: "updated", cursor: titleCursor }, /^cursor: belongs to sort "title:asc", not "updated:desc"$/],
      [{ sort: "title", order: "desc", cursor: titleCursor }, /^cursor: belongs to sort "title:asc", not "title:desc"$/],
      [{ sort: "signed", cursor: "bm90IGEgY3Vyc29y" }, /^cursor: is not a cursor returned by this API$/],
    ] as const;
    for (const [input, message] of cases) {
      const result = await list(input);
      expect(result).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(result.message).toMatch(message);
    }
  });
});

describe("revisions", () => {
  it("diffs any two versions field by field and restores an old one as a new version", async () => {
    const api = apiAs(database.db, editor);
    const record = await api.agreement.create({ data: sampleAgreementInput({ title: "Original title" }) });
    await api.agreement.update({ id: record.id, expectedVersion: 1, data: sampleAgreementInput({ title: "Changed title", sectors: ["space"] }) });
    const diff = await api.agreement.revisionDiff({ id: record.id, from: 1, to: 2 });
    expect(diff.changes.map((c) => c.field).sort()).toEqual(["sectors", "title"]);
    expect(diff.changes.find((c) => c.field === "title")).toMatchObject({ before: "Original title", after: "Changed title" });

    const restored = await api.agreement.restoreRevision({ id: record.id, version: 1, expectedVersion: 2 });
    expect(restored).toMatchObject({ title: "Original title", version: 3 });
    expect(restored.sectors.map((s) => s.sectorSlug).sort()).toEqual(["skills-and-training", "space"]);
    const history = await api.agreement.revisions({ id: record.id });
    expect(history.map((r) => [r.version, r.summary])).toEqual([
      [3, "Restored version 1"],
      [2, "Edited"],
      [1, "Created"],
    ]);
    expect((await api.agreement.revisionDiff({ id: record.id, from: 1, to: 3 })).changes).toEqual([]);
  });
});

describe("revisions naming what changed since", () => {
  it("restores a version whose organisation was merged away since, pointing at the one it was merged into", async () => {
    const api = apiAs(database.db, editor);
    const [gone, kept] = await Promise.all([
      api.organization.create({ name: "Rostelecom Africa Desk", kind: "STATE_COMPANY", countryCode: "RU" }),
      api.organization.create({ name: "Rostelecom", kind: "STATE_COMPANY", countryCode: "RU" }),
    ]);
    const partner = (organizationId: string) => ({ organizationId, countryCode: "RU", side: "PARTNER" as const, role: "SIGNATORY" as const });
    const record = await api.agreement.create({ data: sampleAgreementInput({ parties: [{ countryCode: "KE", side: "AFRICA" }, partner(gone.id)] }) });
    await api.agreement.update({
      id: record.id,
      expectedVersion: 1,
      data: sampleAgreementInput({
        title: "Retitled",
        parties: [
          { countryCode: "KE", side: "AFRICA" },
          { countryCode: "RU", side: "PARTNER" },
        ],
      }),
    });
    await api.organization.merge({ sourceId: gone.id, targetId: kept.id });

    const restored = await api.agreement.restoreRevision({ id: record.id, version: 1, expectedVersion: 2 });
    expect(restored.parties.find((party) => party.side === "PARTNER")).toMatchObject({ organizationId: kept.id });
    expect(restored.organizationNames).toMatchObject({ [kept.id]: "Rostelecom" });
  });
});

describe("the two-person rule (REQUIRE_SECOND_REVIEWER)", () => {
  const withPolicy = (actor: typeof editor, requireSecondReviewer: boolean) =>
    createCaller(createContextInner({ db: database.db, actor, policy: { requireSecondReviewer } }));

  it("refuses an approval by the person who last edited the record, and lets another editor approve", async () => {
    const second = await userActor(database.db, "EDITOR");
    const record = await withPolicy(editor, true).agreement.create({ data: sampleAgreementInput() });
    await withPolicy(editor, true).agreement.transition({ id: record.id, expectedVersion: 1, action: "submit" });
    const own = await withPolicy(editor, true)
      .agreement.transition({ id: record.id, expectedVersion: 2, action: "approve" })
      .catch((e: Error) => e);
    expect(own).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/^You last edited this record, and this installation requires a second person to approve it/),
    });
    expect((await withPolicy(second, true).agreement.transition({ id: record.id, expectedVersion: 2, action: "approve" })).state).toBe("PUBLISHED");
  });
});

describe("soft delete", () => {
  it("removes a record from public endpoints, lists it as deleted in changes, and lets an admin restore it", async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const api = apiAs(database.db, editor);
    const record = await api.agreement.create({ data: sampleAgreementInput() });
    await api.agreement.transition({ id: record.id, expectedVersion: 1, action: "submit" });
    await api.agreement.transition({ id: record.id, expectedVersion: 2, action: "approve" });
    await api.agreement.delete({ id: record.id, expectedVersion: 3 });
    await expect(apiAs(database.db).agreement.bySlug({ slug: record.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const changes = await apiAs(database.db).agreement.changes({ since });
    expect(changes.items.find((c) => c.id === record.id)?.change).toBe("delete");
    expect(await database.db.agreement.count({ where: { id: record.id } })).toBe(1);

    await expect(api.agreement.restore({ id: record.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await apiAs(database.db, admin).agreement.restore({ id: record.id });
    expect((await apiAs(database.db).agreement.bySlug({ slug: record.slug })).id).toBe(record.id);
  });
});

describe("duplicates", () => {
  it("asks for confirmation when a record looks like an existing one", async () => {
    const organization = await database.db.organization.findUniqueOrThrow({ where: { slug: "cyberzim-consortium" } });
    const data = sampleAgreementInput({
      title: "Zimbabwe ICT ministry and CyberZim Consortium sign a cybersecurity MOU",
      signedOn: "2025-10-01",
      parties: [
        { countryCode: "ZW", side: "AFRICA" },
        { organizationId: organization.id, countryCode: "RU", side: "PARTNER" },
      ],
    });
    const error = await apiAs(database.db, editor)
      .agreement.create({ data })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    const duplicates = (error as { cause: { details: { duplicates: { slug: string; reasons: string[] }[] } } }).cause.details.duplicates;
    expect(duplicates[0]?.slug).toBe("zimbabwe-cyberzim-consortium-cybersecurity-mou-2025");
    expect(duplicates[0]?.reasons.join("; ")).toMatch(/similar title.*same or similar organisation.*same countries: ZW/);
    const created = await apiAs(database.db, editor).agreement.create({ data, confirmNotDuplicate: true });
    expect(created.state).toBe("DRAFT");
  });

  it("finds likely duplicates on request, and not unrelated records", async () => {
    const found = await apiAs(database.db, contributor).agreement.duplicates({
      title: "Congo and Russia discuss digitisation and AI cooperation",
      countries: ["CG"],
    });
    expect(found[0]?.slug).toBe("congo-russia-digital-ai-cybersecurity-talks-2025");
    expect(await apiAs(database.db, contributor).agreement.duplicates({ title: "Egyptian wheat harvest festival" })).toEqual([]);
  });
});

describe("organisations", () => {
  it("takes % and _ in a search literally, never as wildcards", async () => {
    const api = apiAs(database.db, editor);
    const literal = await api.organization.create({ name: "Bureau 100% Numérique", aliases: ["bureau_num"], kind: "OTHER", countryCode: "SN" });
    expect((await api.organization.search({ q: "%" })).map((o) => o.id)).toEqual([literal.id]);
    expect((await api.organization.search({ q: "_" })).map((o) => o.id)).toEqual([literal.id]);
    expect((await api.organization.search({ q: "100%" }))[0]?.id).toBe(literal.id);
  });

  it("creates, finds fuzzily by name or alias, and merges keeping aliases", async () => {
    const api = apiAs(database.db, editor);
    const rosatom = await api.organization.create({
      name: "Rosatom State Atomic Energy Corporation",
      aliases: ["Rosatom"],
      kind: "STATE_COMPANY",
      countryCode: "RU",
    });
    const typo = await api.organization.create({ name: "Rosatom Corp", aliases: [], kind: "STATE_COMPANY", countryCode: "RU" });
    expect((await api.organization.search({ q: "rosatom" })).map((o) => o.id)).toEqual(expect.arrayContaining([rosatom.id, typo.id]));
    expect((await api.organization.search({ q: "Cyberzim consortum" }))[0]?.name).toBe("CyberZim Consortium");
    expect((await api.organization.search({ q: "MICTPCS" }))[0]?.slug).toBe("zw-mictpcs");

    const record = await api.agreement.create({
      data: sampleAgreementInput({
        parties: [
          { countryCode: "EG", side: "AFRICA" },
          { organizationId: typo.id, countryCode: "RU", side: "PARTNER" },
        ],
      }),
    });
    const merged = await api.organization.merge({ sourceId: typo.id, targetId: rosatom.id });
    expect(merged.aliases).toEqual(expect.arrayContaining(["Rosatom", "Rosatom Corp"]));
    expect(await database.db.organization.findUnique({ where: { id: typo.id } })).toBeNull();
    const party = await database.db.agreementParty.findFirstOrThrow({ where: { agreementId: record.id, side: "PARTNER" } });
    expect(party.organizationId).toBe(rosatom.id);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: "organization.merge", entityId: rosatom.id } });
    expect(audit.details).toMatchObject({ mergedName: "Rosatom Corp", partiesMoved: 1 });
    // The record is now found by the surviving organisation's name.
    expect((await api.agreement.listForEditors({ q: "Rosatom State Atomic" })).items.map((i) => i.id)).toContain(record.id);
  });

  it("refuses members for a non-consortium and unknown countries, naming the field", async () => {
    const api = apiAs(database.db, editor);
    await expect(api.organization.create({ name: "X", kind: "COMPANY", memberIds: [crypto.randomUUID()] })).rejects.toThrow(
      /^data\.memberIds: only a consortium/,
    );
    await expect(api.organization.create({ name: "Y", kind: "COMPANY", countryCode: "ZZ" })).rejects.toThrow(/^data\.countryCode: unknown country code/);
  });
});

describe("audit log", () => {
  it("filters by record, action and actor, newest first, with keyset pages", async () => {
    const api = apiAs(database.db, editor);
    const record = await api.agreement.create({ data: sampleAgreementInput() });
    await api.agreement.update({ id: record.id, expectedVersion: 1, data: sampleAgreementInput({ title: "Audited edit" }) });
    const audit = apiAs(database.db, admin).audit;
    const forRecord = await audit.list({ entityType: "Agreement", entityId: record.id });
    expect(forRecord.items.map((row) => row.action)).toEqual(["agreement.update", "agreement.create"]);
    expect(forRecord.items[0]?.actorLabel).toBe(editor.email);
    const byActor = await audit.list({ actorId: editor.userId, action: "agreement.", limit: 1 });
    expect(byActor.items).toHaveLength(1);
    const next = await audit.list({ actorId: editor.userId, action: "agreement.", limit: 1, cursor: byActor.nextCursor });
    expect(Number(next.items[0]?.id)).toBeLessThan(Number(byActor.items[0]?.id));
  });
});

describe("API tokens writing records", () => {
  it("a records:write token creates and submits drafts but never publishes", async () => {
    const tokenActor = {
      kind: "token" as const,
      tokenId: crypto.randomUUID(),
      name: "ingest",
      scopes: ["records:write" as const],
      createdById: admin.userId,
      ip: null,
    };
    const api = apiAs(database.db, tokenActor);
    const record = await api.agreement.create({ data: sampleAgreementInput() });
    expect(record.createdBy).toBe(`token:${tokenActor.tokenId}`);
    await api.agreement.transition({ id: record.id, expectedVersion: 1, action: "submit" });
    await expect(api.agreement.transition({ id: record.id, expectedVersion: 2, action: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
