import type { AgreementKind, PartyRole, PartySide } from "../../generated/prisma/enums";
import { isActor, type EntityMention } from "./entities";
import type { SentenceFacts } from "./events";
import type { Person } from "./people";
import type { Evidence, RegistryOrganization } from "./types";

/** A party as intake proposes it, with where each of its values comes from. */
export interface ProposedParty {
  organization: RegistryOrganization | null;
  countryCode: string | null;
  side: PartySide;
  role: PartyRole;
  representative?: { name: string; title?: string; nameSpan: Span; titleSpan?: Span };
  /** Where the party is named; where its country and side come from. */
  mention: Span;
  countryFrom: Span | "registry" | null;
  sideFrom: Span | "registry";
}

interface Span {
  start: number;
  end: number;
}

const PARTNER_STATES = new Set(["RU", "BY"]);
/** How far after an organisation a nationality word still describes it: "the CyberZim Consortium, a grouping of Russian partners". */
const DESCRIPTION_REACH = 120;

export function sideOfCountry(code: string): PartySide {
  return PARTNER_STATES.has(code) ? "PARTNER" : "AFRICA";
}

/** The side an entity stands on, when the registry or the state says so. */
export function sideOfEntity(entity: EntityMention): PartySide | null {
  if (entity.value.type === "pair") return null;
  if (entity.value.type === "country") return sideOfCountry(entity.value.code);
  const organization = entity.value.organization;
  if (organization.countryCode) return sideOfCountry(organization.countryCode);
  return organization.side ?? null;
}

/**
 * The parties of an event: every registered organisation its sentences name (and those named
 * beside one of them, "the CyberZim Consortium, which includes KOMIB…"), then every state
 * named as an actor that no organisation already stands for.
 */
export function proposeParties(
  anchors: SentenceFacts[],
  context: SentenceFacts[],
  signed: boolean,
  people: Person[],
  kind: AgreementKind,
  pairStates: string[],
): ProposedParty[] {
  const parties: ProposedParty[] = [];
  const signingSentences = new Set(
    anchors.filter((a) => a.cues.some((cue) => cue.value.role === "action" && cue.value.status === "SIGNED")).map((a) => a.sentence.index),
  );
  const titles = people.flatMap((person) => person.mentions.flatMap((mention) => (mention.title ? [mention.title] : [])));
  const addOrganization = (entity: EntityMention, facts: SentenceFacts) => {
    if (entity.value.type !== "organization" || !isActor(entity)) return;
    // "Grigory Nazarov, head of NovaWind" names where a person works; only a signatory's employer is a party by that alone.
    const inTitle = titles.some((title) => title.start <= entity.start && entity.end <= title.end);
    if (inTitle && !facts.cues.some((cue) => cue.value.role === "action")) return;
    const organization = entity.value.organization;
    if (parties.some((party) => party.organization?.id === organization.id)) return;
    const placed: { side: PartySide; from: Span | "registry" } | null = organization.countryCode
      ? { side: sideOfCountry(organization.countryCode), from: "registry" }
      : organization.side
        ? { side: organization.side, from: "registry" }
        : describedSide(entity, facts);
    if (!placed) return;
    parties.push({
      organization,
      countryCode: organization.countryCode,
      side: placed.side,
      role: signed && signingSentences.has(facts.sentence.index) ? "SIGNATORY" : "PARTICIPANT",
      mention: entity,
      countryFrom: organization.countryCode ? "registry" : null,
      sideFrom: placed.from,
    });
  };
  for (const facts of anchors) for (const entity of facts.entities) addOrganization(entity, facts);
  const known = () => new Set(parties.map((party) => party.organization?.id));
  for (const facts of context) {
    const ids = known();
    // "The memorandum, between Rosatom and Niger's energy ministry, covers…": a sentence about the event's document.
    const aboutDocument = facts.cues.some((cue) => cue.value.role === "document" && cue.value.kind === kind && kind !== "AGREEMENT");
    if (aboutDocument || facts.entities.some((entity) => entity.value.type === "organization" && ids.has(entity.value.organization.id))) {
      for (const entity of facts.entities) addOrganization(entity, facts);
    }
  }
  for (const facts of anchors) {
    for (const entity of facts.entities) {
      if (entity.value.type === "organization" || !isActor(entity)) continue;
      // "the two countries" stands for the states of the report's main event, each cited by that phrase.
      const codes = entity.value.type === "country" ? [entity.value.code] : pairStates;
      for (const code of codes) {
        if (parties.some((party) => party.countryCode === code)) continue;
        const role = signed && signingSentences.has(facts.sentence.index) ? "SIGNATORY" : "PARTICIPANT";
        parties.push({ organization: null, countryCode: code, side: sideOfCountry(code), role, mention: entity, countryFrom: entity, sideFrom: entity });
      }
    }
  }
  assignRepresentatives(parties, anchors, people);
  // Africa first, then partners: the order editors list parties in.
  return parties.sort((a, b) => (a.side === b.side ? 0 : a.side === "AFRICA" ? -1 : 1));
}

/** "a grouping predominantly composed of Russian cybersecurity partners": the side a nationality word after a body gives it. */
function describedSide(entity: EntityMention, facts: SentenceFacts): { side: PartySide; from: Span } | null {
  const described = facts.entities.find(
    (other) => other.value.type === "country" && other.value.form === "adjective" && other.start > entity.end && other.start - entity.end <= DESCRIPTION_REACH,
  );
  return described?.value.type === "country" ? { side: sideOfCountry(described.value.code), from: described } : null;
}

/** A person speaking for a party in the event's own sentences: named with the party's organisation or state in their title. */
function assignRepresentatives(parties: ProposedParty[], anchors: SentenceFacts[], people: Person[]): void {
  const anchorSentences = new Set(anchors.map((a) => a.sentence.index));
  for (const person of people) {
    for (const mention of person.mentions) {
      if (!anchorSentences.has(mention.sentence) || !mention.title) continue;
      const party =
        parties.find((p) => mention.organization && p.organization?.id === mention.organization.organization.id) ??
        parties.find((p) => !p.organization && mention.country && p.countryCode === mention.country.code);
      if (!party || party.representative) continue;
      party.representative = { name: mention.name, title: mention.title.text, nameSpan: mention, titleSpan: mention.title };
    }
  }
}

/** Evidence for each value of the parties, by path into the draft. */
export function partyEvidence(text: string, parties: ProposedParty[]): Evidence[] {
  const quote = (field: string, span: Span) => ({ field, start: span.start, end: span.end, quote: text.slice(span.start, span.end) });
  return parties.flatMap((party, i) => {
    const evidence: Evidence[] = [];
    if (party.organization) evidence.push(quote(`parties.${i}.organizationId`, party.mention));
    if (party.countryFrom === "registry") evidence.push({ field: `parties.${i}.countryCode`, organizationId: party.organization!.id });
    else if (party.countryFrom) evidence.push(quote(`parties.${i}.countryCode`, party.countryFrom));
    evidence.push(
      party.sideFrom === "registry" ? { field: `parties.${i}.side`, organizationId: party.organization!.id } : quote(`parties.${i}.side`, party.sideFrom),
    );
    evidence.push(quote(`parties.${i}.role`, party.mention));
    if (party.representative) {
      evidence.push(quote(`parties.${i}.representativeName`, party.representative.nameSpan));
      if (party.representative.titleSpan) evidence.push(quote(`parties.${i}.representativeTitle`, party.representative.titleSpan));
    }
    return evidence;
  });
}
