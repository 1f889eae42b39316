import { franc } from "franc-min";

/** The languages whose reports intake reads; others are named and left alone. */
export const INTAKE_LANGUAGES = ["en", "fr", "pt", "ru"] as const;
export type IntakeLanguage = (typeof INTAKE_LANGUAGES)[number];

// franc answers in ISO 639-3; records and sources use the two-letter codes where they exist.
const TWO_LETTER: Record<string, string> = {
  eng: "en", fra: "fr", por: "pt", rus: "ru", spa: "es", deu: "de", ita: "it", nld: "nl", swh: "sw", arb: "ar", cmn: "zh",
  hau: "ha", yor: "yo", ibo: "ig", amh: "am", som: "so", zul: "zu", xho: "xh", afr: "af", ukr: "uk", bel: "be", tur: "tr",
  pol: "pl", ron: "ro", ces: "cs", hun: "hu", swe: "sv", fin: "fi", ell: "el", jpn: "ja", kor: "ko", vie: "vi", ind: "id",
  hin: "hi", ben: "bn", pes: "fa", urd: "ur", kin: "rw", run: "rn", nya: "ny", sna: "sn", mlg: "mg", wol: "wo", ful: "ff",
};

/** Enough text for a stable guess; more only costs time. */
const SAMPLE_LENGTH = 4000;

/** The report's language: the editor's word when given, else detected; "und" when the text is too short to tell. */
export function detectLanguage(text: string, declared?: string): string {
  if (declared) return declared;
  const detected = franc(text.slice(0, SAMPLE_LENGTH), { minLength: 20 });
  return TWO_LETTER[detected] ?? detected;
}

export function isIntakeLanguage(language: string): language is IntakeLanguage {
  return (INTAKE_LANGUAGES as readonly string[]).includes(language);
}
