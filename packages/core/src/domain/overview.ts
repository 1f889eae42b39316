import { type Actor, actorId } from "./access";
import type { Db } from "../db/client";
import { publishedAgreementFacets } from "./public-reads";
import { readableRecordsWhere } from "./record-access";

/**
 * The editors' overview: work by state, the review queue, my submissions, recent activity and
 * charts. Titles only of records the caller may open: a contributor sees their own queue.
 */
export async function editorialOverview(db: Db, actor: Actor) {
  const me = actorId(actor) ?? "";
  const readable = readableRecordsWhere(actor);
  const [byState, awaitingReview, mine, activity, facets] = await Promise.all([
    db.agreement.groupBy({ by: ["state"], where: { deletedAt: null }, _count: { _all: true } }),
    db.agreement.findMany({
      where: { state: "IN_REVIEW", deletedAt: null, ...readable },
      orderBy: { updatedAt: "asc" },
      take: 20,
      select: { id: true, title: true, version: true, updatedAt: true, createdById: true },
    }),
    db.agreement.findMany({
      where: { createdById: me, deletedAt: null, state: { in: ["DRAFT", "IN_REVIEW"] } },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: {
        id: true,
        title: true,
        state: true,
        updatedAt: true,
        comments: { orderBy: { createdAt: "desc" }, take: 1, select: { action: true, body: true, authorLabel: true, createdAt: true } },
      },
    }),
    db.auditLog.findMany({
      where: { entityType: "Agreement" },
      orderBy: { id: "desc" },
      take: 15,
      select: { id: true, at: true, action: true, actorLabel: true, entityId: true },
    }),
    publishedAgreementFacets(db, {}),
  ]);
  const count = (state: string) => byState.find((row) => row.state === state)?._count._all ?? 0;
  const titles = new Map(
    (
      await db.agreement.findMany({
        where: { id: { in: activity.flatMap((a) => (a.entityId ? [a.entityId] : [])) }, ...readable },
        select: { id: true, title: true },
      })
    ).map((a) => [a.id, a.title]),
  );
  return {
    counts: { draft: count("DRAFT"), inReview: count("IN_REVIEW"), published: count("PUBLISHED"), archived: count("ARCHIVED") },
    awaitingReview: awaitingReview.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString(), mine: a.createdById === me })),
    mySubmissions: mine.map(({ comments: [latest], ...a }) => ({
      ...a,
      updatedAt: a.updatedAt.toISOString(),
      latestComment: latest ? { ...latest, createdAt: latest.createdAt.toISOString() } : null,
    })),
    recentActivity: activity
      .filter((entry) => entry.entityId && titles.has(entry.entityId))
      .map((entry) => ({
        id: entry.id.toString(),
        at: entry.at.toISOString(),
        action: entry.action,
        actor: entry.actorLabel,
        recordId: entry.entityId,
        recordTitle: entry.entityId ? (titles.get(entry.entityId) ?? null) : null,
      })),
    published: { byCountry: facets.country, bySector: facets.sector, byYear: facets.year, byPartner: facets.partner, total: facets.total },
  };
}
