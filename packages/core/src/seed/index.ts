import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { auditActor, type SystemActor } from "../domain/access";
import { assertKnownReferences, insertDraftAgreement, claimNextVersion, saveAgreementVersion } from "../domain/agreement-editing";
import { writeAudit } from "../domain/audit";
import { registryAliases, ZOrganizationRegistrySeed } from "../domain/intake/registry-seed";
import { insertOrganization } from "../domain/organizations";
import { currentRecordInput } from "../domain/revision-history";
import { syncPublicFacetCounts } from "../domain/public-facet-counts";
import { recordRevision } from "../domain/revisions";
import { enqueueRecordEvent } from "../domain/webhook-outbox";
import { repoRoot } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { OrganizationKind, PartySide, Region } from "../generated/prisma/enums";
import { ZCountryCode, ZSectorSlug, ZSlug } from "../validators/common";
import { type TAgreementData, ZAgreementInput, ZOrganizationInput } from "../validators/agreement-editing";
import type { Db } from "../db/client";

type Tx = Prisma.TransactionClient;

const SEED_DIR = path.join(repoRoot, "prisma", "seed");
/** The application loading its founding data: audit rows say "seed"; records carry no person's id. */
const SEED_ACTOR: SystemActor = { kind: "system", name: "seed", ip: null };

const ZNames = z.object({ en: z.string().min(1), fr: z.string().min(1), pt: z.string().min(1), ru: z.string().min(1) });
const ZSeedCountries = z.array(z.object({ code: ZCountryCode, region: z.enum(Region), names: ZNames }));
const ZSeedSectors = z.array(z.object({ slug: ZSectorSlug, names: ZNames }));

/**
 * prisma/seed/agreements.json: the founding records, each `data` an `agreement.create` input
 * except that parties name organisations by slug, sources name their report (a file under
 * prisma/seed/reports, stored as the source's text) and citations give only the quote, which
 * must stand exactly once in the report.
 */
const ZSeedRecords = z.object({
  organizations: z.array(
    z.object({
      slug: ZSlug,
      name: z.string().min(1),
      aliases: z.array(z.string()),
      kind: z.enum(OrganizationKind),
      country: ZCountryCode.nullable(),
      side: z.enum(PartySide).optional(),
      members: z.array(ZSlug).optional(),
    }),
  ),
  agreements: z.array(
    z.object({
      slug: ZSlug,
      /** Slugs the record was published under before: found by them, renamed, and redirected from. */
      formerSlugs: z.array(ZSlug).default([]),
      data: z.looseObject({
        parties: z.array(z.looseObject({ organization: ZSlug.nullish() })),
        sources: z.array(
          z.looseObject({
            report: z
              .string()
              .regex(/^[a-z0-9-]+\.txt$/)
              .optional(),
          }),
        ),
        citations: z.array(z.object({ field: z.string(), quote: z.string().min(1), source: z.number().int().min(0).default(0) })).default([]),
      }),
    }),
  ),
});
type SeedRecord = z.output<typeof ZSeedRecords>["agreements"][number];

async function readSeedText(...parts: string[]): Promise<string> {
  return fs.readFile(path.join(SEED_DIR, ...parts), "utf8");
}

function parseSeed<T extends z.ZodType>(name: string, text: string, schema: T): z.output<T> {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`prisma/seed/${name}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Everything the versioned part of the seed reads, and its version: the hash of it all. */
async function readFoundingData() {
  const recordsText = await readSeedText("agreements.json");
  const registryText = await readSeedText("organization-registry.json");
  const records = parseSeed("agreements.json", recordsText, ZSeedRecords);
  const registry = parseSeed("organization-registry.json", registryText, ZOrganizationRegistrySeed);
  const reportNames = [
    ...new Set(records.agreements.flatMap((record) => record.data.sources.flatMap((source) => (source.report ? [source.report] : [])))),
  ].sort();
  const reports = new Map(await Promise.all(reportNames.map(async (name) => [name, await readSeedText("reports", name)] as const)));
  const hash = createHash("sha256").update(recordsText).update(registryText);
  for (const name of reportNames) hash.update(name).update(reports.get(name)!);
  return { records, registry, reports, version: hash.digest("hex") };
}
type FoundingData = Awaited<ReturnType<typeof readFoundingData>>;

/**
 * Loads the taxonomy, the organisation registry and the founding records. Countries and
 * sectors are upserted at every run. Each version of the founding data (a hash of the files)
 * is applied once, through the same domain functions and input schema as `agreement.create`
 * and `agreement.update`, and never against what people curated:
 * - an organisation is created only when none has its slug, name or an alias, and none of its
 *   slug was merged away (its records then point at the one it was merged into); existing
 *   organisations and a consortium's members are left as editors keep them;
 * - a record is created when neither its slug nor a former one is known; a record only the seed
 *   ever wrote is brought to the file's version (renamed, its old slug redirecting); a record a
 *   person has changed, deleted or moved through the workflow is left as it is.
 */
export async function seedDatabase(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  const countries = parseSeed("countries.json", await readSeedText("countries.json"), ZSeedCountries);
  const sectors = parseSeed("sectors.json", await readSeedText("sectors.json"), ZSeedSectors);
  const nameColumns = (names: z.infer<typeof ZNames>) => ({ nameEn: names.en, nameFr: names.fr, namePt: names.pt, nameRu: names.ru });
  await db.$transaction([
    ...countries.map((c) =>
      db.country.upsert({
        where: { code: c.code },
        create: { code: c.code, region: c.region, ...nameColumns(c.names) },
        update: { region: c.region, ...nameColumns(c.names) },
      }),
    ),
    ...sectors.map((s) => db.sector.upsert({ where: { slug: s.slug }, create: { slug: s.slug, ...nameColumns(s.names) }, update: nameColumns(s.names) })),
  ]);
  const taxonomy = `${countries.length} countries, ${sectors.length} sectors`;

  const founding = await readFoundingData();
  const short = founding.version.slice(0, 12);
  if (await db.seedVersion.findUnique({ where: { version: founding.version } })) {
    log(`Seed: ${taxonomy}; founding data ${short} already applied.`);
    return;
  }
  // One transaction, one at a time: instances starting together apply a version once, wholly or not at all.
  const outcome = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('coop-seed'))`;
      if (await tx.seedVersion.findUnique({ where: { version: founding.version } })) return null;
      const result = await applyFoundingData(tx, founding);
      await tx.seedVersion.create({ data: { version: founding.version } });
      return result;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
  if (!outcome) {
    log(`Seed: ${taxonomy}; founding data ${short} already applied.`);
    return;
  }
  const counts = Object.entries(outcome.records)
    .map(([what, count]) => `${count} ${what}`)
    .join(", ");
  log(`Seed: ${taxonomy}, ${outcome.organizations} new organisations; founding records: ${counts} (founding data ${short}).`);
}

async function applyFoundingData(tx: Tx, founding: FoundingData) {
  const { organizationIds, created } = await seedOrganizations(tx, founding);
  const records = { created: 0, corrected: 0, unchanged: 0, "kept as people edited them": 0 };
  for (const record of founding.records.agreements) {
    const outcome = await seedRecord(tx, toAgreementInput(record, organizationIds, founding.reports), record);
    records[outcome] += 1;
  }
  return { organizations: created, records };
}

/** Lower-cased names and aliases of every organisation, to find one however the seed spells it. */
async function organizationsByName(tx: Tx): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for (const organization of await tx.organization.findMany({ select: { id: true, name: true, aliases: true } })) {
    for (const name of [organization.name, ...organization.aliases]) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), organization.id);
  }
  return byName;
}

/** The records' organisations, then the registry's: the id each seed slug stands for, and how many were created. */
async function seedOrganizations(tx: Tx, founding: FoundingData): Promise<{ organizationIds: Map<string, string>; created: number }> {
  const entries = [
    ...founding.records.organizations.map((org) => ({ ...org, sourceUrl: null, members: org.members ?? [] })),
    ...founding.registry.organizations.map((entry) => ({
      slug: entry.slug,
      name: entry.name,
      aliases: registryAliases(entry),
      kind: entry.kind,
      country: entry.country,
      side: entry.side,
      sourceUrl: entry.source,
      members: [] as string[],
    })),
  ];
  const slugs = entries.map((entry) => entry.slug);
  const [existing, merges, byName] = await Promise.all([
    tx.organization.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
    tx.organizationMerge.findMany({ where: { mergedSlug: { in: slugs } }, select: { mergedSlug: true, targetId: true } }),
    organizationsByName(tx),
  ]);
  const organizationIds = new Map([
    ...existing.map((org) => [org.slug, org.id] as const),
    ...merges.map((merge) => [merge.mergedSlug, merge.targetId] as const),
  ]);
  const createdSlugs = new Set<string>();
  for (const entry of entries) {
    const known = organizationIds.get(entry.slug) ?? [entry.name, ...entry.aliases].map((name) => byName.get(name.toLowerCase())).find(Boolean);
    if (known) {
      organizationIds.set(entry.slug, known);
      continue;
    }
    const data = ZOrganizationInput.parse({
      name: entry.name,
      aliases: entry.aliases,
      kind: entry.kind,
      countryCode: entry.country,
      side: entry.side ?? null,
      sourceUrl: entry.sourceUrl,
    });
    const id = await insertOrganization(tx, SEED_ACTOR, data, entry.slug);
    organizationIds.set(entry.slug, id);
    for (const name of [entry.name, ...entry.aliases]) byName.set(name.toLowerCase(), id);
    createdSlugs.add(entry.slug);
  }
  // A consortium's members are seeded with it only: members an editor removed stay removed.
  const memberships = entries
    .filter((entry) => createdSlugs.has(entry.slug))
    .flatMap((entry) =>
      entry.members.map((member) => ({ consortiumId: organizationIds.get(entry.slug)!, memberId: organizationIdOf(organizationIds, member) })),
    );
  await tx.consortiumMembership.createMany({ data: memberships, skipDuplicates: true });
  return { organizationIds, created: createdSlugs.size };
}

function organizationIdOf(organizationIds: Map<string, string>, slug: string): string {
  const id = organizationIds.get(slug);
  if (!id) throw new Error(`prisma/seed/agreements.json names an unknown organisation "${slug}"`);
  return id;
}

/** A seed record as `agreement.create` input: organisations by id, reports as source texts, citations with their offsets. */
function toAgreementInput(record: SeedRecord, organizationIds: Map<string, string>, reports: Map<string, string>): TAgreementData {
  const { parties, sources, citations, ...rest } = record.data;
  const texts = sources.map((source) => (source.report ? reports.get(source.report)! : null));
  const input = {
    ...rest,
    slug: record.slug,
    parties: parties.map(({ organization, ...party }) => ({ ...party, organizationId: organization ? organizationIdOf(organizationIds, organization) : null })),
    sources: sources.map(({ report: _report, ...source }, index) => ({ ...source, text: texts[index] })),
    citations: citations.map((citation, index) => {
      const text = texts[citation.source] ?? "";
      const start = text.indexOf(citation.quote);
      if (start === -1 || text.indexOf(citation.quote, start + 1) !== -1) {
        throw new Error(
          `prisma/seed/agreements.json, record ${record.slug}, citations.${index}: the quote must stand exactly once in its report: "${citation.quote}"`,
        );
      }
      return { ...citation, start, end: start + citation.quote.length };
    }),
  };
  const parsed = ZAgreementInput.safeParse(input);
  if (!parsed.success) throw new Error(`prisma/seed/agreements.json, record ${record.slug}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A value without its empty (null or absent) fields, so the two compare alike. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (inner == null ? [] : [[key, withoutEmpty(inner)]])));
  }
  return value;
}

/** What two versions of a record must share to be the same content: no storage ids, slug or timeline request; unordered parts sorted. */
function comparable(data: TAgreementData): string {
  const { statusChange: _statusChange, slug: _slug, sources, sectors, translations, ...rest } = data;
  const content = {
    ...rest,
    sectors: [...sectors].sort(),
    translations: [...translations].sort((a, b) => a.locale.localeCompare(b.locale)),
    sources: sources.map(({ id: _id, ...source }) => source),
  };
  return JSON.stringify(withoutEmpty(content));
}

async function seedRecord(tx: Tx, data: TAgreementData, record: SeedRecord): Promise<"created" | "corrected" | "unchanged" | "kept as people edited them"> {
  await assertKnownReferences(tx, data, ["data"]);
  const addresses = [record.slug, ...record.formerSlugs];
  const select = { id: true, slug: true, state: true, status: true, version: true, updatedById: true, deletedAt: true } as const;
  const stored =
    (await tx.agreement.findFirst({ where: { slug: { in: addresses } }, select })) ??
    (await tx.agreement.findFirst({ where: { redirects: { some: { slug: { in: addresses } } } }, select }));
  if (!stored) {
    const id = await insertDraftAgreement(tx, SEED_ACTOR, data);
    // The founding records are published as they are loaded.
    await claimNextVersion(tx, SEED_ACTOR, id, 1, { state: "PUBLISHED", publishedAt: new Date() });
    // Earlier versions of the product published these records under their former slugs: links to those still lead here.
    await tx.slugRedirect.createMany({ data: record.formerSlugs.map((slug) => ({ slug, agreementId: id })), skipDuplicates: true });
    await recordRevision(tx, { agreementId: id, authorId: null, summary: "Published from the founding news reports" });
    await enqueueRecordEvent(tx, "record.published", id);
    await syncPublicFacetCounts(tx, [id]);
    await writeAudit(tx, { ...auditActor(SEED_ACTOR), action: "agreement.seed", entityType: "Agreement", entityId: id });
    return "created";
  }
  // Whatever a person (or an app) did to the record since, including deleting it, stands.
  if (stored.updatedById !== null || stored.deletedAt) return "kept as people edited them";
  const storedData = ZAgreementInput.safeParse(await currentRecordInput(tx, stored.id));
  if (stored.slug === record.slug && storedData.success && comparable(storedData.data) === comparable(data)) return "unchanged";
  // Sources keep their ids, so the timeline keeps citing them.
  const storedSources = storedData.success ? storedData.data.sources : [];
  const sources = data.sources.map((source, index) => ({ ...source, id: storedSources[index]?.id }));
  await saveAgreementVersion(tx, SEED_ACTOR, {
    id: stored.id,
    expectedVersion: stored.version,
    data: { ...data, sources },
    previous: stored,
    summary: "Corrected from the founding news reports",
    action: "agreement.seed.correct",
  });
  return "corrected";
}
