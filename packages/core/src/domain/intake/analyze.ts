import { ZIntakeAnalyzeInput, type TIntakeAnalyzeInput } from "../../validators/intake";
import { findCommitments } from "./commitments";
import { findDates, parseReference } from "./dates";
import { findEntities, type EntityMention } from "./entities";
import { findEventNames } from "./event-names";
import { groupEvents, readSentence } from "./events";
import { detectLanguage, isIntakeLanguage } from "./language";
import { sideOfEntity } from "./parties";
import { findPeople, markTitleDestinations } from "./people";
import { buildProposal, type ReportContext } from "./proposal";
import { readReportText } from "./report-text";
import { groupBySentence, splitAt, splitSentences } from "./sentences";
import { publisherOf, readByline, spanEvidence } from "./source";
import type { IntakeAnalysis, IntakeRegistry, Proposal, TextEvidence } from "./types";

/**
 * Reads a news report and proposes the cooperation record it describes: a draft for
 * `agreement.create`, each value tied to the words that support it, plus any further
 * events the report tells of. Pure: the registry is passed in, nothing is read or written.
 * `matches` is left empty here; see `matchExistingRecords`.
 */
export function analyzeReport(rawInput: TIntakeAnalyzeInput, registry: IntakeRegistry): IntakeAnalysis {
  const input = ZIntakeAnalyzeInput.parse(rawInput);
  const report = readReportText(input.text);
  const { text } = report;
  const language = detectLanguage(text, input.language);
  const reduced = report.fromHtml ? { text } : {};
  if (!isIntakeLanguage(language)) return { language, ...reduced, proposal: null, otherEvents: [], matches: [] };

  const lines = splitSentences(text);
  const byline = readByline(text, lines, report.page);
  const sentences = byline.publishedOn ? splitAt(lines, byline.publishedOn.end, text) : lines;
  const publishedOn = input.publishedOn ?? report.page.publishedOn ?? byline.publishedOn?.value;
  const tokens = sentences.flatMap((sentence) => sentence.tokens);
  const eventNames = findEventNames(text);
  const entities = findEntities(text, tokens, registry, eventNames);
  // The dateline is the report's date, never its event's.
  const reference = parseReference(publishedOn);
  const dates = findDates(text, language, reference).filter(
    (date) => !byline.publishedOn || date.end <= byline.publishedOn.start || date.start >= byline.publishedOn.end,
  );
  const people = findPeople(text, sentences, entities, byline.credits, language);
  markTitleDestinations(text, people, entities);
  const commitments = findCommitments(text, sentences);
  const entitiesIn = groupBySentence(entities, sentences);
  const datesIn = groupBySentence(dates, sentences);
  const peopleIn = groupBySentence(
    people.flatMap((person) => person.mentions),
    sentences,
  );
  const commitmentsIn = groupBySentence(commitments, sentences);
  const facts = sentences.map((sentence, i) =>
    readSentence(sentence, { entities: entitiesIn[i]!, dates: datesIn[i]!, people: peopleIn[i]!, commitments: commitmentsIn[i]! }),
  );
  const events = groupEvents(facts, sideOfEntity, reference);

  const sourceEvidence: TextEvidence[] = [];
  if (byline.author) sourceEvidence.push(spanEvidence(text, "sources.0.author", byline.author));
  if (byline.title) sourceEvidence.push(spanEvidence(text, "sources.0.title", byline.title));
  if (!input.publishedOn && byline.publishedOn) sourceEvidence.push(spanEvidence(text, "sources.0.publishedOn", byline.publishedOn));
  const context: ReportContext = {
    text,
    registry,
    people,
    eventNames,
    pairStates: [],
    unregistered: findUnregisteredBodies(text, entities),
    sourceEvidence,
    source: {
      url: input.url ?? null,
      publisher: publisherOf(report.page, input.url),
      author: report.page.author ?? byline.author?.text ?? null,
      title: report.page.title ?? byline.title?.text ?? null,
      publishedOn: publishedOn ?? null,
      language,
    },
  };
  const [main, ...others] = events;
  const proposal = main ? buildProposal(main, { ...context, pairStates: [] }, true) : null;
  const otherEvents = others.map((event) => buildProposal(event, { ...context, pairStates: statePair(proposal) }, false));
  // A further event is worth a record only with an African party: the tracker's subject.
  const african = (other: Proposal | null): other is Proposal => other !== null && (other.draft.parties ?? []).some((party) => party.side === "AFRICA");
  return { language, ...reduced, proposal, otherEvents: otherEvents.filter(african), matches: [] };
}

/** The main event's two states, one on each side, when it has exactly that: what "the two countries" means in the rest of the report. */
function statePair(proposal: Proposal | null): string[] {
  const states = (side: string) => [
    ...new Set((proposal?.draft.parties ?? []).filter((party) => party.side === side && party.countryCode).map((party) => party.countryCode!)),
  ];
  const african = states("AFRICA");
  const partner = states("PARTNER");
  return african.length === 1 && partner.length === 1 ? [african[0]!, partner[0]!] : [];
}

const MINISTRY =
  /\b(?:Ministry|Ministère|Ministério|Министерств\p{L}*)\s+(?:(?:of|for|de|du|des|de la|de l['’]|da|do|dos|das)\s+)?[\p{Lu}\p{Ll}][\p{L}'’,&\s-]{2,120}?(?=[.;:()]|\s(?:signed|and the|has|have|was|is|a|ont|et|e|и|подписал)\b|$)/gu;

/** Ministries the report names that the registry does not hold: proposed as organisations to create. */
function findUnregisteredBodies(text: string, entities: EntityMention[]): ReportContext["unregistered"] {
  const bodies: ReportContext["unregistered"] = [];
  for (const match of text.matchAll(MINISTRY)) {
    const start = match.index;
    const name = match[0].replace(/[\s,]+$/u, "");
    const end = start + name.length;
    if (entities.some((entity) => entity.value.type === "organization" && entity.start < end && start < entity.end)) continue;
    const country = entities.find((entity) => entity.value.type === "country" && entity.start >= start && entity.end <= end);
    bodies.push({ name, start, end, ...(country?.value.type === "country" ? { countryCode: country.value.code } : {}) });
  }
  return bodies;
}
