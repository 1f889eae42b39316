import type { PartySide } from "../generated/prisma/enums";

export interface IndexableParty {
  side: PartySide;
  countryCode: string | null;
  organization?: { name: string; aliases: string[]; countryCode: string | null } | null;
  representativeName?: string | null;
}

/**
 * Columns derived from an agreement's parts on every save, so the public filters
 * are array overlaps and full-text search covers names and translations.
 */
export function deriveAgreementIndex(parts: {
  parties: IndexableParty[];
  sectorSlugs: string[];
  translations: { title: string; summary: string }[];
  venue?: string | null;
  event?: string | null;
}) {
  const countriesOn = (side: PartySide) =>
    [
      ...new Set(
        parts.parties
          .filter((party) => party.side === side)
          .map((party) => party.countryCode ?? party.organization?.countryCode)
          .filter((code): code is string => Boolean(code)),
      ),
    ].sort();
  const searchExtra = [
    ...parts.parties.flatMap((party) => [party.organization?.name, ...(party.organization?.aliases ?? []), party.representativeName]),
    ...parts.translations.flatMap((translation) => [translation.title, translation.summary]),
    parts.venue,
    parts.event,
  ]
    .filter(Boolean)
    .join(" \n");
  return {
    africanCountryCodes: countriesOn("AFRICA"),
    partnerCountryCodes: countriesOn("PARTNER"),
    sectorSlugs: [...new Set(parts.sectorSlugs)].sort(),
    searchExtra,
  };
}
