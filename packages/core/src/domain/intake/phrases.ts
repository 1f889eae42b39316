import { normalizeWord, type Token } from "./tokens";

/** A lexicon entry: word patterns (see lexicon/countries.ts for the notation) and what they mean. */
export interface PhraseEntry<T> {
  form: string;
  value: T;
  /** The first word must be capitalized in the text (names, not common words). */
  capitalized?: boolean;
  /** Every word must be written in capitals, as acronyms are ("AU", not the French "au"). */
  allCaps?: boolean;
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first and one past the last matched token. */
  from: number;
  to: number;
  start: number;
  end: number;
}

type WordTest = string | RegExp;
interface CompiledPhrase<T> {
  words: WordTest[];
  value: T;
  capitalized: boolean;
  allCaps: boolean;
}

/** Finds lexicon phrases in tokenized text, longest match first, in one pass. */
export class PhraseMatcher<T> {
  private readonly byPrefix = new Map<string, CompiledPhrase<T>[]>();

  constructor(entries: Iterable<PhraseEntry<T>>) {
    for (const entry of entries) {
      const words = entry.form.trim().split(/\s+/).map(compileWord);
      const first = entry.form.trim().split(/\s+/)[0]!;
      const key = normalizeWord(first).slice(0, 1);
      if (!/^[\p{L}\p{N}]$/u.test(key)) throw new Error(`lexicon form "${entry.form}" must start with a letter`);
      const bucket = this.byPrefix.get(key) ?? [];
      bucket.push({ words, value: entry.value, capitalized: entry.capitalized ?? false, allCaps: entry.allCaps ?? false });
      this.byPrefix.set(key, bucket);
    }
  }

  find(tokens: Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length;) {
      const best = this.longestAt(tokens, i);
      if (best) {
        matches.push({ value: best.value, from: i, to: i + best.words.length, start: tokens[i]!.start, end: tokens[i + best.words.length - 1]!.end });
        i += best.words.length;
      } else i += 1;
    }
    return matches;
  }

  private longestAt(tokens: Token[], i: number): CompiledPhrase<T> | undefined {
    const bucket = this.byPrefix.get(tokens[i]!.norm.slice(0, 1));
    let best: CompiledPhrase<T> | undefined;
    for (const phrase of bucket ?? []) {
      if (best && phrase.words.length <= best.words.length) continue;
      if (phrase.capitalized && !tokens[i]!.capitalized) continue;
      if (fitsAt(phrase, tokens, i)) best = phrase;
    }
    return best;
  }
}

function fitsAt<T>(phrase: CompiledPhrase<T>, tokens: Token[], i: number): boolean {
  if (i + phrase.words.length > tokens.length) return false;
  for (let k = 0; k < phrase.words.length; k += 1) {
    const token = tokens[i + k]!;
    if (!wordMatches(phrase.words[k]!, token.norm) || (phrase.allCaps && !token.allCaps)) return false;
  }
  return true;
}

function compileWord(pattern: string): WordTest {
  const normalized = normalizeWord(pattern);
  if (/^[\p{L}\p{N}]+$/u.test(normalized)) return normalized;
  return new RegExp(`^(?:${normalized.replace(/\*/g, "\\p{L}{0,4}")})$`, "u");
}

function wordMatches(test: WordTest, word: string): boolean {
  return typeof test === "string" ? test === word : test.test(word);
}
