import type { Lang } from "@coop/core/validators";
import { en } from "./messages/en";
import { fr } from "./messages/fr";
import { pt } from "./messages/pt";
import { ru } from "./messages/ru";

/** Plural forms of a message, by the CLDR category `Intl.PluralRules` picks (Russian uses few and many). */
export interface PluralMessage {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

type Catalogue<T> = { [K in keyof T]: T[K] extends { one: string; other: string } ? PluralMessage : T[K] extends string ? string : Catalogue<T[K]> };

/** The shape every language's catalogue has: the English one's, every text a string. */
export type Messages = Catalogue<typeof en>;

const CATALOGUES: Record<Lang, Messages> = { en, fr, pt, ru };

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_AUTONYMS: Record<Lang, string> = { en: "English", fr: "Français", pt: "Português", ru: "Русский" };

export type Values = Record<string, string | number>;

/** `template` with each `{name}` replaced by its value; numbers written as `lang` writes them. */
export function fillIn(lang: Lang, template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? new Intl.NumberFormat(lang).format(value) : value;
  });
}

/** The message's form for `count` in `lang`, with `{count}` filled in. */
export function pluralise(lang: Lang, message: PluralMessage, count: number, values: Values = {}): string {
  const category = new Intl.PluralRules(lang).select(count) as keyof PluralMessage;
  return fillIn(lang, message[category] ?? message.other, { ...values, count });
}

/** The catalogue of a language and its helpers, for one page render. */
export function translator(lang: Lang) {
  const messages = CATALOGUES[lang];
  return {
    lang,
    m: messages,
    t: (template: string, values?: Values) => fillIn(lang, template, values),
    plural: (message: PluralMessage, count: number, values?: Values) => pluralise(lang, message, count, values),
  };
}

export type Translator = ReturnType<typeof translator>;
