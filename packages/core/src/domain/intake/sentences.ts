import { tokenize, type Token } from "./tokens";

/** A sentence or a line (a heading, a caption, a byline) of the report. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Which paragraph (block of lines without an empty line between) it belongs to. */
  paragraph: number;
  tokens: Token[];
}

/** Words after which a full stop does not end a sentence: "Mr.", "Dr.", "M.", "г.". */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "m",
  "mme",
  "mlle",
  "jr",
  "sr",
  "sra",
  "no",
  "vs",
  "gen",
  "lt",
  "col",
  "capt",
  "prof",
  "rev",
  "hon",
  "amb",
  "г",
  "гг",
  "им",
  "ул",
  "т",
  "e",
  "i",
  "etc",
  "approx",
  "inc",
  "ltd",
  "co",
  "corp",
]);

const DATELINE = /^\p{Lu}[\p{Lu}\s.-]+,\s+\d{1,2}\s+\p{L}+\.?$/u;
const CANDIDATE_END = /[.!?…]+["'»”’)\]]*(?=\s+["'«“‘([]?[\p{Lu}\p{N}])/gu;

/** Splits the report into sentences: at line breaks, and after a full stop that is not an abbreviation's. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  const lines = text.split("\n");
  for (const line of lines) {
    if (line.trim() === "") paragraph += 1;
    else splitLine(line, lineStart, paragraph, sentences, text);
    lineStart += line.length + 1;
  }
  return sentences;
}

function splitLine(line: string, offset: number, paragraph: number, into: Sentence[], text: string): void {
  let start = 0;
  CANDIDATE_END.lastIndex = 0;
  for (let match = CANDIDATE_END.exec(line); match; match = CANDIDATE_END.exec(line)) {
    const before = /([\p{L}]+)$/u.exec(line.slice(start, match.index))?.[1] ?? "";
    // A single capital ("D. B. de Sodji") or a known abbreviation is not the end of a sentence.
    if (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before)) continue;
    // "МОСКВА, 25 сен. Россия и Эфиопия подписали…": a news agency's dateline belongs to the sentence it opens.
    if (DATELINE.test(line.slice(start, match.index + match[0].length))) continue;
    push(offset + start, offset + match.index + match[0].length, paragraph, into, text);
    start = match.index + match[0].length;
  }
  push(offset + start, offset + line.length, paragraph, into, text);
}

function push(start: number, end: number, paragraph: number, into: Sentence[], text: string): void {
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (end > start) into.push({ index: into.length, start, end, text: text.slice(start, end), paragraph, tokens: tokenize(text, start, end) });
}

/** Ends the sentence holding `offset` there: a dateline run into the first paragraph ("date 2025-10-19 History was made…"). */
export function splitAt(sentences: Sentence[], offset: number, text: string): Sentence[] {
  const target = sentences.find((sentence) => sentence.start < offset && offset < sentence.end);
  if (!target) return sentences;
  const parts: Sentence[] = [];
  push(target.start, offset, target.paragraph, parts, text);
  push(offset, target.end, target.paragraph, parts, text);
  return sentences.flatMap((sentence) => (sentence === target ? parts : [sentence])).map((sentence, index) => ({ ...sentence, index }));
}

/** Items (anything with offsets) grouped by the sentence they lie in, in one pass over both. */
export function groupBySentence<T extends { start: number }>(items: T[], sentences: Sentence[]): T[][] {
  const groups: T[][] = sentences.map(() => []);
  const sorted = [...items].sort((a, b) => a.start - b.start);
  let s = 0;
  for (const item of sorted) {
    while (s < sentences.length && sentences[s]!.end <= item.start) s += 1;
    if (s < sentences.length && sentences[s]!.start <= item.start) groups[s]!.push(item);
  }
  return groups;
}
