import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@coop/core/http";
import { createApiToken, ensureFirstAdmin, inviteUser } from "@coop/core/domain";
import { callProcedure, createTestUser, signIn, signInRequest, testServer, type TestServer } from "../support/auth";
import { useTestDatabase } from "../support/database";
import { userActor } from "../support/records";

const database = useTestDatabase();

describe("sign-in", () => {
  it("answers a wrong password and an unknown email alike, without saying which", async () => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "EDITOR");
    const wrong = await signInRequest(server, user.email, "not-the-password");
    const unknown = await signInRequest(server, "nobody@example.org", "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, and a Secure __Host- one over HTTPS", async () => {
    const user = await createTestUser(database.db, "EDITOR");
    const plain = await signInRequest(testServer(database.db), user.email, user.password);
    const [plainCookie] = plain.headers.getSetCookie();
    expect(plainCookie).toMatch(/^coop\.session=/);
    expect(plainCookie).toMatch(/HttpOnly/i);
    expect(plainCookie).toMatch(/SameSite=Lax/i);

    const secure = await signInRequest(testServer(database.db, "https://coop.example.org"), user.email, user.password);
    const [secureCookie] = secure.headers.getSetCookie();
    expect(secureCookie).toMatch(/^__Host-coop\.session=/);
    expect(secureCookie).toMatch(/; Secure/i);
    expect(secureCookie).toMatch(/; Path=\//i);
    expect(secureCookie).not.toMatch(/Domain=/i);
  });

  it("locks an account after 5 failures in 10 minutes, whatever the IP, and across a restart", async () => {
    const user = await createTestUser(database.db, "CONTRIBUTOR");
    const server = testServer(database.db);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await signInRequest(server, user.email, `wrong-${attempt}`, `198.51.100.${attempt}`);
      expect(response.status).toBe(401);
    }
    // A new server instance on the same database: the lockout lives in PostgreSQL.
    const restarted = testServer(database.db);
    const refused = await signInRequest(restarted, user.email.toUpperCase(), user.password, "192.0.2.99");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Too many attempts/);

    // Once the delay has passed, the right password works and clears the failures.
    await database.db.rateLimitBucket.update({ where: { key: `login:${user.email}` }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect((await signInRequest(restarted, user.email, user.password)).status).toBe(200);
    expect(await database.db.rateLimitBucket.findUnique({ where: { key: `login:${user.email}` } })).toBeNull();
  });

  it("doubles the lockout each time it recurs", async () => {
    const user = await createTestUser(database.db, "CONTRIBUTOR");
    const server = testServer(database.db);
    const key = `login:${user.email}`;
    for (let attempt = 0; attempt < 5; attempt += 1) await signInRequest(server, user.email, "wrong-password");
    const first = await database.db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    await database.db.rateLimitBucket.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    for (let attempt = 0; attempt < 5; attempt += 1) await signInRequest(server, user.email, "wrong-password");
    const second = await database.db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    const delay = (bucket: typeof first) => bucket.blockedUntil!.getTime() - bucket.windowStart.getTime();
    expect(Math.round(delay(first) / 1000)).toBe(60);
    expect(Math.round(delay(second) / 1000)).toBe(120);
  });

  it("lets at most 5 of 20 parallel wrong passwords reach the password check", async () => {
    const user = await createTestUser(database.db, "EDITOR");
    const server = testServer(database.db);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => signInRequest(server, user.email, `wrong-guess-${i}`, `198.51.100.${100 + i}`)));
    const statuses = responses.map((response) => response.status);
    // 401 means the password was checked; 429 means the lockout refused the attempt first.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect((await signInRequest(server, user.email, user.password, "192.0.2.44")).status).toBe(429);
  });

  it("counts every spelling of an email (spaces, case, full-width letters) as one account", async () => {
    const user = await createTestUser(database.db, "EDITOR");
    const server = testServer(database.db);
    // Full-width forms (U+FF01..U+FF5E), which Unicode NFKC folds back to ASCII.
    const fullWidth = [...user.email.toUpperCase()].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join("");
    const spellings = [` ${user.email} `, user.email.toUpperCase(), fullWidth, `\t${fullWidth}`, user.email];
    for (const [i, spelling] of spellings.entries()) {
      expect((await signInRequest(server, spelling, `wrong-${i}`, `198.51.100.${60 + i}`)).status).toBe(401);
    }
    expect((await signInRequest(server, fullWidth, user.password, "192.0.2.45")).status).toBe(429);
    await database.db.rateLimitBucket.update({ where: { key: `login:${user.email}` }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect((await signInRequest(server, ` ${fullWidth} `, user.password, "192.0.2.45")).status).toBe(200);
  });

  it("guards account.changePassword with the same lockout, counted before the check", async () => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "CONTRIBUTOR");
    const cookie = await signIn(server, user.email, user.password);
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        callProcedure(server, "account.changePassword", "mutation", { currentPassword: `not-it-${i}`, newPassword: "correct horse battery" }, { cookie }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.code === "BAD_REQUEST").length).toBeLessThanOrEqual(5);
    const refused = attempts.filter((attempt) => attempt.code === "TOO_MANY_REQUESTS");
    expect(refused.length).toBeGreaterThanOrEqual(7);
    expect(refused[0]).toMatchObject({ status: 429, message: expect.stringMatching(/^Too many attempts; try again in \d+ seconds\.$/) });
    // Locked: even the right password is refused, here and at sign-in.
    const right = await callProcedure(
      server,
      "account.changePassword",
      "mutation",
      { currentPassword: user.password, newPassword: "correct horse battery" },
      { cookie },
    );
    expect(right.code).toBe("TOO_MANY_REQUESTS");
    expect((await signInRequest(server, user.email, user.password, "192.0.2.46")).status).toBe(429);
  });

  it("limits requests per client IP on the auth routes", async () => {
    const server = testServer(database.db);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 32; attempt += 1) {
      statuses.push((await signInRequest(server, `probe${attempt}@example.org`, "whatever-password", "203.0.113.250")).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it("purges limiter rows nothing reads any more, keeping live windows and lockouts", async () => {
    const longAgo = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    await database.db.rateLimitBucket.createMany({
      data: [
        { key: "ip:/sign-in/email:192.0.2.1", count: 3, windowStart: longAgo },
        { key: "login:gone@example.org", count: 2, windowStart: longAgo, blockedUntil: longAgo, lockouts: 1 },
        { key: "login:locked@example.org", count: 0, windowStart: longAgo, blockedUntil: new Date(Date.now() + 3600 * 1000), lockouts: 6 },
        { key: "ip:/sign-in/email:192.0.2.2", count: 1, windowStart: new Date() },
      ],
    });
    await signInRequest(testServer(database.db), "someone@example.org", "whatever-password", "203.0.113.251");
    const remaining = async () => (await database.db.rateLimitBucket.findMany({ where: { key: { contains: "192.0.2." } } })).length;
    for (let waited = 0; waited < 5000 && (await remaining()) > 1; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const keys = (await database.db.rateLimitBucket.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys).not.toContain("ip:/sign-in/email:192.0.2.1");
    expect(keys).not.toContain("login:gone@example.org");
    expect(keys).toEqual(expect.arrayContaining(["login:locked@example.org", "ip:/sign-in/email:192.0.2.2"]));
  });

  it("refuses deactivated users exactly like a wrong password", async () => {
    const user = await createTestUser(database.db, "EDITOR");
    await database.db.user.update({ where: { id: user.id }, data: { active: false } });
    const response = await signInRequest(testServer(database.db), user.email, user.password);
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses oversized bodies with 413", async () => {
    const server = testServer(database.db);
    const response = await server.authRoutes(
      new Request(`${server.baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_IP_HEADER]: "203.0.113.77" },
        body: JSON.stringify({ email: "a@example.org", password: "x".repeat(20_000) }),
      }),
    );
    expect(response.status).toBe(413);
  });

  it("exposes no sign-up or password-reset endpoint", async () => {
    const server = testServer(database.db);
    const response = await server.authRoutes(
      new Request(`${server.baseUrl}/api/auth/sign-up/email`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
    );
    expect(response.status).toBe(404);
  });

  it("stores argon2id hashes with m=19 MiB, t=2, p=1", async () => {
    const user = await createTestUser(database.db, "EDITOR");
    const account = await database.db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("audits successes and failures with the client IP, never the password", async () => {
    const user = await createTestUser(database.db, "EDITOR");
    const server = testServer(database.db);
    await signInRequest(server, user.email, "definitely-wrong", "198.51.100.200");
    await signInRequest(server, user.email, user.password, "198.51.100.200");
    const rows = await database.db.auditLog.findMany({ where: { actorLabel: user.email }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.action, row.ip])).toEqual([
      ["login.failure", "198.51.100.200"],
      ["login.success", "198.51.100.200"],
    ]);
    expect(JSON.stringify(rows.map((row) => ({ ...row, id: String(row.id) })))).not.toContain(user.password);
  });
});

describe("sessions", () => {
  it("ends the session server-side on sign-out", async () => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "EDITOR");
    const cookie = await signIn(server, user.email, user.password);
    expect((await callProcedure(server, "account.me", "query", undefined, { cookie })).data).toMatchObject({ email: user.email });
    const signOut = await server.authRoutes(
      new Request(`${server.baseUrl}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie, origin: server.baseUrl, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(signOut.status).toBe(200);
    expect(await database.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await callProcedure(server, "account.me", "query", undefined, { cookie })).code).toBe("UNAUTHORIZED");
  });

  it("ends sessions past the absolute lifetime, however active", async () => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "EDITOR");
    const cookie = await signIn(server, user.email, user.password);
    await database.db.session.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 13 * 3_600_000) } });
    expect((await callProcedure(server, "account.me", "query", undefined, { cookie })).code).toBe("UNAUTHORIZED");
  });

  it("refuses a cookie-authenticated mutation from another origin", async () => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "EDITOR");
    const cookie = await signIn(server, user.email, user.password);
    const input = { currentPassword: user.password, newPassword: "a brand new passphrase" };
    const crossSite = await callProcedure(server, "account.changePassword", "mutation", input, { cookie, origin: "https://evil.example" });
    expect(crossSite).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(crossSite.message).toMatch(/Origin/);
    const missing = await server.trpc(
      new Request(`${server.baseUrl}/api/trpc/account.changePassword`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(input),
      }),
    );
    expect(missing.status).toBe(403);
  });

  it("changing the password ends the other sessions and refuses common passwords", async () => {
    const server = testServer(database.db);
    const user = await createTestUser(database.db, "EDITOR");
    const laptop = await signIn(server, user.email, user.password);
    const phone = await signIn(server, user.email, user.password);
    const common = await callProcedure(
      server,
      "account.changePassword",
      "mutation",
      { currentPassword: user.password, newPassword: "password123" },
      { cookie: laptop },
    );
    expect(common).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(common.message).toMatch(/^newPassword: .*common/);
    const short = await callProcedure(
      server,
      "account.changePassword",
      "mutation",
      { currentPassword: user.password, newPassword: "short" },
      { cookie: laptop },
    );
    expect(short.message).toMatch(/^newPassword: must be at least 8 characters/);
    const wrong = await callProcedure(
      server,
      "account.changePassword",
      "mutation",
      { currentPassword: "nope-nope", newPassword: "correct horse battery" },
      { cookie: laptop },
    );
    expect(wrong.message).toMatch(/^currentPassword:/);

    const ok = await callProcedure(
      server,
      "account.changePassword",
      "mutation",
      { currentPassword: user.password, newPassword: "correct horse battery" },
      { cookie: laptop },
    );
    expect(ok.status).toBe(200);
    expect((await callProcedure(server, "account.me", "query", undefined, { cookie: laptop })).status).toBe(200);
    expect((await callProcedure(server, "account.me", "query", undefined, { cookie: phone })).code).toBe("UNAUTHORIZED");
    expect((await signInRequest(server, user.email, "correct horse battery")).status).toBe(200);
  });

  it("a role change ends that user's sessions", async () => {
    const server = testServer(database.db);
    const admin = await createTestUser(database.db, "ADMIN");
    const editor = await createTestUser(database.db, "EDITOR");
    const adminCookie = await signIn(server, admin.email, admin.password);
    const editorCookie = await signIn(server, editor.email, editor.password);
    const changed = await callProcedure(server, "user.setRole", "mutation", { userId: editor.id, role: "CONTRIBUTOR" }, { cookie: adminCookie });
    expect(changed.status).toBe(200);
    expect((await callProcedure(server, "account.me", "query", undefined, { cookie: editorCookie })).code).toBe("UNAUTHORIZED");
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: "user.role.change", entityId: editor.id } });
    expect(audit.details).toEqual({ from: "EDITOR", to: "CONTRIBUTOR" });
  });
});

describe("admins", () => {
  it("cannot remove the last admin, by demotion or deactivation", async () => {
    await database.db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
    const server = testServer(database.db);
    const admin = await createTestUser(database.db, "ADMIN");
    const cookie = await signIn(server, admin.email, admin.password);
    const demote = await callProcedure(server, "user.setRole", "mutation", { userId: admin.id, role: "EDITOR" }, { cookie });
    expect(demote).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(demote.message).toMatch(/last active admin/);
    const deactivate = await callProcedure(server, "user.deactivate", "mutation", { userId: admin.id }, { cookie });
    expect(deactivate.code).toBe("CONFLICT");

    const second = await createTestUser(database.db, "ADMIN");
    expect((await callProcedure(server, "user.setRole", "mutation", { userId: second.id, role: "EDITOR" }, { cookie })).status).toBe(200);
  });

  it("creates the first admin only on an empty database, who must change the password first", async () => {
    expect(await ensureFirstAdmin(database.db, "first@example.org")).toBeNull();
    await database.db.user.deleteMany();
    const first = await ensureFirstAdmin(database.db, "first@example.org");
    expect(first?.password.length).toBeGreaterThanOrEqual(20);
    expect(await ensureFirstAdmin(database.db, "again@example.org")).toBeNull();

    const server = testServer(database.db);
    const cookie = await signIn(server, first!.email, first!.password);
    expect((await callProcedure(server, "user.list", "query", undefined, { cookie })).message).toMatch(/Change your password/);
    await callProcedure(
      server,
      "account.changePassword",
      "mutation",
      { currentPassword: first!.password, newPassword: "a long and private phrase" },
      { cookie },
    );
    expect((await callProcedure(server, "user.list", "query", undefined, { cookie })).status).toBe(200);
  });

  it("invites a user with a one-time link", async () => {
    const server = testServer(database.db);
    const actor = await userActor(database.db, "ADMIN");
    const invitation = await inviteUser(database.db, actor, { email: "New.Editor@Example.org", role: "EDITOR" }, server.baseUrl);
    const token = invitation.url.split("/").at(-1)!;
    expect(invitation.email).toBe("new.editor@example.org");

    const accepted = await callProcedure(server, "invitation.accept", "mutation", { token, name: "New Editor", password: "my own passphrase" });
    expect(accepted.data).toMatchObject({ email: "new.editor@example.org", role: "EDITOR" });
    const reused = await callProcedure(server, "invitation.accept", "mutation", { token, name: "Mallory", password: "another passphrase" });
    expect(reused).toMatchObject({ status: 400 });
    expect(reused.message).toMatch(/^token: .*invalid, used or expired/);
    expect((await signInRequest(server, "new.editor@example.org", "my own passphrase")).status).toBe(200);
  });
});

describe("invitations", () => {
  const accept = (server: TestServer, url: string, name = "Newcomer") =>
    callProcedure(server, "invitation.accept", "mutation", { token: url.split("/").at(-1)!, name, password: "a passphrase of mine" });

  it("are revocable from the Users screen: a revoked link no longer works", async () => {
    const server = testServer(database.db);
    const admin = await createTestUser(database.db, "ADMIN");
    const cookie = await signIn(server, admin.email, admin.password);
    const invited = await callProcedure(server, "user.invite", "mutation", { email: "revoked.invite@example.org", role: "EDITOR" }, { cookie });
    const { id, url } = invited.data as { id: string; url: string };
    const pending = await callProcedure(server, "user.invitations", "query", undefined, { cookie });
    expect(pending.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, email: "revoked.invite@example.org", role: "EDITOR", invitedBy: expect.stringContaining(admin.email) }),
      ]),
    );
    expect((await callProcedure(server, "user.revokeInvitation", "mutation", { id }, { cookie })).status).toBe(200);
    expect((await accept(server, url)).message).toMatch(/^token: .*invalid, used or expired/);
    expect((await callProcedure(server, "user.invitations", "query", undefined, { cookie })).data).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ id })]),
    );
  });

  it("keep one live invitation per email: inviting again, even at once, replaces the earlier link", async () => {
    const server = testServer(database.db);
    const admin = await createTestUser(database.db, "ADMIN");
    const cookie = await signIn(server, admin.email, admin.password);
    const invite = () => callProcedure(server, "user.invite", "mutation", { email: " Twice.Invited@Example.org ", role: "CONTRIBUTOR" }, { cookie });
    const first = (await invite()).data as { url: string };
    const again = await Promise.all([invite(), invite(), invite(), invite()]);
    expect(again.every((result) => result.status === 200)).toBe(true);
    expect(await database.db.invitation.count({ where: { email: "twice.invited@example.org", acceptedAt: null, revokedAt: null } })).toBe(1);
    expect((await accept(server, first.url)).message).toMatch(/^token: .*invalid, used or expired/);
    const live = again.map((result) => (result.data as { url: string }).url);
    const outcomes = await Promise.all(live.map((url) => accept(server, url)));
    expect(outcomes.filter((outcome) => outcome.status === 200)).toHaveLength(1);
  });

  it("are revoked when their inviter is deactivated", async () => {
    const server = testServer(database.db);
    const [inviter, other] = [await createTestUser(database.db, "ADMIN"), await createTestUser(database.db, "ADMIN")];
    const inviterCookie = await signIn(server, inviter.email, inviter.password);
    const otherCookie = await signIn(server, other.email, other.password);
    const { url } = (await callProcedure(server, "user.invite", "mutation", { email: "orphan.invite@example.org", role: "ADMIN" }, { cookie: inviterCookie }))
      .data as { url: string };
    expect((await callProcedure(server, "user.deactivate", "mutation", { userId: inviter.id }, { cookie: otherCookie })).status).toBe(200);
    expect((await accept(server, url)).message).toMatch(/^token: .*invalid, used or expired/);
    expect(await database.db.user.count({ where: { email: "orphan.invite@example.org" } })).toBe(0);
  });
});

describe("API tokens", () => {
  const adminActor = () => userActor(database.db, "ADMIN");

  it("live, used, revoked: revocation takes effect at once", async () => {
    const server = testServer(database.db);
    const { secret, token } = await createApiToken(database.db, await adminActor(), { name: "Newsroom CMS", scopes: ["records:write"] });
    const stored = await database.db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.tokenHash).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const me = await callProcedure(server, "account.me", "query", undefined, { authorization: `Bearer ${secret}` });
    expect(me.data).toEqual({ kind: "token", name: "Newsroom CMS", scopes: ["records:write"] });
    expect((await database.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();

    const adminServer = testServer(database.db);
    const admin = await createTestUser(database.db, "ADMIN");
    const cookie = await signIn(adminServer, admin.email, admin.password);
    expect((await callProcedure(adminServer, "apiToken.revoke", "mutation", { id: token.id }, { cookie })).status).toBe(200);
    const after = await callProcedure(server, "account.me", "query", undefined, { authorization: `Bearer ${secret}` });
    expect(after).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
  });

  it("refuses expired tokens and malformed headers with 401, ignoring cookies", async () => {
    const server = testServer(database.db);
    const { secret, token } = await createApiToken(database.db, await adminActor(), { name: "old", scopes: ["records:read-drafts"] });
    await database.db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callProcedure(server, "account.me", "query", undefined, { authorization: `Bearer ${secret}` })).code).toBe("UNAUTHORIZED");
    for (const header of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "bearer coop_x", "Bearer <script>"]) {
      const result = await callProcedure(server, "agreement.list", "query", undefined, { authorization: header });
      expect(result).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    }
    const user = await createTestUser(database.db, "ADMIN");
    const cookie = await signIn(server, user.email, user.password);
    const withBoth = await callProcedure(server, "user.list", "query", undefined, { cookie, authorization: `Bearer ${secret}` });
    expect(withBoth.code).toBe("UNAUTHORIZED");
  });

  it("refuses oversized tRPC bodies with 413", async () => {
    const server = testServer(database.db);
    const response = await server.trpc(
      new Request(`${server.baseUrl}/api/trpc/invitation.accept`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseUrl },
        body: "x".repeat(9 * 1024 * 1024),
      }),
    );
    expect(response.status).toBe(413);
  });
});
