import type { z } from "zod";
import type { OrganizationKind, PartySide } from "../../generated/prisma/enums";
import type { ZAgreementInput } from "../../validators/agreement-editing";

/** An organisation the tracker already knows, as intake sees it. */
export interface RegistryOrganization {
  id: string;
  name: string;
  aliases: string[];
  kind: OrganizationKind;
  /** Null for bodies of several states (the African Union, ECOWAS) and for consortia. */
  countryCode: string | null;
  /** For a body without a country: the side it stands on (AFRICA for the African Union). */
  side?: PartySide;
}

export interface RegistryCountry {
  code: string;
  names: { en: string; fr: string; pt: string; ru: string };
}

/** What intake knows before reading: organisations and states, held in memory. */
export interface IntakeRegistry {
  organizations: RegistryOrganization[];
  countries: RegistryCountry[];
}

/** A value proposed from the report's own words: `text.slice(start, end) === quote`. */
export interface TextEvidence {
  field: string;
  start: number;
  end: number;
  quote: string;
}

/** A value taken from the registry (an organisation's country), citing the entry. */
export interface RegistryEvidence {
  field: string;
  organizationId: string;
}

export type Evidence = TextEvidence | RegistryEvidence;

/** `data` for `agreement.create`, as intake proposes it. */
export type DraftAgreement = z.input<typeof ZAgreementInput>;

export interface ProposedPerson {
  name: string;
  title?: string;
  organization?: string;
  countryCode?: string;
  evidence: TextEvidence[];
}

export interface ProposedOrganization {
  name: string;
  aliases?: string[];
  /** The registry's organisation, or null for one the report names and the registry lacks. */
  id: string | null;
  kind?: OrganizationKind;
  countryCode?: string;
  evidence: TextEvidence[];
}

export interface Proposal {
  draft: DraftAgreement;
  evidence: Evidence[];
  people: ProposedPerson[];
  organizations: ProposedOrganization[];
}

export interface RecordMatch {
  id: string;
  slug: string;
  title: string;
  state: string;
  /** 0..1: how much of the event the two have in common. */
  score: number;
  /** True only when the record is confidently the event the report describes. */
  sameEvent: boolean;
  reasons: string[];
}

export interface IntakeAnalysis {
  language: string;
  /** The reduced text, when the input was HTML: evidence offsets point into it. */
  text?: string;
  /** Null when the report is in a language intake does not read, or describes no cooperation event. */
  proposal: Proposal | null;
  otherEvents: Proposal[];
  matches: RecordMatch[];
}
