import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import { type Actor, auditActor } from "./access";
import { beginLoginAttempt, recordLoginFailure, recordLoginSuccess } from "./login-limits";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import {
  normalizeEmail,
  ZChangePasswordInput,
  ZInvitationAcceptInput,
  ZInvitationIdInput,
  ZUserIdInput,
  ZUserInviteInput,
  ZUserSetRoleInput,
} from "../validators/accounts";
import { actorLabels } from "./actor-labels";
import { hashSecret } from "./api-tokens";
import { writeAudit } from "./audit";
import { ConflictError, InvalidInputError, NotFoundError, TooManyAttemptsError } from "./errors";

type Tx = Prisma.TransactionClient;

const CREDENTIAL_PROVIDER = "credential"; // better-auth's email + password account
const INVITATION_DAYS = 7;

const publicUserFields = { id: true, name: true, email: true, role: true, active: true, mustChangePassword: true, createdAt: true } as const;

function assertAcceptablePassword(field: string, password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new InvalidInputError([field], problem);
}

/** Creates a user with an email + password account, as better-auth's sign-up would. */
export async function createUserWithPassword(tx: Tx, input: { email: string; name: string; role: Role; password: string; mustChangePassword?: boolean }) {
  const email = normalizeEmail(input.email);
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ConflictError(`A user with the email ${email} already exists`);
  }
  const id = randomUUID();
  const user = await tx.user.create({
    data: { id, email, name: input.name, role: input.role, mustChangePassword: input.mustChangePassword ?? false },
    select: publicUserFields,
  });
  await tx.account.create({
    data: { id: randomUUID(), accountId: id, providerId: CREDENTIAL_PROVIDER, userId: id, password: await hashPassword(input.password) },
  });
  return user;
}

export function listUsers(db: Db) {
  return db.user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }], select: publicUserFields, take: 1000 });
}

/** Invitations not accepted, revoked or expired: links that would still work. */
const liveInvitation = () => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }) satisfies Prisma.InvitationWhereInput;

/** Revokes the live invitations matching `where`, inside the caller's transaction; returns how many. */
async function revokeInvitations(tx: Tx, where: Prisma.InvitationWhereInput): Promise<number> {
  const { count } = await tx.invitation.updateMany({ where: { ...where, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}

/**
 * A one-time link valid for seven days; only the hash of its secret is stored. An email has
 * at most one live invitation: inviting it again replaces the earlier link.
 */
export async function inviteUser(db: Db, actor: Actor, rawInput: z.input<typeof ZUserInviteInput>, baseUrl: string) {
  const input = ZUserInviteInput.parse(rawInput);
  const secret = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    // Invitations of one email are made one at a time, so two at once still leave one live link.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('invitation:' || ${input.email}))`;
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ConflictError(`A user with the email ${input.email} already exists`);
    }
    const replaced = await revokeInvitations(tx, { email: input.email });
    const invitation = await tx.invitation.create({
      data: {
        email: input.email,
        role: input.role,
        tokenHash: hashSecret(secret),
        invitedById: actor.kind === "user" ? actor.userId : "unknown",
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
    });
    await writeAudit(tx, {
      ...auditActor(actor),
      action: "user.invite",
      entityType: "Invitation",
      entityId: invitation.id,
      details: { email: input.email, role: input.role, ...(replaced ? { replacedInvitations: replaced } : {}) },
    });
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      url: new URL(`/admin/invitation/${secret}`, baseUrl).toString(),
    };
  });
}

/** Invitation links that would still work, newest first, for the Users screen. */
export async function listPendingInvitations(db: Db, actor: Actor) {
  const invitations = await db.invitation.findMany({
    where: liveInvitation(),
    orderBy: { createdAt: "desc" },
    take: 500,
    select: { id: true, email: true, role: true, invitedById: true, createdAt: true, expiresAt: true },
  });
  const labels = await actorLabels(
    db,
    invitations.map((invitation) => invitation.invitedById),
    actor,
  );
  return invitations.map(({ invitedById, ...invitation }) => ({ ...invitation, invitedBy: labels.get(invitedById) ?? "someone no longer here" }));
}

/** The link stops working at once. */
export async function revokeInvitation(db: Db, actor: Actor, rawInput: z.input<typeof ZInvitationIdInput>) {
  const { id } = ZInvitationIdInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id }, select: { email: true, acceptedAt: true } });
    if (!invitation) throw new NotFoundError(`No invitation has the id ${id}`);
    if (invitation.acceptedAt) throw new ConflictError(`The invitation for ${invitation.email} was already accepted; deactivate the user instead`);
    await revokeInvitations(tx, { id });
    await writeAudit(tx, {
      ...auditActor(actor),
      action: "user.invitation.revoke",
      entityType: "Invitation",
      entityId: id,
      details: { email: invitation.email },
    });
    return { id, revoked: true as const };
  });
}

export async function acceptInvitation(db: Db, actor: Actor, rawInput: z.input<typeof ZInvitationAcceptInput>) {
  const input = ZInvitationAcceptInput.parse(rawInput);
  assertAcceptablePassword("password", input.password);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashSecret(input.token) } });
    // An inviter deactivated since cannot bring anyone in (their links were revoked; this covers a race).
    const inviter = invitation ? await tx.user.findUnique({ where: { id: invitation.invitedById }, select: { active: true } }) : null;
    if (!invitation || !inviter?.active || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw new InvalidInputError(["token"], "this invitation link is invalid, used or expired; ask an administrator for a new one");
    }
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    const user = await createUserWithPassword(tx, { email: invitation.email, name: input.name, role: invitation.role, password: input.password });
    await writeAudit(tx, {
      ...auditActor(actor),
      actorId: user.id,
      actorLabel: user.email,
      action: "invitation.accept",
      entityType: "User",
      entityId: user.id,
    });
    return user;
  });
}

/** Refuses to leave the system without an active admin; locks admin rows against a concurrent twin. */
async function assertAnotherAdminRemains(tx: Tx, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== userId)) {
    throw new ConflictError("This is the last active admin; make someone else an admin first");
  }
}

async function revokeSessions(tx: Tx, userId: string, exceptSessionId?: string): Promise<void> {
  await tx.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
}

export async function setUserRole(db: Db, actor: Actor, rawInput: z.input<typeof ZUserSetRoleInput>) {
  const input = ZUserSetRoleInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, active: true } });
    if (!user) throw new NotFoundError(`No user has the id ${input.userId}`);
    if (user.role === "ADMIN" && input.role !== "ADMIN" && user.active) await assertAnotherAdminRemains(tx, input.userId);
    const updated = await tx.user.update({ where: { id: input.userId }, data: { role: input.role }, select: publicUserFields });
    // A role change takes effect everywhere at once: sessions carrying the old role end.
    if (user.role !== input.role) await revokeSessions(tx, input.userId);
    await writeAudit(tx, {
      ...auditActor(actor),
      action: "user.role.change",
      entityType: "User",
      entityId: input.userId,
      details: { from: user.role, to: input.role },
    });
    return updated;
  });
}

export async function setUserActive(db: Db, actor: Actor, rawInput: z.input<typeof ZUserIdInput>, active: boolean) {
  const { userId } = ZUserIdInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
    if (!user) throw new NotFoundError(`No user has the id ${userId}`);
    if (!active && user.role === "ADMIN" && user.active) await assertAnotherAdminRemains(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { active }, select: publicUserFields });
    // Access ends everywhere at once: sessions, and the invitations this person sent.
    const revokedInvitations = active ? 0 : await revokeInvitations(tx, { invitedById: userId });
    if (!active) await revokeSessions(tx, userId);
    await writeAudit(tx, {
      ...auditActor(actor),
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: userId,
      ...(revokedInvitations ? { details: { revokedInvitations } } : {}),
    });
    return updated;
  });
}

/**
 * Changes the signed-in user's password and ends their other sessions. Guessing the current
 * password here counts against the same lockout as signing in, before it is checked.
 */
export async function changeOwnPassword(db: Db, actor: Actor, rawInput: z.input<typeof ZChangePasswordInput>) {
  if (actor.kind !== "user") throw new InvalidInputError(["actor"], "only a signed-in person can change a password");
  const input = ZChangePasswordInput.parse(rawInput);
  const email = normalizeEmail(actor.email);
  const attempt = await beginLoginAttempt(db, email);
  if (!attempt.allowed) throw new TooManyAttemptsError(attempt.retryAfterSeconds);
  const account = await db.account.findFirst({ where: { userId: actor.userId, providerId: CREDENTIAL_PROVIDER } });
  if (!account?.password || !(await verifyPassword(account.password, input.currentPassword))) {
    await recordLoginFailure(db, email);
    throw new InvalidInputError(["currentPassword"], "is not your current password");
  }
  await recordLoginSuccess(db, email);
  assertAcceptablePassword("newPassword", input.newPassword);
  if (input.newPassword === input.currentPassword) throw new InvalidInputError(["newPassword"], "must differ from the current password");
  const password = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: account.id }, data: { password } });
    await tx.user.update({ where: { id: actor.userId }, data: { mustChangePassword: false } });
    await revokeSessions(tx, actor.userId, actor.sessionId);
    await writeAudit(tx, { ...auditActor(actor), action: "user.password.change", entityType: "User", entityId: actor.userId });
  });
  return { ok: true as const };
}

/** A random password that passes the policy, for first admins and resets. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * Creates an admin with a one-time random password when the database has no user
 * at all; returns the credentials to show once, or null when users exist.
 */
export async function ensureFirstAdmin(db: Db, email: string): Promise<{ email: string; password: string } | null> {
  const password = generatePassword();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE "User" IN SHARE ROW EXCLUSIVE MODE`;
    if ((await tx.user.count()) > 0) return null;
    const user = await createUserWithPassword(tx, { email, name: "Administrator", role: "ADMIN", password, mustChangePassword: true });
    await writeAudit(tx, { actorLabel: "system", action: "user.create.first-admin", entityType: "User", entityId: user.id });
    return { email, password };
  });
}

/** `pnpm admin:create`: an admin with the given password, or a generated one. */
export async function createAdmin(db: Db, input: { email: string; name?: string; password?: string }) {
  const password = input.password ?? generatePassword();
  assertAcceptablePassword("password", password);
  return db.$transaction(async (tx) => {
    const user = await createUserWithPassword(tx, {
      email: input.email,
      name: input.name ?? "Administrator",
      role: "ADMIN",
      password,
      mustChangePassword: input.password === undefined,
    });
    await writeAudit(tx, { actorLabel: "admin:create", action: "user.create.admin", entityType: "User", entityId: user.id });
    return { user, password };
  });
}
