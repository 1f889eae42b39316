import * as chrono from "chrono-node";
import type { PageMetadata } from "./report-text";
import type { Sentence } from "./sentences";
import type { TextEvidence } from "./types";

/** What the report says about itself: who wrote it, when, under which headline. */
export interface Byline {
  author?: { text: string; start: number; end: number };
  title?: { text: string; start: number; end: number };
  publishedOn?: { value: string; start: number; end: number };
  /** Spans naming people who made the report rather than took part in the event: authors, photographers, editors. */
  credits: { start: number; end: number }[];
}

const BYLINE_LINES = 6;
const AUTHOR_LINE = /^(?:By|Par|Por|Автор|Author)\s*:?\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})/u;
const BUREAU_LINE = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}),\s+[\p{Lu}][\p{L} ]*(?:Bureau|Correspondent|Reporter)$/u;
const CREDIT =
  /(?:\(|\b)(?:Picture|Photo|Foto|Фото|Editing by|Edité par|Édité par|Edited by|Reporting by)\s*:?\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4})/gu;
const DATE_LINE = /^\s*(?:date|published|publié|publicado|опубликовано|дата)\b\s*:?\s*(.+)$/iu;
const PARSERS = [chrono.en.casual, chrono.fr.casual, chrono.pt.casual, chrono.ru.casual];
const MAX_TITLE_LENGTH = 200;

/** Reads the byline, dateline and headline from the first lines of the report. */
export function readByline(text: string, sentences: Sentence[], page: PageMetadata): Byline {
  const byline: Byline = { credits: [] };
  const firstLines = sentences.slice(0, BYLINE_LINES);
  for (const line of sentences) {
    const author = AUTHOR_LINE.exec(line.text) ?? BUREAU_LINE.exec(line.text);
    if (author && line.text.length < 120) {
      const start = line.start + line.text.indexOf(author[1]!);
      const span = { text: author[1]!.replace(/[,.]+$/, ""), start, end: start + author[1]!.replace(/[,.]+$/, "").length };
      byline.author ??= span;
      byline.credits.push({ start: span.start, end: span.end });
    }
    for (const credit of line.text.matchAll(CREDIT)) {
      const start = line.start + credit.index + credit[0].indexOf(credit[1]!);
      byline.credits.push({ start, end: start + credit[1]!.length });
    }
  }
  for (const line of firstLines) {
    const dateLine = DATE_LINE.exec(line.text) ?? /^\s*date\s+(\d{4}-\d{2}-\d{2})/i.exec(line.text);
    if (dateLine && !byline.publishedOn) {
      const offset = line.start + line.text.indexOf(dateLine[1]!);
      byline.publishedOn = parseBylineDate(dateLine[1]!, offset);
    }
  }
  const headline = sentences[0];
  if (
    !page.title &&
    headline &&
    headline.text.length <= MAX_TITLE_LENGTH &&
    !/[.!?:]$/.test(headline.text) &&
    !DATE_LINE.test(headline.text) &&
    !/^\s*date\s/i.test(headline.text)
  ) {
    byline.title = { text: headline.text, start: headline.start, end: headline.end };
  }
  return byline;
}

/** The first full date in a dateline, in whichever of the four languages it is written. */
function parseBylineDate(line: string, offset: number): Byline["publishedOn"] {
  const iso = /\d{4}-\d{2}-\d{2}/.exec(line);
  if (iso) return { value: iso[0], start: offset + iso.index, end: offset + iso.index + iso[0].length };
  for (const parser of PARSERS) {
    const result = parser.parse(line, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 })[0];
    if (result && result.start.isCertain("year") && result.start.isCertain("month") && result.start.isCertain("day")) {
      const value = [result.start.get("year"), result.start.get("month"), result.start.get("day")].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
      const dayText = result.text.replace(/\s+\d{1,2}[:h]\d{2}.*$/u, "");
      return { value, start: offset + result.index, end: offset + result.index + dayText.length };
    }
  }
  return undefined;
}

/** The publisher named by the page, else the host of its URL without "www.". */
export function publisherOf(page: PageMetadata, url: string | undefined): string | null {
  if (page.siteName) return page.siteName;
  if (!url) return null;
  return new URL(url).hostname.replace(/^www\./, "");
}

export function spanEvidence(text: string, field: string, span: { start: number; end: number }): TextEvidence {
  return { field, start: span.start, end: span.end, quote: text.slice(span.start, span.end) };
}
