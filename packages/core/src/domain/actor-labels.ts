import type { Writer } from "./access";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

/**
 * Display names for the ids stored in createdById / updatedById / authorId ("token:<id>" for
 * API tokens). People appear as "Name <email>" to signed-in colleagues, and by name only to
 * an API token: an app never learns a person's email address.
 */
export async function actorLabels(db: Db | Prisma.TransactionClient, ids: (string | null | undefined)[], viewer: Writer): Promise<Map<string, string>> {
  // A person's own label is known without a lookup (an editor saving their own draft).
  const own = viewer.kind === "user" ? viewer.userId : null;
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id) && id !== own))];
  const tokenIds = unique.filter((id) => id.startsWith("token:")).map((id) => id.slice(6));
  const userIds = unique.filter((id) => !id.startsWith("token:"));
  const [users, tokens] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    tokenIds.length
      ? db.apiToken.findMany({ where: { id: { in: tokenIds.filter((id) => /^[0-9a-f-]{36}$/.test(id)) } }, select: { id: true, name: true } })
      : [],
  ]);
  return new Map([
    ...(viewer.kind === "user" ? [[viewer.userId, `${viewer.name} <${viewer.email}>`] as const] : []),
    ...users.map((user) => [user.id, viewer.kind === "user" ? `${user.name} <${user.email}>` : user.name] as const),
    ...tokens.map((token) => [`token:${token.id}`, `API token "${token.name}"`] as const),
  ]);
}

export function isEditorOrAbove(actor: Writer): boolean {
  return actor.kind === "user" && (actor.role === "EDITOR" || actor.role === "ADMIN");
}

/** One id's label, or `fallback` when it names nobody known. */
export async function actorLabel(db: Db | Prisma.TransactionClient, id: string | null, viewer: Writer, fallback: string): Promise<string> {
  if (!id) return fallback;
  return (await actorLabels(db, [id], viewer)).get(id) ?? fallback;
}
