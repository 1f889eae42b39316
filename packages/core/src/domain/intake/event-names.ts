/** Named gatherings: "National Cyber Security Conference & Expo 2025", "Russian Energy Week", «Мировой атомной недели». */
const EVENT_NAME =
  /(?:\b[\p{Lu}\dIVX][\p{L}\d'’-]*\s+(?:(?:&|of|on|and|de|du|des|et|da|do)\s+)?){0,6}(?:Forum|Summit|Conference|Expo|Week|Exhibition|Congress|Sommet|Semaine|Salon|Cimeira|Fórum|Conferência|Semana)(?:\s+(?:&\s+)?[\p{Lu}\d][\p{L}\d'’-]*){0,3}/gu;
const QUOTED_EVENT = /«([^»]{3,80}(?:форум|саммит|недел|выставк|конференц|Forum|Summit|Week)[^»]{0,60})»/giu;
const LEADING_ARTICLE = /^(?:The|the|Le|La|Les|O|A)\s+/u;

export interface EventName {
  start: number;
  end: number;
}

/** Every named gathering in the text, two words or more, without a leading article. */
export function findEventNames(text: string): EventName[] {
  const names: EventName[] = [];
  for (const pattern of [QUOTED_EVENT, EVENT_NAME]) {
    for (const match of text.matchAll(pattern)) {
      const inner = match[1] ?? match[0];
      const innerStart = match.index + match[0].indexOf(inner);
      const trimmed = inner.replace(LEADING_ARTICLE, "").trimEnd();
      const start = innerStart + inner.indexOf(trimmed);
      if (trimmed.split(/\s+/).length < 2 || names.some((name) => name.start < start + trimmed.length && start < name.end)) continue;
      names.push({ start, end: start + trimmed.length });
    }
  }
  return names.sort((a, b) => a.start - b.start);
}
