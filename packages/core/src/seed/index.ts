import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { writeAudit } from "../domain/audit";
import { syncPublicFacetCounts } from "../domain/public-facet-counts";
import { recordRevision } from "../domain/revisions";
import { deriveAgreementIndex } from "../domain/search-index";
import { repoRoot } from "../env";
import {
  AgreementKind,
  Confidence,
  LifecycleStatus,
  Locale,
  OrganizationKind,
  PartyRole,
  PartySide,
  Region,
} from "../generated/prisma/enums";
import { ZCountryCode, ZPartialDate, ZSectorSlug, ZSlug } from "../validators/common";
import type { Db } from "../db/client";

const ZNames = z.object({ en: z.string().min(1), fr: z.string().min(1), pt: z.string().min(1), ru: z.string().min(1) });

const ZSeedCountries = z.array(z.object({ code: ZCountryCode, region: z.enum(Region), names: ZNames }));
const ZSeedSectors = z.array(z.object({ slug: ZSectorSlug, names: ZNames }));

const ZSeedRecords = z.object({
  organizations: z.array(
    z.object({
      slug: ZSlug,
      name: z.string().min(1),
      aliases: z.array(z.string()),
      kind: z.enum(OrganizationKind),
      country: ZCountryCode.nullable(),
      members: z.array(ZSlug).optional(),
    }),
  ),
  agreements: z.array(
    z.object({
      slug: ZSlug,
      title: z.string().min(1),
      summary: z.string(),
      kind: z.enum(AgreementKind),
      status: z.enum(LifecycleStatus),
      confidence: z.enum(Confidence),
      announcedOn: ZPartialDate,
      signedOn: ZPartialDate,
      venue: z.string().nullable(),
      event: z.string().nullable(),
      sectors: z.array(ZSectorSlug),
      parties: z.array(
        z.object({
          organization: ZSlug.nullable(),
          country: ZCountryCode.nullable(),
          side: z.enum(PartySide),
          role: z.enum(PartyRole),
          representativeName: z.string().optional(),
          representativeTitle: z.string().optional(),
        }),
      ),
      sources: z.array(
        z.object({
          key: z.string(),
          url: z.url().nullable(),
          publisher: z.string().nullable(),
          author: z.string().nullable(),
          title: z.string().nullable(),
          publishedOn: ZPartialDate,
          language: z.string().nullable(),
          excerpt: z.string().nullable(),
        }),
      ),
      commitments: z.array(
        z.object({
          description: z.string().min(1),
          quantity: z.number().nullable(),
          unit: z.string().nullable(),
          deadline: ZPartialDate,
          delivered: z.number().nullable(),
          source: z.string(),
        }),
      ),
      statusEvents: z.array(
        z.object({ status: z.enum(LifecycleStatus), occurredOn: ZPartialDate, note: z.string(), source: z.string() }),
      ),
      translations: z.array(z.object({ locale: z.enum(Locale), title: z.string(), summary: z.string() })).optional(),
    }),
  ),
});

async function readSeedFile<T extends z.ZodType>(name: string, schema: T): Promise<{ data: z.output<T>; hash: string }> {
  const file = path.join(repoRoot, "prisma", "seed", name);
  const text = await fs.readFile(file, "utf8");
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return { data: parsed.data, hash: createHash("sha256").update(text).digest("hex") };
}

const SEED_ACTOR = { actorLabel: "seed" };

/**
 * Loads the taxonomy and the founding records. Countries and sectors are upserted at every
 * run. Each version of the founding records (the hash of the file) is applied once: its
 * agreements are created when their slug is new, with the organisations they need. Later
 * editorial work stands: an organisation merged away is not brought back (its records point
 * at the one it was merged into), and a consortium's members are only seeded with it.
 */
export async function seedDatabase(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  const { data: countries } = await readSeedFile("countries.json", ZSeedCountries);
  const { data: sectors } = await readSeedFile("sectors.json", ZSeedSectors);
  const { data: records, hash: version } = await readSeedFile("agreements.json", ZSeedRecords);

  const nameColumns = (names: z.infer<typeof ZNames>) => ({ nameEn: names.en, nameFr: names.fr, namePt: names.pt, nameRu: names.ru });
  await db.$transaction([
    ...countries.map((c) =>
      db.country.upsert({
        where: { code: c.code },
        create: { code: c.code, region: c.region, ...nameColumns(c.names) },
        update: { region: c.region, ...nameColumns(c.names) },
      }),
    ),
    ...sectors.map((s) =>
      db.sector.upsert({ where: { slug: s.slug }, create: { slug: s.slug, ...nameColumns(s.names) }, update: nameColumns(s.names) }),
    ),
  ]);
  if (await db.seedVersion.findUnique({ where: { version } })) {
    log(`Seed: ${countries.length} countries, ${sectors.length} sectors; founding records ${version.slice(0, 12)} already applied.`);
    return;
  }

  // A database that never had organisations gets them all; later versions only what new records need.
  const fresh = (await db.organization.count()) === 0;
  const existingRecords = new Set((await db.agreement.findMany({ where: { slug: { in: records.agreements.map((a) => a.slug) } }, select: { slug: true } })).map((a) => a.slug));
  const newRecords = records.agreements.filter((record) => !existingRecords.has(record.slug));
  const membersOf = new Map(records.organizations.map((org) => [org.slug, org.members ?? []]));
  const needed = new Set(fresh ? records.organizations.map((org) => org.slug) : newRecords.flatMap((record) => record.parties.flatMap((party) => (party.organization ? [party.organization] : []))));
  for (const slug of [...needed]) for (const member of membersOf.get(slug) ?? []) needed.add(member);
  const mergedInto = new Map(
    (await db.organizationMerge.findMany({ where: { mergedSlug: { in: records.organizations.map((org) => org.slug) } }, select: { mergedSlug: true, targetId: true } })).map((merge) => [
      merge.mergedSlug,
      merge.targetId,
    ]),
  );
  const existingOrganizations = new Set((await db.organization.findMany({ where: { slug: { in: [...needed] } }, select: { slug: true } })).map((org) => org.slug));
  const createdOrganizations = new Set<string>();
  for (const org of records.organizations) {
    if (!needed.has(org.slug) || existingOrganizations.has(org.slug) || mergedInto.has(org.slug)) continue;
    await db.organization.create({ data: { slug: org.slug, name: org.name, aliases: org.aliases, kind: org.kind, countryCode: org.country } });
    createdOrganizations.add(org.slug);
  }
  const orgs = new Map((await db.organization.findMany()).map((org) => [org.slug, org]));
  const byId = new Map([...orgs.values()].map((org) => [org.id, org]));
  const organizationOf = (slug: string) => {
    const org = orgs.get(slug) ?? byId.get(mergedInto.get(slug) ?? "");
    if (!org) throw new Error(`prisma/seed/agreements.json names an unknown organisation "${slug}"`);
    return org;
  };
  const orgId = (slug: string) => organizationOf(slug).id;
  await db.consortiumMembership.createMany({
    data: records.organizations
      .filter((org) => createdOrganizations.has(org.slug))
      .flatMap((org) => (org.members ?? []).map((member) => ({ consortiumId: orgId(org.slug), memberId: orgId(member) }))),
    skipDuplicates: true,
  });

  let created = 0;
  for (const record of newRecords) {
    const index = deriveAgreementIndex({
      parties: record.parties.map((party) => ({
        side: party.side,
        countryCode: party.country,
        organization: party.organization ? organizationOf(party.organization) : null,
        representativeName: party.representativeName,
      })),
      sectorSlugs: record.sectors,
      translations: record.translations ?? [],
      venue: record.venue,
      event: record.event,
    });
    await db.$transaction(async (tx) => {
      const agreement = await tx.agreement.create({
        data: {
          slug: record.slug,
          title: record.title,
          summary: record.summary,
          kind: record.kind,
          status: record.status,
          state: "PUBLISHED",
          confidence: record.confidence,
          announcedOn: record.announcedOn.on,
          announcedPrecision: record.announcedOn.precision,
          signedOn: record.signedOn.on,
          signedPrecision: record.signedOn.precision,
          venue: record.venue,
          event: record.event,
          publishedAt: new Date(),
          ...index,
          sectors: { create: record.sectors.map((sectorSlug) => ({ sectorSlug })) },
          parties: {
            create: record.parties.map((party, position) => ({
              organizationId: party.organization ? orgId(party.organization) : null,
              countryCode: party.country,
              side: party.side,
              role: party.role,
              representativeName: party.representativeName,
              representativeTitle: party.representativeTitle,
              position,
            })),
          },
          translations: { create: record.translations ?? [] },
        },
      });
      const sourceIds = new Map<string, string>();
      for (const [position, source] of record.sources.entries()) {
        const { key, publishedOn, ...fields } = source;
        const row = await tx.source.create({
          data: {
            ...fields,
            agreementId: agreement.id,
            publishedOn: publishedOn.on,
            publishedPrecision: publishedOn.precision,
            position,
          },
        });
        sourceIds.set(key, row.id);
      }
      await tx.commitment.createMany({
        data: record.commitments.map((c, position) => ({
          agreementId: agreement.id,
          description: c.description,
          quantity: c.quantity,
          unit: c.unit,
          deadline: c.deadline.on,
          deadlinePrecision: c.deadline.precision,
          delivered: c.delivered,
          sourceId: sourceIds.get(c.source) ?? null,
          position,
        })),
      });
      await tx.statusEvent.createMany({
        data: record.statusEvents.map((e) => ({
          agreementId: agreement.id,
          status: e.status,
          occurredOn: e.occurredOn.on,
          precision: e.occurredOn.precision,
          note: e.note,
          sourceId: sourceIds.get(e.source) ?? null,
        })),
      });
      await recordRevision(tx, { agreementId: agreement.id, authorId: null, summary: "Seeded from the founding news reports" });
      await writeAudit(tx, { ...SEED_ACTOR, action: "agreement.seed", entityType: "Agreement", entityId: agreement.id });
      await syncPublicFacetCounts(tx, [agreement.id]);
    });
    created += 1;
  }
  await db.seedVersion.createMany({ data: [{ version }], skipDuplicates: true });
  log(`Seed: ${countries.length} countries, ${sectors.length} sectors, ${createdOrganizations.size} new organisations, ${created} new agreements (founding records ${version.slice(0, 12)}).`);
}
