import { francAll } from "franc-min";

/** The languages whose reports intake reads; others are named and left alone. */
export const INTAKE_LANGUAGES = ["en", "fr", "pt", "ru"] as const;
export type IntakeLanguage = (typeof INTAKE_LANGUAGES)[number];

// franc answers in ISO 639-3; records and sources use the two-letter codes where they exist.
const TWO_LETTER: Record<string, string> = {
  eng: "en",
  fra: "fr",
  por: "pt",
  rus: "ru",
  spa: "es",
  deu: "de",
  ita: "it",
  nld: "nl",
  swh: "sw",
  arb: "ar",
  cmn: "zh",
  hau: "ha",
  yor: "yo",
  ibo: "ig",
  amh: "am",
  som: "so",
  zul: "zu",
  xho: "xh",
  afr: "af",
  ukr: "uk",
  bel: "be",
  tur: "tr",
  pol: "pl",
  ron: "ro",
  ces: "cs",
  hun: "hu",
  swe: "sv",
  fin: "fi",
  ell: "el",
  jpn: "ja",
  kor: "ko",
  vie: "vi",
  ind: "id",
  hin: "hi",
  ben: "bn",
  pes: "fa",
  urd: "ur",
  kin: "rw",
  run: "rn",
  nya: "ny",
  sna: "sn",
  mlg: "mg",
  plt: "mg",
  wol: "wo",
  ful: "ff",
};

/**
 * Small words each language uses in every sentence. News text is full of names, which mislead
 * trigram statistics on short reports; these words do not. Languages close to the four
 * (Italian, Spanish…) are counted too, so their reports are not taken for French or Portuguese.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "in", "on", "with", "an", "is", "was", "has", "have", "for", "by", "at", "from", "that", "its", "their", "after"],
  fr: ["le", "la", "les", "et", "des", "du", "un", "une", "est", "au", "aux", "pour", "sur", "avec", "dans", "qui", "ont", "l", "d", "ce"],
  pt: ["o", "os", "as", "e", "do", "da", "dos", "das", "em", "no", "na", "um", "uma", "com", "para", "foi", "pelo", "pela", "ao", "nos"],
  ru: ["и", "в", "на", "с", "по", "о", "что", "не", "для", "из", "к", "от", "а", "об", "при", "также"],
  it: ["il", "lo", "gli", "di", "del", "della", "che", "per", "con", "nel", "è", "ed", "dal", "alla", "delle"],
  es: ["el", "los", "y", "del", "en", "con", "por", "las", "una", "fue", "al", "su", "sus"],
  de: ["der", "die", "das", "und", "mit", "von", "zu", "ist", "den", "dem", "des", "im", "auf"],
  sw: ["wa", "na", "ya", "kwa", "ni", "za", "katika", "kuwa", "la", "cha", "hiyo"],
};
const FUNCTION_WORD_LANGUAGE = new Map(Object.entries(FUNCTION_WORDS).flatMap(([language, words]) => words.map((word) => [word, language] as const)));
/** Trigram scores within this share of the best still count as a candidate. */
const CLOSE_SCORE = 0.85;
const MIN_FUNCTION_WORDS = 2;
/** This many small words of one language, twice as many as of any other, settle it whatever the trigrams say. */
const CLEAR_VOTE = 3;
/** Enough text for a stable guess; more only costs time. */
const SAMPLE_LENGTH = 3000;

/** The report's language: the editor's word when given, else detected; "und" when the text is too short to tell. */
export function detectLanguage(text: string, declared?: string): string {
  if (declared) return declared;
  const sample = text.slice(0, SAMPLE_LENGTH);
  const ranked = francAll(sample, { minLength: 10 });
  const best = ranked[0]?.[0] ?? "und";
  if (best === "und") return best;
  const votes = functionWordVotes(sample);
  const [voted, count = 0] = [...votes.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const runnerUp = [...votes.values()].sort((a, b) => b - a)[1] ?? 0;
  const close = ranked.filter(([, score]) => score >= CLOSE_SCORE).map(([code]) => TWO_LETTER[code] ?? code);
  const clearVote = count >= CLEAR_VOTE && count >= 2 * runnerUp;
  if (voted && isIntakeLanguage(voted) && count >= MIN_FUNCTION_WORDS && count > runnerUp && (close.includes(voted) || clearVote)) return voted;
  return TWO_LETTER[best] ?? best;
}

function functionWordVotes(sample: string): Map<string, number> {
  const votes = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const language = FUNCTION_WORD_LANGUAGE.get(word);
    if (language) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  return votes;
}

export function isIntakeLanguage(language: string): language is IntakeLanguage {
  return (INTAKE_LANGUAGES as readonly string[]).includes(language);
}
