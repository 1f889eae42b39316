import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@coop/core/domain";
import { createTestUser, signIn, testServer, type TestServer } from "../support/auth";
import { useTestDatabase } from "../support/database";
import { apiAs, sampleAgreementInput, userActor } from "../support/records";

const database = useTestDatabase();
let server: TestServer;
let alice: Awaited<ReturnType<typeof createTestUser>>;
let aliceCookie: string;
let bobCookie: string;
let editorCookie: string;
let editor: Awaited<ReturnType<typeof createTestUser>>;
let writeToken: string;

/** A tRPC call over HTTP, with the whole response body as the caller receives it. */
async function call(path: string, input: unknown, headers: Record<string, string>, type: "query" | "mutation" = "mutation") {
  const url = `${server.baseUrl}/api/trpc/${path}`;
  const response = await server.trpc(
    type === "query"
      ? new Request(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : new Request(url, { method: "POST", headers: { "content-type": "application/json", origin: server.baseUrl, ...headers }, body: JSON.stringify(input) }),
  );
  const body = await response.text();
  const parsed = JSON.parse(body) as {
    result?: { data: Record<string, unknown> };
    error?: { message: string; data: { code: string; conflict: Record<string, unknown> | null } };
  };
  return {
    status: response.status,
    body,
    code: parsed.error?.data.code ?? null,
    message: parsed.error?.message ?? null,
    conflict: parsed.error?.data.conflict ?? null,
    data: parsed.result?.data,
  };
}

beforeAll(async () => {
  server = testServer(database.db);
  alice = await createTestUser(database.db, "CONTRIBUTOR");
  const bob = await createTestUser(database.db, "CONTRIBUTOR");
  editor = await createTestUser(database.db, "EDITOR");
  [aliceCookie, bobCookie, editorCookie] = await Promise.all([
    signIn(server, alice.email, alice.password),
    signIn(server, bob.email, bob.password),
    signIn(server, editor.email, editor.password),
  ]);
  const admin = await userActor(database.db, "ADMIN");
  writeToken = (await createApiToken(database.db, admin, { name: "newsroom feed", scopes: ["records:write"] })).secret;
});

async function aliceDraft(title = `Alice's draft on a Lagos data centre ${Math.random().toString(36).slice(2, 8)}`) {
  const created = await call("agreement.create", { data: sampleAgreementInput({ title }) }, { cookie: aliceCookie });
  expect(created.status).toBe(200);
  return created.data as { id: string; title: string; version: number };
}

describe("drafts have owners", () => {
  it("refuses a second contributor's update of another's draft with FORBIDDEN, whatever version they send", async () => {
    const draft = await aliceDraft();
    for (const expectedVersion of [1, 7]) {
      const update = await call(
        "agreement.update",
        { id: draft.id, expectedVersion, data: sampleAgreementInput({ title: "Bob's rewrite" }) },
        { cookie: bobCookie },
      );
      expect(update).toMatchObject({ status: 403, code: "FORBIDDEN" });
      expect(update.body).not.toContain(alice.email);
    }
    const stored = await apiAs(database.db, await userActor(database.db, "EDITOR")).agreement.get({ id: draft.id });
    expect(stored).toMatchObject({ title: draft.title, version: 1 });
  });

  it("lets contributors read, list and submit only their own drafts; editors see all", async () => {
    const draft = await aliceDraft();
    for (const [path, input, type] of [
      ["agreement.get", { id: draft.id }, "query"],
      ["agreement.revisions", { id: draft.id }, "query"],
      ["agreement.revisionDiff", { id: draft.id, from: 1, to: 1 }, "query"],
      ["agreement.transition", { id: draft.id, expectedVersion: 1, action: "submit" }, "mutation"],
    ] as const) {
      const refused = await call(path, input, { cookie: bobCookie }, type);
      expect(refused, path).toMatchObject({ status: 403, code: "FORBIDDEN" });
      expect(refused.body, path).not.toContain(draft.title);
    }
    const bobsList = await call("agreement.listForEditors", { state: ["DRAFT"], limit: 100 }, { cookie: bobCookie }, "query");
    expect((bobsList.data as { items: { id: string }[] }).items.map((item) => item.id)).not.toContain(draft.id);
    const alicesList = await call("agreement.listForEditors", { state: ["DRAFT"], limit: 100 }, { cookie: aliceCookie }, "query");
    expect((alicesList.data as { items: { id: string }[] }).items.map((item) => item.id)).toContain(draft.id);
    expect((await call("agreement.get", { id: draft.id }, { cookie: editorCookie }, "query")).status).toBe(200);
    expect((await call("agreement.transition", { id: draft.id, expectedVersion: 1, action: "submit" }, { cookie: aliceCookie })).status).toBe(200);
    const overview = await call("dashboard.overview", undefined, { cookie: bobCookie }, "query");
    expect(overview.body).not.toContain(draft.title);
  });

  it("gives a records:write token only its own drafts, and error payloads nothing it may not read", async () => {
    const token = { authorization: `Bearer ${writeToken}` };
    const draft = await aliceDraft("Senegal and Russia agree on a fibre-optic backbone for Dakar");
    // A look-alike of Alice's draft: the token learns that something matches, not what.
    const lookalike = await call(
      "agreement.create",
      { data: sampleAgreementInput({ title: "Senegal and Russia agree on a fibre-optic backbone for Dakar" }) },
      token,
    );
    expect(lookalike).toMatchObject({ status: 409, code: "CONFLICT", conflict: { duplicates: [], hiddenDuplicates: 1 } });
    expect(lookalike.body).not.toContain(draft.title);
    expect(lookalike.body).not.toContain(draft.id);

    for (const [path, input] of [
      ["agreement.update", { id: draft.id, expectedVersion: 1, data: sampleAgreementInput() }],
      ["agreement.transition", { id: draft.id, expectedVersion: 1, action: "submit" }],
    ] as const) {
      const refused = await call(path, input, token);
      expect(refused, path).toMatchObject({ status: 403, code: "FORBIDDEN" });
      expect(refused.body, path).not.toContain(draft.title);
    }

    // Its own draft, saved meanwhile by an editor: the conflict names the editor, never their email.
    const own = (await call("agreement.create", { data: sampleAgreementInput() }, token)).data as { id: string; version: number };
    expect(
      (
        await call(
          "agreement.update",
          { id: own.id, expectedVersion: 1, data: sampleAgreementInput({ title: "Edited by an editor" }) },
          { cookie: editorCookie },
        )
      ).status,
    ).toBe(200);
    const stale = await call("agreement.update", { id: own.id, expectedVersion: 1, data: sampleAgreementInput() }, token);
    expect(stale).toMatchObject({ status: 409, code: "CONFLICT", conflict: { currentVersion: 2, savedBy: editor.name } });
    expect(stale.body).not.toContain(editor.email);
    const submitted = await call("agreement.transition", { id: own.id, expectedVersion: 2, action: "submit" }, token);
    expect(submitted.status).toBe(200);
    expect(submitted.body).not.toContain(editor.email);
  });
});
