import type { z } from "zod";
import { type Actor, actorId } from "../auth/access";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { ZEditorListInput } from "../validators/editorial";
import { agreementFilterConditions } from "./agreement-filters";
import { actorLabels } from "./actors";
import { CursorValue, decodeCursor, encodeCursor } from "./cursor";

/** Every record an editor may work on, any state, most recently changed first, by keyset pages. */
export async function listAgreementsForEditors(db: Db, actor: Actor, rawInput: z.input<typeof ZEditorListInput>) {
  const input = ZEditorListInput.parse(rawInput);
  const cursor = input.cursor ? decodeCursor(input.cursor, "updated", CursorValue.timestamp) : null;
  const conditions = [
    ...agreementFilterConditions(input),
    ...(input.includeDeleted ? [] : [Prisma.sql`a."deletedAt" IS NULL`]),
    ...(input.state?.length ? [Prisma.sql`a."state"::text = ANY(${input.state}::text[])`] : []),
    ...(input.mine ? [Prisma.sql`a."createdById" = ${actorId(actor) ?? ""}`] : []),
    ...(cursor ? [Prisma.sql`(a."updatedAt", a.id) < (${cursor.v}::timestamp, ${cursor.id}::uuid)`] : []),
  ];
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<
    {
      id: string; slug: string; title: string; state: string; status: string; kind: string; version: number;
      africanCountryCodes: string[]; partnerCountryCodes: string[]; sectorSlugs: string[];
      signedOn: Date | null; updatedAt: Date; updatedById: string | null; deletedAt: Date | null;
    }[]
  >`
    SELECT a.id, a.slug, a.title, a.state::text, a.status::text, a.kind::text, a.version,
           a."africanCountryCodes", a."partnerCountryCodes", a."sectorSlugs", a."signedOn", a."updatedAt", a."updatedById", a."deletedAt"
    FROM "Agreement" a ${where}
    ORDER BY a."updatedAt" DESC, a.id DESC
    LIMIT ${input.limit + 1}`;
  const page = rows.slice(0, input.limit);
  const labels = await actorLabels(db, page.map((row) => row.updatedById));
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      signedOn: row.signedOn?.toISOString().slice(0, 10) ?? null,
      updatedAt: row.updatedAt.toISOString(),
      deletedAt: row.deletedAt?.toISOString() ?? null,
      updatedBy: row.updatedById ? (labels.get(row.updatedById) ?? row.updatedById) : null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ k: "updated", v: last.updatedAt.toISOString(), id: last.id }) : null,
  };
}
