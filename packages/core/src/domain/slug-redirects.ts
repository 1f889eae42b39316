// A record's slug is its public address: once readers may have seen it, it keeps answering.
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { InvalidInputError } from "./errors";

type Tx = Prisma.TransactionClient;

/** Refuses a slug that is another record's address, now or formerly. */
export async function assertSlugFree(tx: Db | Tx, slug: string, agreementId: string | null): Promise<void> {
  const [record, redirect] = await Promise.all([
    tx.agreement.findUnique({ where: { slug }, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { slug }, select: { agreementId: true } }),
  ]);
  if (record && record.id !== agreementId) throw new InvalidInputError(["data", "slug"], `"${slug}" is the address of another record`);
  if (redirect && redirect.agreementId !== agreementId)
    throw new InvalidInputError(["data", "slug"], `"${slug}" is a former address of another record, which still leads there`);
}

/**
 * Inside the saving transaction: gives the record a new slug. A record that was ever published
 * keeps its old slug as a redirect; a redirect to the new slug (a return to an old one) goes.
 */
export async function changeAgreementSlug(tx: Tx, agreementId: string, slug: string): Promise<void> {
  const current = await tx.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { slug: true, publishedAt: true } });
  if (current.slug === slug) return;
  await assertSlugFree(tx, slug, agreementId);
  await tx.slugRedirect.deleteMany({ where: { slug } });
  await tx.agreement.update({ where: { id: agreementId }, data: { slug } });
  if (current.publishedAt)
    await tx.slugRedirect.upsert({ where: { slug: current.slug }, create: { slug: current.slug, agreementId }, update: { agreementId } });
}
