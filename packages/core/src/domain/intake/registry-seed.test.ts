import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../env";
import { registryFromSeedFiles, ZOrganizationRegistrySeed } from "./registry-seed";

describe("the organisation registry seed", () => {
  const seed = ZOrganizationRegistrySeed.parse(JSON.parse(fs.readFileSync(path.join(repoRoot, "prisma/seed/organization-registry.json"), "utf8")));

  it("names Russian and Belarusian bodies and African regional bodies, each with a public source and names in four languages", () => {
    const countries = new Set(seed.organizations.map((entry) => entry.country));
    expect([...countries].sort()).toEqual(["BY", "RU", null].sort());
    for (const entry of seed.organizations) {
      expect(entry.source).toMatch(/^https:\/\//);
      expect(entry.aliases.ru.length, entry.slug).toBeGreaterThan(0);
      expect(entry.aliases.fr.length + entry.aliases.pt.length, entry.slug).toBeGreaterThan(0);
    }
    expect(new Set(seed.organizations.map((entry) => entry.slug)).size).toBe(seed.organizations.length);
  });

  it("gives every regional body the African side and no country", () => {
    const regional = seed.organizations.filter((entry) => entry.country === null);
    expect(regional.map((entry) => entry.slug)).toEqual(
      expect.arrayContaining(["african-union", "afripol", "afcone", "smart-africa", "ecowas", "sadc", "alliance-of-sahel-states"]),
    );
    expect(regional.every((entry) => entry.side === "AFRICA")).toBe(true);
  });

  it("builds a registry with the seeded records' organisations and all 56 states", () => {
    const registry = registryFromSeedFiles();
    expect(registry.countries).toHaveLength(56);
    expect(registry.organizations.find((organization) => organization.name === "CyberZim Consortium")).toMatchObject({ kind: "CONSORTIUM", countryCode: null });
    expect(new Set(registry.organizations.map((organization) => organization.id)).size).toBe(registry.organizations.length);
  });
});
