/** Month names chrono-node misses in some phrasings ("em março de 2024"), lower-cased without accents. */
export const MONTHS: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
  janeiro: 1,
  fevereiro: 2,
  marco: 3,
  abril: 4,
  maio: 5,
  junho: 6,
  julho: 7,
  agosto: 8,
  setembro: 9,
  outubro: 10,
  dezembro: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Russian months after "в": "в мае", "в сентябре". */
export const RUSSIAN_MONTHS_IN: Record<string, number> = {
  январе: 1,
  феврале: 2,
  марте: 3,
  апреле: 4,
  мае: 5,
  июне: 6,
  июле: 7,
  августе: 8,
  сентябре: 9,
  октябре: 10,
  ноябре: 11,
  декабре: 12,
};

/** Words that make a date expression relative to the report's own date. */
export const RELATIVE_DATE_WORDS =
  /\b(?:yesterday|today|tomorrow|tonight|last|next|this|ago|recently|hier|aujourd|demain|dernier|derniere|prochain|prochaine|ce|cette|ontem|hoje|amanha|passad[oa]|proxim[oa]|est[ea]|nest[ea])\b|(?:^|\s)(?:вчера|сегодня|завтра|прошл\p{L}*|следующ\p{L}*|назад|этом|эту|в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))/iu;

/** "last year" and its kin: the year before the report's, to the year. */
export const LAST_YEAR = /\b(?:last year|l['’]an dernier|l['’]ann[ée]e derni[èe]re|no ano passado|o ano passado)\b|в прошлом году/giu;

/** A year alone after a preposition: "in 2024", "en 2023", "em 2019", "в 2024 году", "since 1998". */
export const YEAR_ALONE =
  /(?<![\p{L}])(in|en|em|de|since|depuis|desde|of|du|в|в конце|в начале|с|до|late|early|fin|début)\s+((?:19|20)\d{2})(?!\s*[-–/]\d)(?:\s+(?:году|года|г\.))?/giu;

/** Words before a date that make it the start of a long-standing state, not an event: "since 1998". */
export const SINCE_WORDS = new Set(["since", "depuis", "desde", "с"]);

/** A month named alone after a preposition: "In March", "en mai", "de julho", "в мае". */
export const MONTH_ALONE = new RegExp(
  `(?:^|[^\\p{L}])(?:in|en|em|de|du|au mois de|no mes de|в)\\s+(${[...Object.keys(MONTHS), ...Object.keys(RUSSIAN_MONTHS_IN)].join("|")})(?![\\p{L}])`,
  "giu",
);
