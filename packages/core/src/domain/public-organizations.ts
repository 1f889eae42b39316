import type { z } from "zod";
import type { Db } from "../db/client";
import { ZOrganizationBySlugInput } from "../validators/agreement";
import { NotFoundError } from "./errors";

/**
 * An organisation as the public sees it: only one that is a party to at least one
 * published record, so organisations named only in drafts stay unknown.
 */
export async function getPublicOrganization(db: Db, rawInput: z.input<typeof ZOrganizationBySlugInput>) {
  const input = ZOrganizationBySlugInput.parse(rawInput);
  const organization = await db.organization.findFirst({
    where: { slug: input.slug, parties: { some: { agreement: { state: "PUBLISHED", deletedAt: null } } } },
    select: {
      slug: true,
      name: true,
      aliases: true,
      kind: true,
      countryCode: true,
      website: true,
      members: { select: { member: { select: { slug: true, name: true } } }, orderBy: { member: { name: "asc" } } },
      memberships: { select: { consortium: { select: { slug: true, name: true } } }, orderBy: { consortium: { name: "asc" } } },
    },
  });
  if (!organization) throw new NotFoundError(`No organisation with the slug "${input.slug}" is party to a published record`);
  const { members, memberships, ...rest } = organization;
  return {
    ...rest,
    members: members.map(({ member }) => member),
    consortia: memberships.map(({ consortium }) => consortium),
  };
}
