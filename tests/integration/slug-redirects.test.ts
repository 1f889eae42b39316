import { beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@coop/core/auth";
import { currentRecordInput } from "@coop/core/domain";
import { createRestFetchHandler } from "@coop/core/rest";
import { useTestDatabase } from "../support/database";
import { openApiContract } from "../support/openapi-contract";
import { apiAs, sampleAgreementInput, userActor } from "../support/records";

const database = useTestDatabase();
const BASE = "http://coop.test";
const contract = openApiContract();
let editor: ReturnType<typeof apiAs>;
let rest: (path: string) => Promise<Response>;

beforeAll(async () => {
  editor = apiAs(database.db, await userActor(database.db, "EDITOR"));
  const auth = createAuth({ db: database.db, baseUrl: BASE, secret: "x".repeat(40) });
  const handler = createRestFetchHandler({ getDb: () => database.db, getAuth: () => auth, baseUrl: BASE });
  rest = async (path) => {
    const request = new Request(`${BASE}/api/v1${path}`);
    const response = await handler(request.clone());
    await contract.check(request, response);
    return response;
  };
});

/** The record's content as the editor would send it back, with a new slug. */
async function renamed(id: string, slug: string) {
  const { version } = await editor.agreement.get({ id });
  return editor.agreement.update({ id, expectedVersion: version, data: { ...(await currentRecordInput(database.db, id)), slug } });
}

async function publishedRecord() {
  const created = await editor.agreement.create({ data: sampleAgreementInput() });
  const inReview = await editor.agreement.transition({ id: created.id, expectedVersion: created.version, action: "submit" });
  return editor.agreement.transition({ id: created.id, expectedVersion: inReview.version, action: "approve" });
}

describe("a record's slug changed by an editor", () => {
  it("keeps answering at the former slug once the record was published: the current record over tRPC, 308 over REST", async () => {
    const record = await publishedRecord();
    await renamed(record.id, "kenya-russia-ground-station-renamed");

    const read = await apiAs(database.db).agreement.bySlug({ slug: record.slug });
    expect(read.slug).toBe("kenya-russia-ground-station-renamed");
    const moved = await rest(`/records/${record.slug}?lang=fr`);
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe("/api/v1/records/kenya-russia-ground-station-renamed?lang=fr");
    expect((await rest("/records/kenya-russia-ground-station-renamed")).status).toBe(200);

    // Back to the first slug: that address is the record's own again, the other one now redirects.
    await renamed(record.id, record.slug);
    expect(await database.db.slugRedirect.findMany({ where: { agreementId: record.id }, select: { slug: true } })).toEqual([
      { slug: "kenya-russia-ground-station-renamed" },
    ]);
    expect((await rest(`/records/${record.slug}`)).status).toBe(200);
  });

  it("leaves no redirect behind a draft readers never saw", async () => {
    const draft = await editor.agreement.create({ data: sampleAgreementInput() });
    await renamed(draft.id, "a-draft-renamed-before-publication");
    expect(await database.db.slugRedirect.count({ where: { agreementId: draft.id } })).toBe(0);
  });

  it("refuses another record's slug, current or former, naming the field", async () => {
    const first = await publishedRecord();
    const second = await publishedRecord();
    await expect(renamed(second.id, first.slug)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("data.slug") });
    await renamed(first.id, "first-record-new-address");
    await expect(renamed(second.id, first.slug)).rejects.toThrow(/data\.slug: .*former address of another record/);
    expect((await apiAs(database.db).agreement.bySlug({ slug: first.slug })).slug).toBe("first-record-new-address");
  });

  it("still answers 404 for a slug no record ever had", async () => {
    expect((await rest("/records/no-record-was-ever-here")).status).toBe(404);
  });
});
