import { notFound } from "next/navigation";
import { type Lang, ZLang } from "@coop/core/validators";
import { localePath } from "@coop/core/publishing";
import { translator } from "@/i18n/catalogue";
import { formatsFor } from "@/i18n/formats";

export type LocaleParams = Promise<{ locale: string }>;

/** The page's language from its `[locale]` segment; any other first segment is not a page of this site. */
export async function readLocale(params: LocaleParams): Promise<Lang> {
  const lang = ZLang.safeParse((await params).locale).data;
  if (!lang) notFound();
  return lang;
}

/** Everything a page needs to speak its reader's language: messages, formats, localised paths. */
export function localeKit(lang: Lang) {
  return { ...translator(lang), format: formatsFor(lang), path: (path: string) => localePath(lang, path) };
}

export type LocaleKit = ReturnType<typeof localeKit>;
