import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { writeAudit } from "../domain/audit";
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
import type { Db } from "./client";

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

async function readSeedFile<T extends z.ZodType>(name: string, schema: T): Promise<z.output<T>> {
  const file = path.join(repoRoot, "prisma", "seed", name);
  const parsed = schema.safeParse(JSON.parse(await fs.readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const SEED_ACTOR = { actorLabel: "seed" };

/**
 * Loads the taxonomy and the founding records. Idempotent: countries and sectors
 * are upserted, organisations and agreements are created only when their slug is
 * new, so editors' later changes survive a re-run.
 */
export async function seedDatabase(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  const countries = await readSeedFile("countries.json", ZSeedCountries);
  const sectors = await readSeedFile("sectors.json", ZSeedSectors);
  const records = await readSeedFile("agreements.json", ZSeedRecords);

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

  for (const org of records.organizations) {
    await db.organization.upsert({
      where: { slug: org.slug },
      create: { slug: org.slug, name: org.name, aliases: org.aliases, kind: org.kind, countryCode: org.country },
      update: {},
    });
  }
  const orgs = new Map((await db.organization.findMany()).map((org) => [org.slug, org]));
  const orgId = (slug: string) => {
    const org = orgs.get(slug);
    if (!org) throw new Error(`prisma/seed/agreements.json names an unknown organisation "${slug}"`);
    return org.id;
  };
  await db.consortiumMembership.createMany({
    data: records.organizations.flatMap((org) =>
      (org.members ?? []).map((member) => ({ consortiumId: orgId(org.slug), memberId: orgId(member) })),
    ),
    skipDuplicates: true,
  });

  let created = 0;
  for (const record of records.agreements) {
    if (await db.agreement.findUnique({ where: { slug: record.slug }, select: { id: true } })) continue;
    const index = deriveAgreementIndex({
      parties: record.parties.map((party) => ({
        side: party.side,
        countryCode: party.country,
        organization: party.organization ? (orgs.get(party.organization) ?? null) : null,
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
    });
    created += 1;
  }
  log(`Seed: ${countries.length} countries, ${sectors.length} sectors, ${records.organizations.length} organisations, ${created} new agreements.`);
}
