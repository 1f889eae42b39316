import { COUNTRY_LEXICON, LOCATIVE_WORDS, STATE_PAIR_FORMS } from "./lexicon/countries";
import { PhraseMatcher, type PhraseEntry } from "./phrases";
import { normalizeWord, tokenize, type Token } from "./tokens";
import type { IntakeRegistry, RegistryOrganization } from "./types";

export type EntityValue =
  | { type: "country"; code: string; form: "name" | "adjective" | "capital" }
  | { type: "organization"; organization: RegistryOrganization }
  /** "the two countries": the states of the report's main event. */
  | { type: "pair" };

/** A state or a registered organisation named in the report. */
export interface EntityMention {
  value: EntityValue;
  start: number;
  end: number;
  /** A capital used as a place ("in Moscow") rather than for its government ("Moscow said"). */
  asPlace: boolean;
  /**
   * Named to describe something else, not as an actor: "AFRIPOL, the African Union's mechanism",
   * "the Russia-Africa Summit".
   */
  descriptive: boolean;
}

/** An entity that acts in the sentence: not a place, not a description. */
export function isActor(entity: EntityMention): boolean {
  return !entity.asPlace && !entity.descriptive;
}

/** Between an organisation and a later entity: the start of a description of the organisation (", the African Union's mechanism"). */
const APPOSITION = /^,\s+(?:the|le|la|l['’]|les|o|a|un|une|an?)\s[^,.;()]*$|^,\s+l['’][^,.;()]*$/iu;
const ARTICLES = new Set(["the", "le", "la", "les", "l", "o", "os", "as"]);
const compiled = new WeakMap<IntakeRegistry, PhraseMatcher<EntityValue>>();

/** The states and registered organisations the report names, in text order. */
export function findEntities(text: string, tokens: Token[], registry: IntakeRegistry, eventNames: { start: number; end: number }[]): EntityMention[] {
  const matcher = entityMatcher(registry);
  const mentions: EntityMention[] = [];
  for (const match of matcher.find(tokens)) {
    const previous = mentions.findLast((mention) => mention.value.type === "organization");
    const inEventName = eventNames.some((name) => name.start <= match.start && match.end <= name.end);
    const inApposition = previous !== undefined && APPOSITION.test(text.slice(previous.end, match.start));
    mentions.push({
      value: match.value,
      start: match.start,
      end: match.end,
      asPlace: match.value.type === "country" && match.value.form === "capital" && followsLocative(tokens, match.from),
      descriptive: inEventName || inApposition,
    });
  }
  return mentions;
}

function followsLocative(tokens: Token[], index: number): boolean {
  let i = index - 1;
  while (i >= 0 && ARTICLES.has(tokens[i]!.norm)) i -= 1;
  return i >= 0 && LOCATIVE_WORDS.has(tokens[i]!.norm);
}

function entityMatcher(registry: IntakeRegistry): PhraseMatcher<EntityValue> {
  let matcher = compiled.get(registry);
  if (!matcher) {
    matcher = new PhraseMatcher<EntityValue>([
      ...countryEntries(registry),
      ...organizationEntries(registry.organizations),
      ...STATE_PAIR_FORMS.map((form) => ({ form, value: { type: "pair" as const } })),
    ]);
    compiled.set(registry, matcher);
  }
  return matcher;
}

let stateMatcher: PhraseMatcher<EntityValue> | undefined;

/** The states a short text such as a title names, by name, adjective or capital. */
export function statesNamedIn(text: string): string[] {
  stateMatcher ??= new PhraseMatcher(lexiconCountryEntries());
  return [...new Set(stateMatcher.find(tokenize(text)).flatMap((match) => (match.value.type === "country" ? [match.value.code] : [])))];
}

function* lexiconCountryEntries(): Generator<PhraseEntry<EntityValue>> {
  for (const entry of COUNTRY_LEXICON) {
    for (const form of entry.names) yield { form, value: { type: "country", code: entry.code, form: "name" }, capitalized: true };
    for (const form of entry.adjectives) yield { form, value: { type: "country", code: entry.code, form: "adjective" } };
    for (const form of entry.capitals) yield { form, value: { type: "country", code: entry.code, form: "capital" }, capitalized: true };
  }
}

function* countryEntries(registry: IntakeRegistry): Generator<PhraseEntry<EntityValue>> {
  yield* lexiconCountryEntries();
  for (const country of registry.countries) {
    for (const name of Object.values(country.names)) {
      const form = wordsOf(name);
      if (form) yield { form, value: { type: "country", code: country.code, form: "name" }, capitalized: true };
    }
  }
}

function* organizationEntries(organizations: RegistryOrganization[]): Generator<PhraseEntry<EntityValue>> {
  for (const organization of organizations) {
    for (const name of new Set([organization.name, ...organization.aliases])) {
      const words = wordsOf(name);
      if (!words) continue;
      const acronym = /^[\p{Lu}\p{N}]{2,5}$/u.test(name.trim());
      const form = words.split(" ").map(declinable).join(" ");
      yield { form, value: { type: "organization", organization }, capitalized: true, allCaps: acronym };
    }
  }
}

/** Russian case endings an alias is written in (nominative) and the text may not be: "Панафриканский" → "Панафриканского". */
const RUSSIAN_ENDING = /(?:ии|ыи|ои|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ои|еи|ым|им|ом|ем|ах|ях|ам|ям|а|я|о|е|ь|ы|и|у|ю)$/u;

/** A Cyrillic word of a name, as a pattern that reads it in every case: "росатом*", "панафриканск*". */
function declinable(word: string): string {
  if (!/\p{Script=Cyrillic}/u.test(word) || word.length <= 3) return word;
  const stem = word.length > 5 ? word.replace(RUSSIAN_ENDING, "") : word;
  return `${stem}*`;
}

/** A name as lexicon words, or null when it has fewer than two letters to index by. */
function wordsOf(name: string): string | null {
  const words = tokenize(name).map((token) => normalizeWord(token.norm));
  return words.length && words[0]!.length >= 2 ? words.join(" ") : null;
}
