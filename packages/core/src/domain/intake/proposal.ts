import type { AgreementKind, LifecycleStatus } from "../../generated/prisma/enums";
import type { CommitmentMention } from "./commitments";
import type { EventName } from "./event-names";
import type { ReportEvent, SentenceFacts } from "./events";
import { STATUS_RANK, type Cue } from "./lexicon/cues";
import { SECTOR_LEXICON } from "./lexicon/sectors";
import { partyEvidence, proposeParties, type ProposedParty } from "./parties";
import type { Person } from "./people";
import { PhraseMatcher, type PhraseMatch } from "./phrases";
import { spanEvidence } from "./source";
import type { DraftAgreement, Evidence, IntakeRegistry, Proposal, ProposedOrganization, ProposedPerson, TextEvidence } from "./types";

/** What every event of one report shares: its text, its source, who is named in it. */
export interface ReportContext {
  text: string;
  registry: IntakeRegistry;
  source: NonNullable<DraftAgreement["sources"]>[number];
  sourceEvidence: TextEvidence[];
  people: Person[];
  eventNames: EventName[];
  /** The states of the main event, one a side, that "the two countries" stands for in the others; empty until it is known. */
  pairStates: string[];
  /** Ministries and agencies named in the report that the registry does not hold. */
  unregistered: { name: string; start: number; end: number; countryCode?: string }[];
}

const sectorMatcher = new PhraseMatcher(
  Object.entries(SECTOR_LEXICON).flatMap(([slug, forms]) =>
    forms.map((form) => ({ form, value: slug, allCaps: /\p{Lu}/u.test(form) && !/\p{Ll}/u.test(form) })),
  ),
);
const KIND_LABEL: Record<AgreementKind, string> = {
  MOU: "memorandum of understanding",
  AGREEMENT: "agreement",
  TREATY: "treaty",
  CONTRACT: "contract",
  JOINT_STATEMENT: "joint statement",
  TALKS: "cooperation",
  PROGRAMME: "programme",
};
const STATUS_VERB: Record<LifecycleStatus, string> = {
  ANNOUNCED: "announce",
  PROPOSED: "propose",
  UNDER_NEGOTIATION: "discuss",
  SIGNED: "sign",
  IN_FORCE: "bring into force",
  IMPLEMENTING: "implement",
  COMPLETED: "complete",
  SUSPENDED: "suspend",
  CANCELLED: "cancel",
};
const MAX_SUMMARY_SENTENCES = 3;
/** Words after which a sector word names an office, not the cooperation: "the minister of military cooperation". */
const OFFICE_WORDS = new Set([
  "minister",
  "ministry",
  "ministre",
  "ministere",
  "ministro",
  "ministerio",
  "министр",
  "министерство",
  "министерства",
  "department",
  "departement",
]);
/** Labels for the title: the signatories if any signed, at most two a side. */
const TITLE_PARTIES_PER_SIDE = 2;
const MAX_EXCERPT_LENGTH = 5000;

/** The draft record, its evidence and the people and organisations of one event; null when it names no party. */
export function buildProposal(event: ReportEvent, report: ReportContext, includeContext: boolean): Proposal | null {
  const { text } = report;
  const evidence: Evidence[] = [];
  const cite = (field: string, span: { start: number; end: number }) => evidence.push(spanEvidence(text, field, span));
  const scope = includeContext ? [...event.anchors, ...event.context].sort((a, b) => a.sentence.index - b.sentence.index) : event.anchors;

  const { status, statusCue } = readStatus(event.anchors);
  const { kind, kindCue } = readKind(event.anchors, statusCue);
  const accomplished = STATUS_RANK[status] >= STATUS_RANK.SIGNED;
  const parties = proposeParties(event.anchors, includeContext ? event.context : [], status === "SIGNED", report.people, kind, report.pairStates);
  if (parties.length === 0) return null;

  cite("kind", kindCue);
  cite("status", statusCue);
  const dateField = accomplished ? "signedOn" : "announcedOn";
  const date = event.date?.value ?? null;
  if (date && event.date) {
    cite(dateField, event.date);
    cite("statusChange.occurredOn", event.date);
  }
  const venue = readVenue(event.anchors);
  if (venue) cite("venue", venue);
  const eventName = readEventName(event.anchors, report.eventNames);
  if (eventName) cite("event", eventName);
  const sectors = readSectors(text, event.anchors, report.people);
  sectors.forEach((sector, i) => cite(`sectors.${i}`, sector));
  const commitments = uniqueCommitments(scope.flatMap((facts) => facts.commitments));
  commitments.forEach((commitment, i) => {
    cite(`commitments.${i}.description`, commitment);
    cite(`commitments.${i}.quantity`, { start: commitment.quantityStart, end: commitment.quantityEnd });
    cite(`commitments.${i}.unit`, { start: commitment.unitStart, end: commitment.unitEnd });
  });
  evidence.push(...partyEvidence(text, parties));
  const summarySentences = event.anchors.slice(0, MAX_SUMMARY_SENTENCES).map((facts) => facts.sentence);
  summarySentences.forEach((sentence) => cite("summary", sentence));
  cite("title", event.anchors[0]!.sentence);
  for (const item of report.sourceEvidence) evidence.push(item);

  const draft: DraftAgreement = {
    title: composeTitle(
      parties,
      kind,
      status,
      sectors.map((s) => s.slug),
      report.registry,
    ),
    summary: summarySentences.map((sentence) => sentence.text).join(" "),
    kind,
    status,
    confidence: "REPORTED",
    announcedOn: accomplished ? null : date,
    signedOn: accomplished ? date : null,
    venue: venue ? text.slice(venue.start, venue.end) : null,
    event: eventName ? text.slice(eventName.start, eventName.end) : null,
    sectors: sectors.map((sector) => sector.slug),
    parties: parties.map((party) => ({
      organizationId: party.organization?.id ?? null,
      countryCode: party.countryCode,
      side: party.side,
      role: party.role,
      representativeName: party.representative?.name ?? null,
      representativeTitle: party.representative?.title ?? null,
    })),
    sources: [{ ...report.source, excerpt: event.anchors[0]!.sentence.text.slice(0, MAX_EXCERPT_LENGTH) }],
    // The status's own timeline entry cites the report.
    statusChange: { occurredOn: date, source: 0 },
    commitments: commitments.map((commitment) => ({
      description: text.slice(commitment.start, commitment.end),
      quantity: commitment.quantity,
      unit: commitment.unit,
      deadline: null,
      source: 0,
    })),
  };
  return { draft, evidence, people: proposePeople(text, report.people, scope), organizations: proposeOrganizations(text, parties, report, scope) };
}

function actionCues(anchors: SentenceFacts[]): PhraseMatch<Cue>[] {
  return anchors.flatMap((facts) => facts.cues);
}

/** The furthest lifecycle step the event's sentences state; a meeting alone is announced. */
function readStatus(anchors: SentenceFacts[]): { status: LifecycleStatus; statusCue: PhraseMatch<Cue> } {
  let best: { status: LifecycleStatus; statusCue: PhraseMatch<Cue> } | null = null;
  for (const cue of actionCues(anchors)) {
    if (cue.value.role !== "action") continue;
    if (!best || STATUS_RANK[cue.value.status] > STATUS_RANK[best.status]) best = { status: cue.value.status, statusCue: cue };
  }
  if (best) return best;
  const meeting = actionCues(anchors).find((cue) => cue.value.role === "meeting")!;
  return { status: "ANNOUNCED", statusCue: meeting };
}

/** The document the report names nearest to the action ("signed a memorandum"), else talks for a meeting, else what the action implies. */
function readKind(anchors: SentenceFacts[], statusCue: PhraseMatch<Cue>): { kind: AgreementKind; kindCue: PhraseMatch<Cue> } {
  const cues = actionCues(anchors);
  const documents = cues.filter((cue) => cue.value.role === "document");
  const nearest = documents.sort((a, b) => Math.abs(a.start - statusCue.start) - Math.abs(b.start - statusCue.start))[0];
  if (nearest?.value.role === "document") return { kind: nearest.value.kind, kindCue: nearest };
  const meeting = cues.find((cue) => cue.value.role === "meeting");
  const talksLike = statusCue.value.role !== "action" || statusCue.value.kind === "TALKS";
  if (meeting && talksLike) return { kind: "TALKS", kindCue: meeting };
  return { kind: statusCue.value.kind, kindCue: statusCue };
}

/** Where the event took place: a capital named as a place in a sentence that states what was done ("signed in Moscow"). */
function readVenue(anchors: SentenceFacts[]): { start: number; end: number } | null {
  for (const facts of anchors) {
    if (!facts.cues.some((cue) => cue.value.role === "action")) continue;
    const place = facts.entities.find((entity) => entity.asPlace && !entity.descriptive);
    if (place) return place;
  }
  return null;
}

function readEventName(anchors: SentenceFacts[], names: EventName[]): EventName | null {
  return names.find((name) => anchors.some((facts) => facts.sentence.start <= name.start && name.end <= facts.sentence.end)) ?? null;
}

/** Sectors the event's sentences name, leaving out words that are part of a name or a title ("Minister of Posts, Telecommunications…"). */
function readSectors(text: string, anchors: SentenceFacts[], people: Person[]): { slug: string; start: number; end: number }[] {
  const sectors: { slug: string; start: number; end: number }[] = [];
  const titles = people.flatMap((person) => person.mentions.flatMap((mention) => (mention.title ? [mention.title] : [])));
  for (const facts of anchors) {
    const { tokens } = facts.sentence;
    const names = [...facts.entities, ...titles];
    for (const match of sectorMatcher.find(tokens)) {
      if (names.some((name) => name.start < match.end && match.start < name.end)) continue;
      if (tokens.slice(Math.max(0, match.from - 4), match.from).some((token) => OFFICE_WORDS.has(token.norm))) continue;
      if (!sectors.some((sector) => sector.slug === match.value)) sectors.push({ slug: match.value, start: match.start, end: match.end });
    }
  }
  return sectors;
}

function uniqueCommitments(commitments: CommitmentMention[]): CommitmentMention[] {
  return commitments.filter(
    (commitment, i) =>
      commitments.findIndex((other) => other.quantity === commitment.quantity && other.unit.toLowerCase() === commitment.unit.toLowerCase()) === i,
  );
}

/** "Burkina Faso and Rosatom sign memorandum of understanding on energy": only the parties, kind, status and sectors the evidence supports. */
function composeTitle(parties: ProposedParty[], kind: AgreementKind, status: LifecycleStatus, sectors: string[], registry: IntakeRegistry): string {
  const label = (party: ProposedParty) => {
    const organization = party.organization;
    if (organization && (organization.kind !== "GOVERNMENT_BODY" || !organization.countryCode)) return organization.name;
    const code = party.countryCode ?? organization?.countryCode;
    return registry.countries.find((country) => country.code === code)?.names.en ?? organization?.name ?? code ?? "";
  };
  const signatories = parties.filter((party) => party.role === "SIGNATORY");
  const named = signatories.length ? signatories : parties;
  const bySide = (side: string) =>
    [
      ...new Set(
        named
          .filter((party) => party.side === side)
          .map(label)
          .filter(Boolean),
      ),
    ].slice(0, TITLE_PARTIES_PER_SIDE);
  const names = [...bySide("AFRICA"), ...bySide("PARTNER")];
  const who = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  const what = kind === "TALKS" ? "cooperation" : KIND_LABEL[kind];
  const on = sectors.length
    ? ` on ${sectors
        .slice(0, 2)
        .map((slug) => slug.replace(/-/g, " "))
        .join(" and ")}`
    : "";
  const verb =
    names.length > 1 ? STATUS_VERB[status] : STATUS_VERB[status].replace(/^(\w+?)(s?)\b/, (_, stem: string, s: string) => (s ? `${stem}ses` : `${stem}s`));
  return `${who} ${verb} ${what}${on}`.slice(0, 500);
}

function proposePeople(text: string, people: Person[], scope: SentenceFacts[]): ProposedPerson[] {
  const sentences = new Set(scope.map((facts) => facts.sentence.index));
  return people
    .filter((person) => person.mentions.some((mention) => sentences.has(mention.sentence)))
    .map((person) => {
      const titled = person.mentions.find((mention) => mention.title);
      const withCountry = person.mentions.find((mention) => mention.country);
      const withOrganization = person.mentions.find((mention) => mention.organization);
      const evidence: TextEvidence[] = person.mentions.map((mention) => spanEvidence(text, "name", mention));
      if (titled?.title) evidence.push(spanEvidence(text, "title", titled.title));
      if (withCountry?.country) evidence.push(spanEvidence(text, "countryCode", withCountry.country));
      if (withOrganization?.organization) evidence.push(spanEvidence(text, "organization", withOrganization.organization));
      return {
        name: person.name,
        ...(titled?.title ? { title: titled.title.text } : {}),
        ...(withOrganization?.organization ? { organization: withOrganization.organization.organization.name } : {}),
        ...(withCountry?.country ? { countryCode: withCountry.country.code } : {}),
        evidence,
      };
    });
}

function proposeOrganizations(text: string, parties: ProposedParty[], report: ReportContext, scope: SentenceFacts[]): ProposedOrganization[] {
  const organizations: ProposedOrganization[] = parties
    .filter((party) => party.organization)
    .map((party) => {
      const organization = party.organization!;
      return {
        name: organization.name,
        aliases: organization.aliases,
        id: organization.id,
        kind: organization.kind,
        ...(organization.countryCode ? { countryCode: organization.countryCode } : {}),
        evidence: [spanEvidence(text, "name", party.mention)],
      };
    });
  const inScope = (offset: number) => scope.some((facts) => facts.sentence.start <= offset && offset < facts.sentence.end);
  for (const body of report.unregistered) {
    if (!inScope(body.start) || organizations.some((o) => o.name === body.name)) continue;
    organizations.push({
      name: body.name,
      id: null,
      kind: "GOVERNMENT_BODY",
      ...(body.countryCode ? { countryCode: body.countryCode } : {}),
      evidence: [spanEvidence(text, "name", body)],
    });
  }
  return organizations;
}
