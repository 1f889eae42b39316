import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@coop/core/domain";
import {
  createAgreement,
  createApiToken,
  createOrganization,
  createWebhookEndpoint,
  deleteAgreement,
  inviteUser,
  revokeApiToken,
  transitionAgreement,
  updateAgreement,
} from "@coop/core/domain";
import { appRouter } from "@coop/core/trpc";
import { ZAgreementCreateInput, ZAgreementUpdateInput } from "@coop/core/validators";
import { callProcedure, createTestUser, signIn, testServer, type TestServer } from "../support/auth";
import { useTestDatabase } from "../support/database";
import { sampleAgreementInput } from "../support/records";

const ACTORS = ["Anonymous", "Contributor", "Editor", "Admin", "Token `records:read-drafts`", "Token `records:write`", "Revoked token"] as const;
type ActorName = (typeof ACTORS)[number];
type Expectation = "✓" | "own" | "401" | "403";

/** The role table of docs/SECURITY.md, the one the product promises. */
async function readAccessTable(): Promise<Map<string, Record<ActorName, Expectation>>> {
  const doc = await fs.readFile(path.resolve(import.meta.dirname, "../../docs/SECURITY.md"), "utf8");
  const table = /<!-- access-table:start -->([\s\S]*?)<!-- access-table:end -->/.exec(doc)?.[1] ?? "";
  const rows = table
    .trim()
    .split("\n")
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const [header, , ...body] = rows;
  expect(header?.slice(1)).toEqual([...ACTORS]);
  return new Map(
    body.map(([procedure, ...cells]) => [
      procedure!.replaceAll("`", ""),
      Object.fromEntries(ACTORS.map((actor, i) => [actor, cells[i] as Expectation])) as Record<ActorName, Expectation>,
    ]),
  );
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>).map(
  ([procedurePath, procedure]) => ({ path: procedurePath, type: procedure._def.type }),
);

const database = useTestDatabase();
let server: TestServer;
let table: Awaited<ReturnType<typeof readAccessTable>>;
/** Each caller's request headers, and who they are to the domain (to give them records of their own). */
const callers = {} as Record<ActorName, { headers: Record<string, string>; actor: Actor | null; password?: string }>;
let admin: Extract<Actor, { kind: "user" }>;
/** A contributor who is none of the callers: "someone else" for every caller. */
let author: Extract<Actor, { kind: "user" }>;
let unique = 0;
const next = () => `${Date.now().toString(36)}-${(unique += 1)}`;

function userActor(user: Awaited<ReturnType<typeof createTestUser>>): Extract<Actor, { kind: "user" }> {
  return { kind: "user", userId: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: false, sessionId: "setup", ip: null };
}

beforeAll(async () => {
  // Webhook endpoints on loopback are refused unless listed; nothing is ever delivered in this file.
  vi.stubEnv("WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
  table = await readAccessTable();
  server = testServer(database.db);
  const adminUser = await createTestUser(database.db, "ADMIN");
  admin = userActor(adminUser);
  author = userActor(await createTestUser(database.db, "CONTRIBUTOR"));
  const token = async (scopes: ("records:read-drafts" | "records:write")[], name = scopes.join(" ")) => {
    const created = await createApiToken(database.db, admin, { name, scopes });
    const actor: Actor = { kind: "token", tokenId: created.token.id, name, scopes, createdById: admin.userId, ip: null };
    return { headers: { authorization: `Bearer ${created.secret}` }, actor };
  };
  const revoked = await token(["records:read-drafts", "records:write"], "revoked");
  await revokeApiToken(database.db, admin, { id: revoked.actor.tokenId });
  const person = async (role: "CONTRIBUTOR" | "EDITOR" | "ADMIN") => {
    const user = role === "ADMIN" ? adminUser : await createTestUser(database.db, role);
    return { headers: { cookie: await signIn(server, user.email, user.password) }, actor: userActor(user), password: user.password };
  };
  Object.assign(callers, {
    Anonymous: { headers: {}, actor: null },
    Contributor: await person("CONTRIBUTOR"),
    Editor: await person("EDITOR"),
    Admin: await person("ADMIN"),
    "Token `records:read-drafts`": await token(["records:read-drafts"]),
    "Token `records:write`": await token(["records:write"]),
    "Revoked token": revoked,
  });
});

// Real inputs: what each procedure is called with. Procedures on a record get a new draft of
// `owner`'s each time; `listed` marks answers that list records, where access shows as presence.
const NO_POLICY = { requireSecondReviewer: false };

async function draftOf(owner: Actor, state: "DRAFT" | "IN_REVIEW" = "DRAFT") {
  const record = await createAgreement(database.db, owner, ZAgreementCreateInput.parse({ data: sampleAgreementInput(), confirmNotDuplicate: true }));
  if (state === "IN_REVIEW") await transitionAgreement(database.db, owner, { id: record.id, expectedVersion: 1, action: "submit" }, NO_POLICY);
  return record;
}

interface Call {
  input: unknown;
  /** The record the call is about, when it returns a list: it must be listed exactly when the caller may read it. */
  listed?: string;
}

const ON_A_RECORD: Record<string, (owner: Actor) => Promise<Call>> = {
  "agreement.listForEditors": async (owner) => {
    const { id } = await draftOf(owner);
    return { input: { state: ["DRAFT"], limit: 100 }, listed: id };
  },
  "agreement.get": async (owner) => ({ input: { id: (await draftOf(owner)).id } }),
  "agreement.revisions": async (owner) => ({ input: { id: (await draftOf(owner)).id } }),
  "agreement.revisionDiff": async (owner) => ({ input: { id: (await draftOf(owner)).id, from: 1, to: 1 } }),
  "agreement.duplicates": async (owner) => {
    const { id, title } = await draftOf(owner);
    return { input: { title }, listed: id };
  },
  "agreement.update": async (owner) => ({
    input: { id: (await draftOf(owner)).id, expectedVersion: 1, data: sampleAgreementInput({ title: `Updated ${next()}` }) },
  }),
  "agreement.transition": async (owner) => ({ input: { id: (await draftOf(owner)).id, expectedVersion: 1, action: "submit" } }),
  "agreement.restoreRevision": async (owner) => {
    const { id } = await draftOf(owner);
    await updateAgreement(
      database.db,
      admin,
      ZAgreementUpdateInput.parse({ id, expectedVersion: 1, data: sampleAgreementInput({ title: `Second version ${next()}` }) }),
    );
    return { input: { id, version: 1, expectedVersion: 2 } };
  },
  "intake.attach": async (owner) => ({
    input: { id: (await draftOf(owner)).id, expectedVersion: 1, report: { text: "Kenya and Belarus signed an agreement on tractor assembly." } },
  }),
  "agreement.delete": async (owner) => ({ input: { id: (await draftOf(owner)).id, expectedVersion: 1 } }),
  "agreement.restore": async (owner) => {
    const { id } = await draftOf(owner);
    await deleteAgreement(database.db, admin, { id, expectedVersion: 1 });
    return { input: { id } };
  },
  "agreement.decideProposedChange": async (owner) => {
    const { id } = await draftOf(owner);
    await database.db.proposedChange.create({
      data: {
        agreementId: id,
        patch: { fields: { title: `Imported ${next()}` }, sectors: [], parties: [], source: null, statusChange: null },
        importedRow: { title: ["x"] },
      },
    });
    return { input: { id, expectedVersion: 1, decision: "reject" } };
  },
  "dashboard.overview": async (owner) => ({ input: undefined, listed: (await draftOf(owner, "IN_REVIEW")).id }),
};

const HOOK_URL = "http://127.0.0.1:9/coop-hook";
const webhookEndpoint = async () => (await createWebhookEndpoint(database.db, admin, { url: HOOK_URL, events: ["record.updated"] })).id;

/** A delivery waiting in an endpoint's log, as the outbox writes one. */
async function webhookDelivery() {
  const endpointId = await webhookEndpoint();
  const { id: agreementId } = await database.db.agreement.findFirstOrThrow({ select: { id: true } });
  const event = await database.db.webhookEvent.create({ data: { type: "record.updated", agreementId, payload: {} } });
  const delivery = await database.db.webhookDelivery.create({ data: { endpointId, eventId: event.id, agreementId } });
  return { endpointId, deliveryId: delivery.id.toString() };
}

const INDEPENDENT: Record<string, (caller: ActorName) => Promise<unknown>> = {
  "agreement.list": async () => ({ country: ["ZW"] }),
  "agreement.bySlug": async () => ({ slug: "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025" }),
  "agreement.facets": async () => ({ sector: ["cybersecurity"] }),
  "agreement.related": async () => ({ slug: "zimbabwe-belarus-defence-and-security-cooperation" }),
  "organization.bySlug": async () => ({ slug: "komib" }),
  "agreement.changes": async () => ({ since: "2020-01-01T00:00:00.000Z" }),
  "feed.latest": async () => ({ limit: 3 }),
  "taxonomy.countries": async () => ({ lang: "fr" }),
  "taxonomy.sectors": async () => ({}),
  "agreement.create": async () => ({ data: sampleAgreementInput(), confirmNotDuplicate: true }),
  "agreement.proposedChanges": async () => undefined,
  "organization.search": async () => ({ q: "Cyber" }),
  "organization.create": async () => ({ name: `Organisation ${next()}`, kind: "COMPANY" }),
  "organization.update": async () => {
    const organization = await createOrganization(database.db, admin, { name: `Organisation ${next()}`, kind: "COMPANY" });
    return { id: organization.id, data: { name: `${organization.name} renamed`, kind: "COMPANY" } };
  },
  "organization.merge": async () => {
    const [source, target] = [
      await createOrganization(database.db, admin, { name: `Merged ${next()}`, kind: "COMPANY" }),
      await createOrganization(database.db, admin, { name: `Kept ${next()}`, kind: "COMPANY" }),
    ];
    return { sourceId: source.id, targetId: target.id };
  },
  "import.run": async () => ({ format: "csv", content: "title,kind,status\nAccess matrix dry run,MOU,SIGNED", dryRun: true }),
  "import.stream": async () => ({ format: "csv", content: "title,kind,status\nAccess matrix dry run,MOU,SIGNED", dryRun: true }),
  "intake.analyze": async () => ({ text: "Kenya and Belarus signed an agreement on tractor assembly on Monday.", publishedOn: "2025-03-12" }),
  "audit.list": async () => ({ entityType: "Agreement", limit: 5 }),
  "account.me": async () => undefined,
  "account.changePassword": async (caller) => {
    const current = callers[caller].password ?? "not-a-person-at-all";
    const changed = `new passphrase ${next()}`;
    if (callers[caller].password) callers[caller].password = changed;
    return { currentPassword: current, newPassword: changed };
  },
  "invitation.accept": async () => {
    const { url } = await inviteUser(database.db, admin, { email: `invitee-${next()}@example.org`, role: "CONTRIBUTOR" }, server.baseUrl);
    return { token: url.split("/").at(-1), name: "Invited Person", password: "an invited passphrase" };
  },
  "user.list": async () => undefined,
  "user.invite": async () => ({ email: `invited-${next()}@example.org`, role: "CONTRIBUTOR" }),
  "user.invitations": async () => undefined,
  "user.revokeInvitation": async () => ({
    id: (await inviteUser(database.db, admin, { email: `revoked-${next()}@example.org`, role: "EDITOR" }, server.baseUrl)).id,
  }),
  "user.setRole": async () => ({ userId: (await createTestUser(database.db, "CONTRIBUTOR")).id, role: "EDITOR" }),
  "user.deactivate": async () => ({ userId: (await createTestUser(database.db, "CONTRIBUTOR")).id }),
  "user.reactivate": async () => ({ userId: (await createTestUser(database.db, "CONTRIBUTOR")).id }),
  "apiToken.list": async () => undefined,
  "apiToken.create": async () => ({ name: `Token ${next()}`, scopes: ["records:write"], expiresInDays: 30 }),
  "webhook.list": async () => undefined,
  "webhook.create": async () => ({ url: HOOK_URL, events: ["record.published"], description: `Hook ${next()}` }),
  "webhook.update": async () => ({ id: await webhookEndpoint(), description: `Renamed ${next()}` }),
  "webhook.delete": async () => ({ id: await webhookEndpoint() }),
  "webhook.deliveries": async () => ({ id: (await webhookDelivery()).endpointId }),
  "webhook.replay": async () => ({ deliveryId: (await webhookDelivery()).deliveryId }),
  "apiToken.revoke": async () => ({ id: (await createApiToken(database.db, admin, { name: `Revocable ${next()}`, scopes: ["records:write"] })).token.id }),
};

/** Calls as the browser or app would; a streamed procedure is asked for its stream (JSON lines). */
async function call(procedurePath: string, type: "query" | "mutation", input: unknown, caller: ActorName) {
  if (procedurePath !== "import.stream") return callProcedure(server, procedurePath, type, input, callers[caller].headers);
  // As httpBatchStreamLink sends it: a batch of one, answered in JSON lines.
  const response = await server.trpc(
    new Request(`${server.baseUrl}/api/trpc/${procedurePath}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "trpc-accept": "application/jsonl", origin: server.baseUrl, ...callers[caller].headers },
      body: JSON.stringify({ 0: input }),
    }),
  );
  const text = await response.text();
  const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? null;
  return { status: response.status, code: response.status === 200 && !text.includes('"error"') ? null : code, message: null, data: text };
}

const listedIn = (data: unknown, id: string) => JSON.stringify(data ?? null).includes(id);

describe("the role table of docs/SECURITY.md", () => {
  it("lists every procedure of the API, and nothing else", () => {
    expect([...table.keys()].sort()).toEqual(procedures.map((p) => p.path).sort());
  });

  it("has a real input for every procedure", () => {
    expect(procedures.map((p) => p.path).filter((p) => !(p in ON_A_RECORD) && !(p in INDEPENDENT))).toEqual([]);
  });

  describe.each(procedures)("$path", ({ path: procedurePath, type }) => {
    it.each(ACTORS)("as %s", async (caller) => {
      const expected = table.get(procedurePath)?.[caller];
      expect(expected, `${procedurePath} is missing from docs/SECURITY.md`).toBeDefined();

      // Empty input: a caller who gets through fails validation, never authorisation.
      const empty = await callProcedure(server, procedurePath, type, {}, callers[caller].headers);
      expect(empty.status).toBeLessThan(500);
      if (expected === "401" || expected === "403") expect(empty.code).toBe(expected === "401" ? "UNAUTHORIZED" : "FORBIDDEN");
      else expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(empty.code);

      // Real input, on someone else's record where there is one: the rules inside the domain answer too.
      const onRecord = ON_A_RECORD[procedurePath];
      const others = onRecord ? await onRecord(author) : { input: await INDEPENDENT[procedurePath]!(caller) };
      const result = await call(procedurePath, type, others.input, caller);
      const context = `${procedurePath} as ${caller}: ${result.message ?? ""}`;
      if (expected === "401" || expected === "403") {
        expect(result.code, context).toBe(expected === "401" ? "UNAUTHORIZED" : "FORBIDDEN");
      } else if (expected === "own" && !others.listed) {
        expect(result.code, context).toBe("FORBIDDEN");
      } else {
        expect(result.status, context).toBe(200);
        if (others.listed) expect(listedIn(result.data, others.listed), context).toBe(expected === "✓");
      }

      // And on a record of the caller's own, which "own" lets them work on.
      if (expected === "own") {
        const own = await onRecord!(callers[caller].actor!);
        const mine = await call(procedurePath, type, own.input, caller);
        expect(mine.status, `${procedurePath} as ${caller} on their own record: ${mine.message ?? ""}`).toBe(200);
        if (own.listed) expect(listedIn(mine.data, own.listed)).toBe(true);
      }
    });
  });
});
