import * as chrono from "chrono-node";
import type { IntakeLanguage } from "./language";
import { LAST_YEAR, MONTH_ALONE, MONTHS, RELATIVE_DATE_WORDS, RUSSIAN_MONTHS_IN, SINCE_WORDS, YEAR_ALONE } from "./lexicon/dates";
import { foldText, normalizeWord } from "./tokens";

/** A date the report states, resolved as far as the report allows. */
export interface DateMention {
  start: number;
  end: number;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when the report does not say enough (no year, or relative to an unknown day). */
  value: string | null;
  /** Said relative to the report's day ("yesterday", "on Monday", "last year"). */
  relative: boolean;
  /** The start of a lasting state ("since 1998"), never an event's date. */
  since: boolean;
}

/** The report's own day, as far as it is known. */
export interface ReferenceDate {
  year: number;
  month?: number;
  day?: number;
}

const PARSERS: Record<IntakeLanguage, chrono.Chrono> = { en: chrono.en.casual, fr: chrono.fr.casual, pt: chrono.pt.casual, ru: chrono.ru.casual };
const DURATION_WORDS =
  /(?:^|[^\p{L}])(?:ans|ann[ée]es?|years?|anos|лет|mois|months?|m[eê]s|meses|месяц\p{L}*|semaines?|weeks?|semanas?|недел\p{L}*|jours|days|dias|дней|дня)(?![\p{L}])/iu;
const MONTH_PREPOSITION = /(?:\bin|\ben|\bem|\bde|\bdu|(?:^|\s)в)\s+$/iu;
/** An event a report announces a few days early still counts as this year's. */
const FUTURE_TOLERANCE_DAYS = 7;

export function parseReference(publishedOn: string | undefined): ReferenceDate | null {
  if (!publishedOn) return null;
  const [year, month, day] = publishedOn.split("-").map(Number);
  return { year: year!, month, day };
}

/** Every date expression in the text, resolved against the report's day where it is relative. */
export function findDates(text: string, language: IntakeLanguage, reference: ReferenceDate | null): DateMention[] {
  const instant = reference ? new Date(Date.UTC(reference.year, (reference.month ?? 12) - 1, reference.day ?? 28, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const mentions: DateMention[] = [];
  for (const result of PARSERS[language].parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
    const mention = resolveChronoResult(result, text, reference);
    if (mention) mentions.push(mention);
  }
  mentions.push(...curatedDates(text, reference, mentions));
  return mentions.sort((a, b) => a.start - b.start);
}

function resolveChronoResult(result: chrono.ParsedResult, text: string, reference: ReferenceDate | null): DateMention | null {
  const component = result.start;
  const year = component.isCertain("year") ? component.get("year") : null;
  const month = component.isCertain("month") ? component.get("month") : null;
  const day = component.isCertain("day") ? component.get("day") : null;
  const weekday = component.isCertain("weekday") ? component.get("weekday") : null;
  // A bare month word ("may", "mars") or a time of day says no date.
  if (day === null && month === null && year === null && weekday === null) return null;
  // A month alone ("en mai", "In March") is a date only with a preposition before it; "may" alone is a verb.
  if (
    month !== null &&
    day === null &&
    year === null &&
    !/^(?:in|en|em|в|au mois de|no mes de)\s/iu.test(result.text.trim()) &&
    !MONTH_PREPOSITION.test(text.slice(Math.max(0, result.index - 12), result.index))
  )
    return null;
  // "pour cinq ans", "for four years", "this week": a length of time or a vague span, not a day.
  if (DURATION_WORDS.test(result.text)) return null;
  // chrono-node keeps a leading ", on " in some results; the evidence starts at the first word.
  const lead = /^[\s,;:]*/.exec(result.text)![0].length;
  const start = result.index + lead;
  const end = result.index + result.text.length;
  // Named months are calendar dates even without a year ("on Monday, February 17"); only "yesterday", "on Monday" and the like are relative.
  const relative = RELATIVE_DATE_WORDS.test(result.text) || (year === null && month === null);
  const since = SINCE_WORDS.has(wordBefore(text, start));
  let value: string | null = null;
  if (year !== null && !RELATIVE_DATE_WORDS.test(result.text)) value = formatDate(year, month, day);
  else if (reference) value = resolveRelative(result, reference, { month, day, weekday });
  return { start, end, value, relative, since };
}

/** A relative expression placed on the calendar from the report's day; null when that day is not known closely enough. */
function resolveRelative(
  result: chrono.ParsedResult,
  reference: ReferenceDate,
  known: { month: number | null; day: number | null; weekday: number | null },
): string | null {
  if (known.month !== null && known.day !== null) return formatDate(yearBefore(reference, known.month, known.day), known.month, known.day);
  if (known.month !== null) return formatDate(yearBefore(reference, known.month, 1), known.month, null);
  if (reference.day === undefined || reference.month === undefined) return null;
  const referenceDay = Date.UTC(reference.year, reference.month - 1, reference.day);
  if (known.weekday !== null && known.day === null) {
    // "on Monday" in a news report is the last Monday up to the report's day.
    const back = (new Date(referenceDay).getUTCDay() - known.weekday + 7) % 7;
    return new Date(referenceDay - back * 86_400_000).toISOString().slice(0, 10);
  }
  const date = result.start.date();
  return formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The year of a day and month given without one: the latest that is not after the report (give or take a week). */
function yearBefore(reference: ReferenceDate, month: number, day: number): number {
  const limit = Date.UTC(reference.year, (reference.month ?? 12) - 1, reference.day ?? 31) + FUTURE_TOLERANCE_DAYS * 86_400_000;
  return Date.UTC(reference.year, month - 1, day) <= limit ? reference.year : reference.year - 1;
}

/** Years alone and "last year", which chrono-node leaves out. */
function curatedDates(text: string, reference: ReferenceDate | null, found: DateMention[]): DateMention[] {
  const covered = (start: number, end: number) => found.some((m) => m.start < end && start < m.end);
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(YEAR_ALONE)) {
    const start = match.index + match[0].indexOf(match[2]!);
    const end = match.index + match[0].length;
    if (covered(start, end)) continue;
    const monthWord = monthBefore(text, start);
    const since = SINCE_WORDS.has(normalizeWord(match[1]!));
    if (monthWord) {
      mentions.push({ start: monthWord.start, end, value: formatDate(Number(match[2]), monthWord.month, null), relative: false, since });
    } else mentions.push({ start, end, value: match[2]!, relative: false, since });
  }
  if (reference) {
    for (const match of foldText(text).matchAll(MONTH_ALONE)) {
      const start = match.index + match[0].length - match[1]!.length;
      const end = match.index + match[0].length;
      if (covered(start, end) || /^\s*,?\s*(?:de\s+)?\d{4}/.test(text.slice(end))) continue;
      const month = MONTHS[match[1]!] ?? RUSSIAN_MONTHS_IN[match[1]!]!;
      mentions.push({ start, end, value: formatDate(yearBefore(reference, month, 1), month, null), relative: false, since: false });
    }
  }
  for (const match of text.matchAll(LAST_YEAR)) {
    if (covered(match.index, match.index + match[0].length)) continue;
    mentions.push({
      start: match.index,
      end: match.index + match[0].length,
      value: reference ? String(reference.year - 1) : null,
      relative: true,
      since: false,
    });
  }
  return mentions;
}

/** "março de 2024": the month word before "de YYYY", where the year pattern starts. */
function monthBefore(text: string, yearStart: number): { month: number; start: number } | null {
  const windowStart = Math.max(0, yearStart - 24);
  const match = /([\p{L}]+)\s+(?:(?:de|of)\s+)?$/u.exec(text.slice(windowStart, yearStart));
  const month = match ? MONTHS[normalizeWord(match[1]!)] : undefined;
  return match && month ? { month, start: windowStart + match.index } : null;
}

function wordBefore(text: string, index: number): string {
  return normalizeWord(/([\p{L}]+)\s*$/u.exec(text.slice(Math.max(0, index - 20), index))?.[1] ?? "");
}

function formatDate(year: number, month: number | null, day: number | null): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (month === null) return String(year);
  if (day === null) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}
