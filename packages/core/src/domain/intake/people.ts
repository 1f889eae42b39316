import type { EntityMention } from "./entities";
import { HONORIFICS, NOT_NAME_WORDS, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS } from "./lexicon/people";
import { PhraseMatcher, type PhraseMatch } from "./phrases";
import { groupBySentence, type Sentence } from "./sentences";
import { normalizeWord, type Token } from "./tokens";
import type { IntakeLanguage } from "./language";
import type { RegistryOrganization } from "./types";

interface Span {
  start: number;
  end: number;
}

/** One place the report names a person. */
export interface PersonMention extends Span {
  name: string;
  sentence: number;
  title?: Span & { text: string };
  country?: Span & { code: string };
  organization?: Span & { organization: RegistryOrganization };
}

/** A person with every place the report names them. */
export interface Person {
  name: string;
  mentions: PersonMention[];
}

type Marker = "head" | "modifier" | "honorific" | "speech";
const markers = new PhraseMatcher<Marker>([
  ...TITLE_HEADS.map((form) => ({ form, value: "head" as const })),
  ...TITLE_MODIFIERS.map((form) => ({ form, value: "modifier" as const })),
  ...HONORIFICS.map((form) => ({ form, value: "honorific" as const })),
  ...SPEECH_VERBS.map((form) => ({ form, value: "speech" as const })),
]);

const NAME_WORD = String.raw`\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*`;
const NAME_RUN = new RegExp(String.raw`${NAME_WORD}(?:\s+(?:(?:de|da|do|dos|das|van|von|bin|ben|el|al|du)\s+)?${NAME_WORD}){0,8}`, "gu");
/** Words between a title and a name that show they are not one phrase: "the Minister said that Ilias…". */
const CLAUSE_WORDS = new Set([
  "said",
  "says",
  "that",
  "who",
  "which",
  "while",
  "when",
  "with",
  "met",
  "has",
  "have",
  "had",
  "was",
  "were",
  "is",
  "are",
  "will",
  "would",
  "by",
  "que",
  "qui",
  "est",
  "sont",
  "disse",
  "foi",
  "что",
  "который",
  "которая",
  "был",
  "была",
  "заявил",
]);
/** Before a country in a title, a word that points at a place the person is sent to, not from: "Ambassador to Congo". */
const TOWARDS = new Set(["to", "in", "au", "en", "a", "aupres", "junto", "в", "во", "при", "no", "na"]);
const MAX_TITLE_GAP_WORDS = 10;
const COORDINATED = /^\s+(?:\p{Lu}[\p{L}'’-]+\s+){1,4}(?:and|et|e|и)\s+$/u;
/** Capitalized at the start of a sentence without being part of a title: "In", "The", "During". */
const FUNCTION_WORDS = new Set([
  "the",
  "in",
  "on",
  "at",
  "by",
  "for",
  "during",
  "after",
  "before",
  "while",
  "with",
  "and",
  "a",
  "an",
  "le",
  "la",
  "les",
  "l",
  "lors",
  "selon",
  "o",
  "os",
  "as",
  "em",
  "no",
  "na",
  "в",
  "на",
  "по",
  "и",
]);

/** The people the report names with a role, a title, an honorific or a quote; bylines and photo credits left out. */
export function findPeople(text: string, sentences: Sentence[], entities: EntityMention[], excluded: Span[], language: IntakeLanguage): Person[] {
  const mentions: PersonMention[] = [];
  const entitiesIn = groupBySentence(entities, sentences);
  for (const sentence of sentences) {
    const { tokens } = sentence;
    const local = entitiesIn[sentence.index]!;
    const marks = markers.find(tokens);
    for (const run of sentence.text.matchAll(NAME_RUN)) {
      const mention = readName(text, sentence, tokens, marks, local, sentence.start + run.index, sentence.start + run.index + run[0].length, language);
      if (mention && !excluded.some((span) => span.start <= mention.start && mention.end <= span.end)) mentions.push(mention);
    }
  }
  return groupPeople(mentions);
}

function readName(
  text: string,
  sentence: Sentence,
  tokens: Token[],
  marks: PhraseMatch<Marker>[],
  entities: EntityMention[],
  runStart: number,
  runEnd: number,
  language: IntakeLanguage,
): PersonMention | null {
  const words = tokens.filter((token) => token.start >= runStart && token.end <= runEnd);
  // Leading title words, honorifics, places and organisations belong to the title, not the name.
  // A surname that is also a company's name ("Eugene Kaspersky") is still a name after a first name.
  const nameLike = (i: number): boolean =>
    isNameWord(words[i]!, marks, entities) || (i > 0 && isNameWord(words[i - 1]!, marks, entities) && isOrganizationWord(words[i]!, entities));
  let first = 0;
  for (let i = 0; i < words.length; i += 1) {
    if (!nameLike(i)) first = i + 1;
  }
  const nameWords = words.slice(first);
  if (nameWords.length === 0) return null;
  const start = nameWords[0]!.start;
  const end = nameWords[nameWords.length - 1]!.end;
  const before = marks.filter((mark) => mark.end <= start);
  const adjacent = before.at(-1);
  const directlyAfterMarker = adjacent !== undefined && /^[\s.,]*$/.test(text.slice(adjacent.end, start)) && adjacent.value !== "speech";
  if (nameWords.length === 1 && !directlyAfterMarker) return null;
  const title = leftTitle(text, tokens, marks, entities, start, language) ?? rightTitle(text, sentence, tokens, marks, end);
  const honorific = adjacent?.value === "honorific" && directlyAfterMarker;
  const speaks = marks.some(
    (mark) =>
      mark.value === "speech" &&
      ((mark.start >= end && /^[\s,]*$/.test(text.slice(end, mark.start))) || (mark.end <= start && /^[\s,]*$/.test(text.slice(mark.end, start)))),
  );
  if (!title && !honorific && !speaks) return null;
  const mention: PersonMention = { name: text.slice(start, end), start, end, sentence: sentence.index };
  if (title) describeTitle(text, mention, title, tokens, entities);
  return mention;
}

function isOrganizationWord(word: Token, entities: EntityMention[]): boolean {
  return entities.some((entity) => entity.value.type === "organization" && entity.start <= word.start && word.end <= entity.end);
}

function isNameWord(word: Token, marks: PhraseMatch<Marker>[], entities: EntityMention[]): boolean {
  if (NOT_NAME_WORDS.has(word.norm) || word.allCaps) return false;
  if (marks.some((mark) => mark.start <= word.start && word.end <= mark.end)) return false;
  return !entities.some((entity) => entity.start < word.end && word.start < entity.end);
}

/** "Congolese Minister of Posts, Telecommunications, and the Digital Economy, Léon-Juste Ibombo": the title before a name. */
function leftTitle(
  text: string,
  tokens: Token[],
  marks: PhraseMatch<Marker>[],
  entities: EntityMention[],
  nameStart: number,
  language: IntakeLanguage,
): Span | null {
  const head = marks.filter((mark) => mark.value === "head" && mark.end <= nameStart).at(-1);
  if (!head) return null;
  const gap = text.slice(head.end, nameStart);
  if (/[.;:!?()]/.test(gap.replace(/\b(?:Mr|Mrs|Ms|Dr|M|St)\./g, ""))) return null;
  // "the presidents Filipe Nyusi and Vladimir Putin": the second name shares the title.
  if (COORDINATED.test(gap)) return { start: head.start, end: head.end };
  const gapWords = tokens.filter((token) => token.start >= head.end && token.end <= nameStart);
  if (gapWords.length > MAX_TITLE_GAP_WORDS || gapWords.some((word) => CLAUSE_WORDS.has(word.norm))) return null;
  // "deputy director general for international relations, and including Grigory Nazarov": a verb form
  // between a title and a name means the title is someone else's.
  if (language === "en" && gapWords.some((word) => !word.capitalized && /(?:ing|ed)$/.test(word.norm))) return null;
  let from = head.from;
  while (from > 0) {
    const previous = tokens[from - 1]!;
    const between = text.slice(previous.end, tokens[from]!.start);
    if (!/^\s*(?:['’]s\s*)?$/.test(between)) break;
    const isModifier = marks.some((mark) => mark.value !== "speech" && mark.value !== "honorific" && mark.start <= previous.start && previous.end <= mark.end);
    const isEntity = entities.some((entity) => entity.start <= previous.start && previous.end <= entity.end);
    if (!isModifier && !isEntity && !(previous.capitalized && !FUNCTION_WORDS.has(previous.norm))) break;
    from -= 1;
  }
  const start = tokens[from]!.start;
  const end = nameStart - (/[\s,]*(?:(?:Mr|Mrs|Ms|Dr|M|Mme|Sr|Sra|г-н)\.?\s*)?$/u.exec(text.slice(start, nameStart))?.[0].length ?? 0);
  return end > start ? { start, end } : null;
}

/** "Eugene Kaspersky, Kaspersky's founder and CEO": the title after a name, set off by a comma. */
function rightTitle(text: string, sentence: Sentence, tokens: Token[], marks: PhraseMatch<Marker>[], nameEnd: number): Span | null {
  const rest = text.slice(nameEnd, sentence.end);
  const apposition = /^,\s+([^,.;:()]{2,120})/u.exec(rest);
  if (!apposition) return null;
  const start = nameEnd + apposition[0].indexOf(apposition[1]!);
  const end = start + apposition[1]!.trimEnd().length;
  const hasHead = marks.some((mark) => mark.value === "head" && mark.start >= start && mark.end <= end);
  const words = tokens.filter((token) => token.start >= start && token.end <= end);
  return hasHead && words.length <= MAX_TITLE_GAP_WORDS && !words.some((word) => CLAUSE_WORDS.has(word.norm)) ? { start, end } : null;
}

/** Reads the state and organisation a title names, and drops a leading state from it ("Belarus Minister of…" → "Minister of…"). */
function describeTitle(text: string, mention: PersonMention, title: Span, tokens: Token[], entities: EntityMention[]): void {
  const inside = entities.filter((entity) => entity.start >= title.start && entity.end <= title.end);
  const country = inside.find((entity) => entity.value.type === "country" && !TOWARDS.has(tokenBefore(tokens, entity.start)));
  if (country?.value.type === "country") mention.country = { code: country.value.code, start: country.start, end: country.end };
  const organization = inside.find((entity) => entity.value.type === "organization");
  if (organization?.value.type === "organization")
    mention.organization = { organization: organization.value.organization, start: organization.start, end: organization.end };
  const leading = inside.find((entity) => entity.start === title.start && entity.value.type === "country");
  let start = leading ? leading.end : title.start;
  const rest = text.slice(start, title.end);
  start += /^(?:['’]s)?\s*/.exec(rest)![0].length;
  if (start < title.end) mention.title = { text: text.slice(start, title.end), start, end: title.end };
}

function tokenBefore(tokens: Token[], offset: number): string {
  return tokens.filter((token) => token.end <= offset).at(-1)?.norm ?? "";
}

/** One person per surname: "Oppah Muchinguri-Kashiri" and "Minister Muchinguri" are the same minister. */
function groupPeople(mentions: PersonMention[]): Person[] {
  const people: Person[] = [];
  for (const mention of mentions) {
    const person = people.find((candidate) => candidate.mentions.some((other) => samePerson(other.name, mention.name)));
    if (person) {
      person.mentions.push(mention);
      if (wordCount(mention.name) > wordCount(person.name)) person.name = mention.name;
    } else people.push({ name: mention.name, mentions: [mention] });
  }
  return people;
}

function samePerson(a: string, b: string): boolean {
  const wordsA = a.split(/\s+/).map(normalizeWord);
  const wordsB = b.split(/\s+/).map(normalizeWord);
  const lastA = wordsA.at(-1)!;
  const lastB = wordsB.at(-1)!;
  if (lastA === lastB) return wordsA.length === 1 || wordsB.length === 1 || wordsA[0] === wordsB[0];
  const partsA = lastA.split(/[-'’]/);
  const partsB = lastB.split(/[-'’]/);
  if ((wordsA.length === 1 || wordsB.length === 1) && (partsA.includes(lastB) || partsB.includes(lastA))) return true;
  // The same first name and one surname the start of the other: a misspelling ("Pantus", "Pantusher").
  const shorter = lastA.length < lastB.length ? lastA : lastB;
  const longer = shorter === lastA ? lastB : lastA;
  return wordsA.length > 1 && wordsB.length > 1 && wordsA[0] === wordsB[0] && shorter.length >= 5 && longer.startsWith(shorter);
}

function wordCount(name: string): number {
  return name.split(/\s+/).length;
}

/**
 * "ambassadeur de Russie au Mali et au Niger", "Ambassador to the Republic of Congo": states a
 * title sends its holder to describe the post; they are not parties by that mention.
 */
export function markTitleDestinations(text: string, people: Person[], entities: EntityMention[]): void {
  for (const person of people) {
    for (const mention of person.mentions) {
      if (!mention.title) continue;
      for (const entity of entities) {
        if (entity.value.type !== "country" || entity.start < mention.title.start || entity.end > mention.title.end) continue;
        const before = /([\p{L}]+)['’\s]+(?:(?:the|la|le|l)['’\s]+)?$/u.exec(text.slice(Math.max(0, entity.start - 12), entity.start))?.[1] ?? "";
        if (TOWARDS.has(normalizeWord(before))) entity.descriptive = true;
      }
    }
  }
}
