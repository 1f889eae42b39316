import { COMMITMENT_UNITS, NUMBER_WORDS, SCALE_WORDS } from "./lexicon/commitments";
import { PhraseMatcher } from "./phrases";
import type { Sentence } from "./sentences";
import { foldText, normalizeWord, tokenize } from "./tokens";

/** "at least 10,000 cybersecurity specialists": a count the report says will be delivered. */
export interface CommitmentMention {
  start: number;
  end: number;
  quantity: number;
  /** The counted thing as the report words it: "cybersecurity specialists". */
  unit: string;
  unitStart: number;
  unitEnd: number;
  quantityStart: number;
  quantityEnd: number;
  sentence: number;
}

const units = new PhraseMatcher(COMMITMENT_UNITS.map((form) => ({ form, value: true })));
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(?:at least|up to|some|about|au moins|jusqu'à|environ|pelo menos|até|cerca de|не менее|до|около)\s+)?` +
    String.raw`(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?|${Object.keys(NUMBER_WORDS).join("|")})` +
    String.raw`(?:\s+(${Object.keys(SCALE_WORDS).join("|")}))?(?![\p{L}\p{N}])`,
  "giu",
);
/** "a year for four years", "par an pendant cinq ans", "в год": how often and how long, kept in the description. */
const RATE =
  /^(?:\s+(?:a|per|each|every|par|por|ao|в|ежегодно)\s+(?:year|an|annee|ano|год)\p{L}*)?(?:\s+(?:for|over|during|pendant|durant|sur|por|durante|в течение|на)\s+(?:\p{L}+|\d+)\s+(?:years?|ans|annees|anos|лет|года?))?/u;
/** At most this many describing words between the number and what it counts ("10,000 cybersecurity specialists"). */
const MAX_UNIT_WORDS = 3;

export function findCommitments(text: string, sentences: Sentence[]): CommitmentMention[] {
  const mentions: CommitmentMention[] = [];
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(NUMBER)) {
      const mention = readCommitment(text, sentence, match);
      if (mention) mentions.push(mention);
    }
  }
  return mentions;
}

function readCommitment(text: string, sentence: Sentence, match: RegExpExecArray | RegExpMatchArray): CommitmentMention | null {
  const start = sentence.start + match.index!;
  const numberEnd = start + match[0].length;
  const quantity = parseQuantity(match[1]!, match[2]);
  if (quantity === null || (quantity >= 1900 && quantity <= 2100 && !match[2])) return null;
  const following = tokenize(text, numberEnd, sentence.end).slice(0, MAX_UNIT_WORDS);
  // The counted thing must follow the number directly, words only ("200 MW", not "200, and the specialists").
  const contiguous = following.filter((token, i) => /^\s+$/.test(text.slice(i === 0 ? numberEnd : following[i - 1]!.end, token.start)));
  const unitMatch = units.find(contiguous).find((unit) => unit.from === 0 || contiguous.slice(0, unit.from).every((t) => t.norm.length > 2));
  if (!unitMatch) return null;
  const unitStart = contiguous[0]!.start;
  const unitEnd = unitMatch.end;
  const rate = RATE.exec(foldText(text.slice(unitEnd, sentence.end)))?.[0] ?? "";
  const quantityStart = start + match[0].indexOf(match[1]!);
  return {
    start,
    end: unitEnd + rate.length,
    quantity,
    unit: text.slice(unitStart, unitEnd),
    unitStart,
    unitEnd,
    quantityStart,
    quantityEnd: numberEnd,
    sentence: sentence.index,
  };
}

function parseQuantity(number: string, scale: string | undefined): number | null {
  const word = NUMBER_WORDS[normalizeWord(number)];
  let value: number;
  if (word !== undefined) value = word;
  else if (/^\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+$/.test(number)) value = Number(number.replace(/[^\d]/g, ""));
  else value = Number(number.replace(",", "."));
  if (!Number.isFinite(value)) return null;
  return scale ? value * (SCALE_WORDS[normalizeWord(scale)] ?? 1) : value;
}
