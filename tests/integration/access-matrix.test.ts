import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@coop/core/domain";
import { appRouter } from "@coop/core/trpc";
import { callProcedure, createTestUser, signIn, testServer, type TestServer } from "../support/auth";
import { useTestDatabase } from "../support/database";

const ACTORS = ["Anonymous", "Contributor", "Editor", "Admin", "Token `records:read-drafts`", "Token `records:write`", "Revoked token"] as const;
type ActorName = (typeof ACTORS)[number];
type Expectation = "✓" | "401" | "403";

/** The role table of docs/SECURITY.md, the one the product promises. */
async function readAccessTable(): Promise<Map<string, Record<ActorName, Expectation>>> {
  const doc = await fs.readFile(path.resolve(import.meta.dirname, "../../docs/SECURITY.md"), "utf8");
  const table = /<!-- access-table:start -->([\s\S]*?)<!-- access-table:end -->/.exec(doc)?.[1] ?? "";
  const rows = table.trim().split("\n").map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim()));
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
const credentials = {} as Record<ActorName, Record<string, string>>;
let table: Awaited<ReturnType<typeof readAccessTable>>;

beforeAll(async () => {
  table = await readAccessTable();
  server = testServer(database.db);
  const admin = await createTestUser(database.db, "ADMIN");
  const adminActor = { kind: "user" as const, userId: admin.id, email: admin.email, name: admin.name, role: "ADMIN" as const, mustChangePassword: false, sessionId: "setup", ip: null };
  const token = async (scopes: ("records:read-drafts" | "records:write")[]) => (await createApiToken(database.db, adminActor, { name: scopes.join(" "), scopes })).secret;
  const revoked = await createApiToken(database.db, adminActor, { name: "revoked", scopes: ["records:read-drafts", "records:write"] });
  await revokeApiToken(database.db, adminActor, { id: revoked.token.id });
  const cookieOf = async (role: "CONTRIBUTOR" | "EDITOR" | "ADMIN") => {
    const user = role === "ADMIN" ? admin : await createTestUser(database.db, role);
    return { cookie: await signIn(server, user.email, user.password) };
  };
  Object.assign(credentials, {
    Anonymous: {},
    Contributor: await cookieOf("CONTRIBUTOR"),
    Editor: await cookieOf("EDITOR"),
    Admin: await cookieOf("ADMIN"),
    "Token `records:read-drafts`": { authorization: `Bearer ${await token(["records:read-drafts"])}` },
    "Token `records:write`": { authorization: `Bearer ${await token(["records:write"])}` },
    "Revoked token": { authorization: `Bearer ${revoked.secret}` },
  });
});

describe("the role table of docs/SECURITY.md", () => {
  it("lists every procedure of the API, and nothing else", () => {
    expect([...table.keys()].sort()).toEqual(procedures.map((p) => p.path).sort());
  });

  describe.each(procedures)("$path", ({ path: procedurePath, type }) => {
    it.each(ACTORS)("as %s", async (actor) => {
      const expected = table.get(procedurePath)?.[actor];
      expect(expected, `${procedurePath} is missing from docs/SECURITY.md`).toBeDefined();
      // Empty input: a caller who gets through fails validation, never authorisation.
      const result = await callProcedure(server, procedurePath, type, {}, credentials[actor]);
      expect(result.status).toBeLessThan(500);
      if (expected === "✓") expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(result.code);
      else expect(result.code).toBe(expected === "401" ? "UNAUTHORIZED" : "FORBIDDEN");
    });
  });
});
