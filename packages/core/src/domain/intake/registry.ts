import type { Db } from "../../db/client";
import type { IntakeRegistry } from "./types";

/**
 * The registry intake reads against, from the database: every organisation with its aliases,
 * and every state with its names. A body without a country carries its side when the registry
 * knows it (the African Union); otherwise the side is read from the report ("a consortium of
 * Russian partners").
 */
export async function loadIntakeRegistry(db: Db): Promise<IntakeRegistry> {
  const [organizations, countries] = await Promise.all([
    db.organization.findMany({ select: { id: true, name: true, aliases: true, kind: true, countryCode: true, side: true }, orderBy: { name: "asc" } }),
    db.country.findMany({ select: { code: true, nameEn: true, nameFr: true, namePt: true, nameRu: true } }),
  ]);
  return {
    organizations: organizations.map(({ side, ...organization }) => ({ ...organization, ...(side ? { side } : {}) })),
    countries: countries.map((country) => ({ code: country.code, names: { en: country.nameEn, fr: country.nameFr, pt: country.namePt, ru: country.nameRu } })),
  };
}
