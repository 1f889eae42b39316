import type { AgreementKind, PartySide } from "../../generated/prisma/enums";
import type { CommitmentMention } from "./commitments";
import type { DateMention, ReferenceDate } from "./dates";
import { isActor, type EntityMention } from "./entities";
import { BACKGROUND_FORMS, cueEntries, FUTURE_WORDS, NEGATION_WORDS, type Cue } from "./lexicon/cues";
import type { PersonMention } from "./people";
import { PhraseMatcher, type PhraseMatch } from "./phrases";
import type { Sentence } from "./sentences";
import type { Token } from "./tokens";

/** What one sentence says: who, what, when. */
export interface SentenceFacts {
  sentence: Sentence;
  entities: EntityMention[];
  cues: PhraseMatch<Cue>[];
  dates: DateMention[];
  people: PersonMention[];
  commitments: CommitmentMention[];
  /** Speaks of an earlier time than the report's event ("last year", "had signed", "since 1998"). */
  background: boolean;
}

/** One cooperation event: the sentences that state it, and those that add to it. */
export interface ReportEvent {
  anchors: SentenceFacts[];
  /** The African parties and the document kinds its anchors name, kept as anchors join. */
  africanKeys: Set<string>;
  documentKinds: Set<AgreementKind>;
  context: SentenceFacts[];
  /** The date the event's sentences give, or null when they give none or it cannot be placed. */
  date: DateMention | null;
}

const cueMatcher = new PhraseMatcher(cueEntries());
const backgroundMatcher = new PhraseMatcher(BACKGROUND_FORMS.map((form) => ({ form, value: true })));
/** Two days this close apart are one event told twice (time zones, a signing over two days). */
const SAME_EVENT_DAYS = 3;
const ANNOUNCED_ON =
  /(?:announced|said|told|reported|stated|annonce|a annoncé|a indiqué|a déclaré|anunciou|disse|informou|сообщил\p{L}*|заявил\p{L}*)[\s,]+(?:on\s+|le\s+|na\s+|no\s+|в\s+|во\s+)?$/iu;
/** A date this many months before the report is another event's, when the report's own event is undated. */
const RECENT_MONTHS = 2;
/** Words looked at before an action for "will" or "not". */
const MODAL_WINDOW = 3;

/** What one sentence says, from the report's mentions grouped by sentence (see `groupBySentence`). */
export function readSentence(
  sentence: Sentence,
  own: { entities: EntityMention[]; dates: DateMention[]; people: PersonMention[]; commitments: CommitmentMention[] },
): SentenceFacts {
  const inside = <T extends { start: number; end: number }>(items: T[]) => items.filter((item) => item.end <= sentence.end);
  const { tokens } = sentence;
  const cues = cueMatcher
    .find(tokens)
    .filter((cue) => cue.value.role !== "action" || !precededBy(tokens, cue.from, NEGATION_WORDS))
    .map((cue) =>
      cue.value.role === "action" && precededBy(tokens, cue.from, FUTURE_WORDS) && isAccomplished(cue.value.status)
        ? { ...cue, value: { ...cue.value, status: "PROPOSED" as const } }
        : cue,
    );
  const dates = inside(own.dates);
  const background = backgroundMatcher.find(tokens).length > 0 || dates.some((date) => date.since);
  return { sentence, entities: inside(own.entities), cues, dates, people: own.people, commitments: inside(own.commitments), background };
}

function isAccomplished(status: string): boolean {
  return status === "SIGNED" || status === "IN_FORCE" || status === "IMPLEMENTING" || status === "COMPLETED";
}

function precededBy(tokens: Token[], index: number, words: Set<string>): boolean {
  return tokens.slice(Math.max(0, index - MODAL_WINDOW), index).some((token) => words.has(token.norm));
}

/** A sentence that states cooperation: an action or a meeting, and a state or organisation to do it. */
function isAnchor(facts: SentenceFacts): boolean {
  const acts = facts.cues.some((cue) => cue.value.role === "action" || cue.value.role === "meeting");
  return acts && facts.entities.some(isActor);
}

function hasAction(facts: SentenceFacts): boolean {
  return facts.cues.some((cue) => cue.value.role === "action");
}

/**
 * Groups the report's sentences into events: the first sentence stating cooperation in the
 * report's own time opens the main event; later ones join it unless they are about another
 * time or other African parties, in which case they open further events.
 */
export function groupEvents(facts: SentenceFacts[], sideOf: (entity: EntityMention) => PartySide | null, reference: ReferenceDate | null): ReportEvent[] {
  const anchors = facts.filter(isAnchor);
  const main = anchors.find((anchor) => !anchor.background && (hasAction(anchor) || anchor.cues.some((cue) => cue.value.role === "meeting"))) ?? null;
  if (!main) return [];
  const open = (anchor: SentenceFacts): ReportEvent => ({
    anchors: [anchor],
    context: [],
    date: eventDate(anchor),
    africanKeys: africanEntities(anchor, sideOf),
    documentKinds: documentKinds(anchor),
  });
  const events: ReportEvent[] = [open(main)];
  for (const anchor of anchors) {
    if (anchor === main) continue;
    const home = events.find((event) => belongsTo(anchor, event, sideOf, reference));
    if (home) {
      home.anchors.push(anchor);
      home.date ??= eventDate(anchor);
      for (const key of africanEntities(anchor, sideOf)) home.africanKeys.add(key);
      for (const kind of documentKinds(anchor)) home.documentKinds.add(kind);
    } else if (hasAction(anchor)) {
      // A meeting alone in another time is background, not a cooperation event of its own.
      events.push(open(anchor));
    }
  }
  const mainEvent = events[0]!;
  mainEvent.anchors.sort((a, b) => a.sentence.index - b.sentence.index);
  mainEvent.context = facts.filter((fact) => !anchors.includes(fact) && !fact.background && !otherTime(fact, mainEvent.date, reference));
  return events;
}

function eventDate(facts: SentenceFacts): DateMention | null {
  const { text, start } = facts.sentence;
  // "…, the corporation announced on Wednesday": the day of the announcement, not of the event.
  return facts.dates.find((date) => !date.since && !ANNOUNCED_ON.test(text.slice(0, date.start - start))) ?? null;
}

function belongsTo(anchor: SentenceFacts, event: ReportEvent, sideOf: (entity: EntityMention) => PartySide | null, reference: ReferenceDate | null): boolean {
  const isMain = event.anchors.some((a) => !a.background);
  if (anchor.background && isMain) return false;
  if (otherTime(anchor, event.date, reference)) return false;
  // "The plan builds on the memorandum signed on September 22, 2020": a dated document of another kind is another event.
  const anchorKinds = documentKinds(anchor);
  if (anchor.dates.length && anchorKinds.size && event.documentKinds.size && ![...anchorKinds].some((kind) => event.documentKinds.has(kind))) return false;
  const own = africanEntities(anchor, sideOf);
  return own.size === 0 || event.africanKeys.size === 0 || [...own].every((key) => event.africanKeys.has(key));
}

/**
 * The sentence is dated, and not on the event's date. An event without a date takes the date
 * of a later sentence unless that date lies months before the report; an event dated only
 * relatively ("yesterday", with the report's day unknown) is not on any calendar date.
 */
function otherTime(facts: SentenceFacts, date: DateMention | null, reference: ReferenceDate | null): boolean {
  const own = facts.dates.filter((d) => !d.since);
  if (own.length === 0) return false;
  if (!date) return reference !== null && own.some((d) => d.value !== null && monthsBefore(d.value, reference) > RECENT_MONTHS);
  if (date.value === null) return own.some((d) => !d.relative);
  return own.every((d) => d.value !== null && !sameTime(d.value, date.value!));
}

function monthsBefore(value: string, reference: ReferenceDate): number {
  const [year, month = 1] = value.split("-").map(Number);
  return (reference.year - year!) * 12 + ((reference.month ?? 12) - month);
}

function sameTime(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  if (length === 10) return Math.abs(Date.parse(a) - Date.parse(b)) <= SAME_EVENT_DAYS * 86_400_000;
  return a.slice(0, length) === b.slice(0, length);
}

function documentKinds(facts: SentenceFacts): Set<AgreementKind> {
  return new Set(facts.cues.flatMap((cue) => (cue.value.role === "document" ? [cue.value.kind] : [])));
}

/** The African states and bodies a sentence names as actors, keyed by country code or organisation id. */
function africanEntities(facts: SentenceFacts, sideOf: (entity: EntityMention) => PartySide | null): Set<string> {
  const keys = new Set<string>();
  for (const entity of facts.entities) {
    if (!isActor(entity) || entity.value.type === "pair" || sideOf(entity) !== "AFRICA") continue;
    keys.add(entity.value.type === "country" ? entity.value.code : (entity.value.organization.countryCode ?? entity.value.organization.id));
  }
  return keys;
}
