import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { repoRoot } from "../../env";
import { OrganizationKind, PartySide } from "../../generated/prisma/enums";
import { ZWebUrl } from "../../validators/agreement-editing";
import { ZCountryCode, ZSlug } from "../../validators/common";
import type { IntakeRegistry, RegistryOrganization } from "./types";

const ZAliases = z.object({ en: z.array(z.string().min(1)), fr: z.array(z.string().min(1)), pt: z.array(z.string().min(1)), ru: z.array(z.string().min(1)) });

/** prisma/seed/organization-registry.json: every entry names its country (or its side, for a body of several states) and cites a public page. */
export const ZOrganizationRegistrySeed = z.object({
  description: z.string(),
  organizations: z.array(
    z
      .object({
        slug: ZSlug,
        name: z.string().min(1),
        kind: z.enum(OrganizationKind),
        country: ZCountryCode.nullable(),
        side: z.enum(PartySide).optional(),
        aliases: ZAliases,
        source: ZWebUrl,
      })
      .refine((entry) => entry.country !== null || entry.side, { message: "a body without a country needs its side", path: ["side"] }),
  ),
});

const ZCountries = z.array(z.object({ code: ZCountryCode, names: z.object({ en: z.string(), fr: z.string(), pt: z.string(), ru: z.string() }) }));
const ZSeedRecordOrganizations = z.object({
  organizations: z.array(
    z.object({ slug: ZSlug, name: z.string(), aliases: z.array(z.string()), kind: z.enum(OrganizationKind), country: ZCountryCode.nullable() }),
  ),
});

/** A stable id for a seeded organisation without a database: the same slug always gives the same UUID. */
export function seedOrganizationId(slug: string): string {
  const hex = createHash("sha256").update(`organization:${slug}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function readSeed(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, "prisma/seed", name), "utf8"));
}

/** A registry entry's aliases in every language, each once. */
export function registryAliases(entry: z.infer<typeof ZOrganizationRegistrySeed>["organizations"][number]): string[] {
  return [...new Set([...entry.aliases.en, ...entry.aliases.fr, ...entry.aliases.pt, ...entry.aliases.ru])];
}

/**
 * The registry as the seed files describe it (countries, the organisation registry and the
 * seeded records' organisations), with ids made from slugs: for tests and benchmarks, which
 * run without a database.
 */
export function registryFromSeedFiles(): IntakeRegistry {
  const registry = ZOrganizationRegistrySeed.parse(readSeed("organization-registry.json"));
  const records = ZSeedRecordOrganizations.parse(readSeed("agreements.json"));
  const organizations: RegistryOrganization[] = [
    ...registry.organizations.map((entry) => ({
      id: seedOrganizationId(entry.slug),
      name: entry.name,
      aliases: registryAliases(entry),
      kind: entry.kind,
      countryCode: entry.country,
      ...(entry.side ? { side: entry.side } : {}),
    })),
    ...records.organizations.map((entry) => ({
      id: seedOrganizationId(entry.slug),
      name: entry.name,
      aliases: entry.aliases,
      kind: entry.kind,
      countryCode: entry.country,
    })),
  ];
  return { organizations, countries: ZCountries.parse(readSeed("countries.json")) };
}
