import type { Actor } from "./access";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { type ImportValues, listOf } from "./import-rows";
import { findOrCreateOrganizationByName, organizationNames } from "./organizations";

type Tx = Prisma.TransactionClient;

/**
 * Organisation names in a file to ids: existing ones by name or alias (any case); a new name
 * gets a stand-in id until a row naming it is written, which creates it in that row's
 * transaction (a dry run never does).
 */
export class OrganizationResolver {
  private readonly known = new Map<string, string>();
  private readonly standIns = new Map<string, { id: string; name: string; countryCode: string | null }>();

  static async load(db: Db): Promise<OrganizationResolver> {
    const resolver = new OrganizationResolver();
    for (const organization of await db.organization.findMany({ select: { id: true, name: true, aliases: true } })) {
      for (const name of [organization.name, ...organization.aliases]) resolver.known.set(name.toLowerCase(), organization.id);
    }
    return resolver;
  }

  resolve(values: ImportValues): { AFRICA: string[]; PARTNER: string[] } {
    const side = (names: string[], countries: string[]) => names.map((name) => this.idOf(name, countries.length === 1 ? countries[0]!.toUpperCase() : null));
    return {
      AFRICA: side(listOf(values.african_organizations), listOf(values.african_countries)),
      PARTNER: side(listOf(values.partner_organizations), listOf(values.partner_countries)),
    };
  }

  private idOf(name: string, countryCode: string | null): string {
    const key = name.toLowerCase();
    const known = this.known.get(key);
    if (known) return known;
    let standIn = this.standIns.get(key);
    if (!standIn) this.standIns.set(key, (standIn = { id: crypto.randomUUID(), name, countryCode }));
    return standIn.id;
  }

  /** True when a party names an organisation the file brings, not yet written. */
  namesNewOrganization(parties: { organizationId?: string | null }[]): boolean {
    const standInIds = new Set([...this.standIns.values()].map((standIn) => standIn.id));
    return parties.some((party) => party.organizationId != null && standInIds.has(party.organizationId));
  }

  /** Inside a row's transaction: the parties with stand-ins replaced by organisations found or created now. */
  async materialize<T extends { organizationId?: string | null }>(tx: Tx, actor: Actor, parties: T[]): Promise<T[]> {
    const used = [...this.standIns.values()].filter((standIn) => parties.some((party) => party.organizationId === standIn.id));
    const real = new Map<string, string>();
    // One at a time, in name order: rows in parallel then take the name locks in one order, never deadlocking.
    for (const standIn of used.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))) {
      real.set(standIn.id, await findOrCreateOrganizationByName(tx, actor, standIn.name, standIn.countryCode));
    }
    return parties.map((party) =>
      party.organizationId && real.has(party.organizationId) ? { ...party, organizationId: real.get(party.organizationId) } : party,
    );
  }

  /** Names for a diff: stored organisations, and the new ones the file names. */
  async namesFor(db: Db | Tx, parties: { organizationId?: string | null }[]): Promise<Map<string, string>> {
    const names = await organizationNames(
      db,
      parties.flatMap((party) => (party.organizationId ? [party.organizationId] : [])),
    );
    for (const standIn of this.standIns.values()) names.set(standIn.id, `${standIn.name} (new organisation)`);
    return names;
  }
}
