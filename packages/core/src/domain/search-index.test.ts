import { describe, expect, it } from "vitest";
import { deriveAgreementIndex } from "./search-index";

describe("deriveAgreementIndex", () => {
  it("collects the countries on each side, from parties or their organisations", () => {
    const index = deriveAgreementIndex({
      parties: [
        { side: "AFRICA", countryCode: "ZW" },
        { side: "AFRICA", countryCode: null, organization: { name: "Ministère congolais", aliases: ["MPTEN"], countryCode: "CG" } },
        { side: "PARTNER", countryCode: "RU", representativeName: "Ilias Iskandarov" },
        { side: "PARTNER", countryCode: "RU" },
      ],
      sectorSlugs: ["cybersecurity", "agriculture", "cybersecurity"],
      translations: [{ title: "Titre", summary: "Résumé" }],
      event: "Expo 2025",
    });
    expect(index.africanCountryCodes).toEqual(["CG", "ZW"]);
    expect(index.partnerCountryCodes).toEqual(["RU"]);
    expect(index.sectorSlugs).toEqual(["agriculture", "cybersecurity"]);
    for (const text of ["Ministère congolais", "MPTEN", "Ilias Iskandarov", "Titre", "Résumé", "Expo 2025"]) {
      expect(index.searchExtra).toContain(text);
    }
  });
});
