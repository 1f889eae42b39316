/** A word of the report with its place in the text (UTF-16 offsets, end exclusive). */
export interface Token {
  /** Lower-cased, without accents, ё as е and й as и: the form lexicons are written in. */
  norm: string;
  start: number;
  end: number;
  /** The word starts with a capital letter in the text. */
  capitalized: boolean;
  /** Every letter is a capital: "AU", "SADC". */
  allCaps: boolean;
}

/** Lower case, accents dropped, ё/й folded: "Zimbabwéen" and "zimbabween" compare equal. */
export function normalizeWord(word: string): string {
  if (/^[a-z0-9]*$/.test(word)) return word;
  return word
    .toLowerCase()
    .replace(/й/g, "и")
    .replace(/ё/g, "е")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text` between `from` and `to`; hyphens and apostrophes separate words. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    const word = match[0];
    tokens.push({
      norm: normalizeWord(word),
      start: match.index,
      end: match.index + word.length,
      capitalized: /^\p{Lu}/u.test(word),
      allCaps: !/\p{Ll}/u.test(word),
    });
  }
  return tokens;
}

/** The text folded as `normalizeWord` folds words, character by character, so offsets stay offsets into the text. */
export function foldText(text: string): string {
  let folded = "";
  for (const char of text) {
    const one = normalizeWord(char);
    folded += one.length === char.length ? one : char;
  }
  return folded;
}
