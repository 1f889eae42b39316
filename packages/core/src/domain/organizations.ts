import type { z } from "zod";
import { type Actor, type Writer, auditActor } from "./access";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { ZOrganizationInput, ZOrganizationMergeInput, ZOrganizationSearchInput, ZOrganizationUpdateInput } from "../validators/agreement-editing";
import { refreshAgreementIndex } from "./agreement-parts";
import { writeAudit } from "./audit";
import { syncPublicFacetCounts } from "./public-facet-counts";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { slugify } from "./slugs";

type Tx = Prisma.TransactionClient;
type OrganizationData = z.output<typeof ZOrganizationInput>;

const organizationSelect = {
  id: true,
  slug: true,
  name: true,
  aliases: true,
  kind: true,
  countryCode: true,
  website: true,
  side: true,
  sourceUrl: true,
  members: { select: { member: { select: { id: true, name: true } } } },
  _count: { select: { parties: true } },
} as const;

async function assertValidOrganization(tx: Tx, data: OrganizationData, selfId?: string): Promise<void> {
  if (data.countryCode && !(await tx.country.findUnique({ where: { code: data.countryCode }, select: { code: true } }))) {
    throw new InvalidInputError(["data", "countryCode"], `unknown country code "${data.countryCode}"`);
  }
  if (data.memberIds.length && data.kind !== "CONSORTIUM") throw new InvalidInputError(["data", "memberIds"], "only a consortium has members");
  if (selfId && data.memberIds.includes(selfId)) throw new InvalidInputError(["data", "memberIds"], "an organisation cannot be its own member");
  const found = await tx.organization.count({ where: { id: { in: data.memberIds } } });
  if (found !== new Set(data.memberIds).size) throw new InvalidInputError(["data", "memberIds"], "names an unknown organisation");
}

async function uniqueOrganizationSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set((await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug));
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
  return slug;
}

const columns = (data: OrganizationData) => ({
  name: data.name,
  aliases: [...new Set(data.aliases.filter((alias) => alias !== data.name))],
  kind: data.kind,
  countryCode: data.countryCode ?? null,
  website: data.website ?? null,
  ...(data.side !== undefined ? { side: data.side } : {}),
  ...(data.sourceUrl !== undefined ? { sourceUrl: data.sourceUrl } : {}),
});

export async function createOrganization(db: Db, actor: Actor, rawInput: z.input<typeof ZOrganizationInput>) {
  const data = ZOrganizationInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const id = await insertOrganization(tx, actor, data);
    return tx.organization.findUniqueOrThrow({ where: { id }, select: organizationSelect });
  });
}

/** Inside the caller's transaction: a new organisation, its members and the audit row; its slug made from its name unless given. */
export async function insertOrganization(tx: Tx, actor: Writer, data: OrganizationData, slug?: string): Promise<string> {
  await assertValidOrganization(tx, data);
  const organization = await tx.organization.create({
    data: { ...columns(data), slug: slug ?? (await uniqueOrganizationSlug(tx, data.name)) },
    select: { id: true },
  });
  await tx.consortiumMembership.createMany({ data: data.memberIds.map((memberId) => ({ consortiumId: organization.id, memberId })) });
  await writeAudit(tx, { ...auditActor(actor), action: "organization.create", entityType: "Organization", entityId: organization.id });
  return organization.id;
}

/**
 * The organisation with this name or alias (any case), created when there is none. Callers
 * creating the same name at once wait for each other (a lock on the name), so it is made once.
 */
export async function findOrCreateOrganizationByName(tx: Tx, actor: Actor, name: string, countryCode: string | null): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('organization-name:' || lower(${name})))`;
  const [found] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Organization" o
    WHERE lower(o.name) = lower(${name}) OR EXISTS (SELECT 1 FROM unnest(o.aliases) alias WHERE lower(alias) = lower(${name}))
    ORDER BY lower(o.name) = lower(${name}) DESC LIMIT 1`;
  return found?.id ?? insertOrganization(tx, actor, ZOrganizationInput.parse({ name, kind: "OTHER", countryCode }));
}

/** Names of organisations by id, for showing parties in words. */
export async function organizationNames(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.organization.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function updateOrganization(db: Db, actor: Actor, rawInput: z.input<typeof ZOrganizationUpdateInput>) {
  const { id, data } = ZOrganizationUpdateInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    if (!(await tx.organization.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError(`No organisation has the id ${id}`);
    await assertValidOrganization(tx, data, id);
    await tx.organization.update({ where: { id }, data: columns(data) });
    await tx.consortiumMembership.deleteMany({ where: { consortiumId: id } });
    await tx.consortiumMembership.createMany({ data: data.memberIds.map((memberId) => ({ consortiumId: id, memberId })) });
    await reindexAgreementsOf(tx, [id]);
    await writeAudit(tx, { ...auditActor(actor), action: "organization.update", entityType: "Organization", entityId: id });
    return tx.organization.findUniqueOrThrow({ where: { id }, select: organizationSelect });
  });
}

/** Names, aliases, country or parties changed: the full-text index, country filters and public counts of their agreements follow. */
async function reindexAgreementsOf(tx: Tx, organizationIds: string[]): Promise<void> {
  const parties = await tx.agreementParty.findMany({
    where: { organizationId: { in: organizationIds } },
    select: { agreementId: true },
    distinct: ["agreementId"],
  });
  for (const { agreementId } of parties) await refreshAgreementIndex(tx, agreementId);
  await syncPublicFacetCounts(
    tx,
    parties.map((party) => party.agreementId),
  );
}

/** A LIKE pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Organisations for pickers: fuzzy on names and aliases, best matches first. */
export async function searchOrganizations(db: Db, rawInput: z.input<typeof ZOrganizationSearchInput>) {
  const { q, limit } = ZOrganizationSearchInput.parse(rawInput);
  const pattern = containsPattern(q);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "Organization" o
    WHERE ${q} = '' OR o.name % ${q} OR o.name ILIKE ${pattern}
       OR EXISTS (SELECT 1 FROM unnest(o.aliases) alias WHERE alias ILIKE ${pattern} OR alias % ${q})
    ORDER BY GREATEST(similarity(o.name, ${q}), (SELECT max(similarity(alias, ${q})) FROM unnest(o.aliases) alias)) DESC NULLS LAST, o.name
    LIMIT ${limit}`;
  const organizations = await db.organization.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: organizationSelect });
  const byId = new Map(organizations.map((organization) => [organization.id, organization]));
  return ids.flatMap((row) => byId.get(row.id) ?? []);
}

/**
 * Folds `source` into `target`: its parties and memberships move over, its name
 * and aliases become aliases of the target, and it is removed.
 */
export async function mergeOrganizations(db: Db, actor: Actor, rawInput: z.input<typeof ZOrganizationMergeInput>) {
  const { sourceId, targetId } = ZOrganizationMergeInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.organization.findUnique({ where: { id: sourceId } }),
      tx.organization.findUnique({ where: { id: targetId } }),
    ]);
    if (!source) throw new NotFoundError(`No organisation has the id ${sourceId}`);
    if (!target) throw new NotFoundError(`No organisation has the id ${targetId}`);
    if (
      await tx.consortiumMembership.findFirst({
        where: {
          OR: [
            { consortiumId: sourceId, memberId: targetId },
            { consortiumId: targetId, memberId: sourceId },
          ],
        },
      })
    ) {
      throw new ConflictError("One organisation is a member of the other; remove the membership before merging");
    }
    const moved = await tx.agreementParty.updateMany({ where: { organizationId: sourceId }, data: { organizationId: targetId } });
    const memberships = await tx.consortiumMembership.findMany({ where: { OR: [{ consortiumId: sourceId }, { memberId: sourceId }] } });
    await tx.consortiumMembership.deleteMany({ where: { OR: [{ consortiumId: sourceId }, { memberId: sourceId }] } });
    await tx.consortiumMembership.createMany({
      data: memberships.map((m) => ({
        consortiumId: m.consortiumId === sourceId ? targetId : m.consortiumId,
        memberId: m.memberId === sourceId ? targetId : m.memberId,
      })),
      skipDuplicates: true,
    });
    const aliases = [...new Set([...target.aliases, source.name, ...source.aliases])].filter((alias) => alias !== target.name);
    await tx.organization.update({ where: { id: targetId }, data: { aliases } });
    // Remembered, so old references (revisions, proposed imports, the seed) follow the merge.
    await tx.organizationMerge.updateMany({ where: { targetId: sourceId }, data: { targetId } });
    await tx.organizationMerge.create({ data: { mergedId: sourceId, mergedSlug: source.slug, mergedName: source.name, targetId } });
    await tx.organization.delete({ where: { id: sourceId } });
    await reindexAgreementsOf(tx, [targetId]);
    await writeAudit(tx, {
      ...auditActor(actor),
      action: "organization.merge",
      entityType: "Organization",
      entityId: targetId,
      details: { mergedId: sourceId, mergedName: source.name, partiesMoved: moved.count },
    });
    return tx.organization.findUniqueOrThrow({ where: { id: targetId }, select: organizationSelect });
  });
}

/** Parties with organisations merged away since pointing at the organisation they were merged into. */
export async function withMergedOrganizations<T extends { organizationId?: string | null }>(db: Db | Tx, parties: T[]): Promise<T[]> {
  const ids = parties.flatMap((party) => (party.organizationId ? [party.organizationId] : []));
  if (!ids.length) return parties;
  const merges = await db.organizationMerge.findMany({ where: { mergedId: { in: ids } }, select: { mergedId: true, targetId: true } });
  const targetOf = new Map(merges.map((merge) => [merge.mergedId, merge.targetId]));
  return parties.map((party) =>
    party.organizationId && targetOf.has(party.organizationId) ? { ...party, organizationId: targetOf.get(party.organizationId) } : party,
  );
}
