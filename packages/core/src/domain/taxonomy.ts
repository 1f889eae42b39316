import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { Lang } from "../validators/common";
import { InvalidInputError } from "./errors";

type Names = { nameEn: string; nameFr: string; namePt: string; nameRu: string };

export function localName(names: Names, lang: Lang = "en"): string {
  return { en: names.nameEn, fr: names.nameFr, pt: names.namePt, ru: names.nameRu }[lang];
}

function allNames(names: Names) {
  return { en: names.nameEn, fr: names.nameFr, pt: names.namePt, ru: names.nameRu };
}

export async function listCountries(db: Db, lang: Lang = "en") {
  const countries = await db.country.findMany({ orderBy: { code: "asc" } });
  return countries
    .map((country) => ({
      code: country.code,
      name: localName(country, lang),
      names: allNames(country),
      region: country.region,
      isPartner: country.region === "EUROPE",
    }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

export async function listSectors(db: Db, lang: Lang = "en") {
  const sectors = await db.sector.findMany({ orderBy: { slug: "asc" } });
  return sectors
    .map((sector) => ({ slug: sector.slug, name: localName(sector, lang), names: allNames(sector) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

interface KnownKeys {
  countries: Set<string>;
  sectors: Set<string>;
  loadedAt: number;
}

const KNOWN_KEYS_TTL_MS = 60_000;
const knownKeysByDb = new WeakMap<Db | Prisma.TransactionClient, Promise<KnownKeys>>();

/** Country codes and sector slugs, cached briefly: they change only with a migration or seed. */
export async function knownTaxonomyKeys(db: Db | Prisma.TransactionClient): Promise<KnownKeys> {
  const cached = await knownKeysByDb.get(db)?.catch(() => undefined);
  if (cached && Date.now() - cached.loadedAt < KNOWN_KEYS_TTL_MS) return cached;
  const loading = Promise.all([db.country.findMany({ select: { code: true } }), db.sector.findMany({ select: { slug: true } })]).then(
    ([countries, sectors]) => ({
      countries: new Set(countries.map((c) => c.code)),
      sectors: new Set(sectors.map((s) => s.slug)),
      loadedAt: Date.now(),
    }),
  );
  knownKeysByDb.set(db, loading);
  return loading;
}

/** Refuses country codes and sector slugs that the taxonomy does not know, naming the field. */
export async function assertKnownTaxonomy(db: Db, filters: { country?: string[]; partner?: string[]; sector?: string[] }): Promise<void> {
  const { countries, sectors } = await knownTaxonomyKeys(db);
  const check = (field: string, values: string[] | undefined, known: Set<string>, what: string) =>
    values?.forEach((value, index) => {
      if (!known.has(value)) throw new InvalidInputError([field, index], `unknown ${what} "${value}"`);
    });
  check("country", filters.country, countries, "country code");
  check("partner", filters.partner, countries, "country code");
  check("sector", filters.sector, sectors, "sector");
}
