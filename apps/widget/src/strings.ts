/** Languages the widget speaks; the API translates record titles into the same ones. */
export const LANGS = ["en", "fr", "pt", "ru"] as const;
export type Lang = (typeof LANGS)[number];

export const STATUSES = [
  "ANNOUNCED",
  "PROPOSED",
  "UNDER_NEGOTIATION",
  "SIGNED",
  "IN_FORCE",
  "IMPLEMENTING",
  "COMPLETED",
  "SUSPENDED",
  "CANCELLED",
] as const;
export type Status = (typeof STATUSES)[number];

export interface UiStrings {
  /** Accessible name of the list. */
  list: string;
  loadFailed: string;
  retry: string;
  empty: string;
  dateUnknown: string;
  /** Labels of STATUSES, in the same order. */
  statuses: readonly string[];
}

export const STRINGS: Record<Lang, UiStrings> = {
  en: {
    list: "Latest cooperation records",
    loadFailed: "The records could not be loaded.",
    retry: "Try again",
    empty: "No records match these filters yet.",
    dateUnknown: "date unknown",
    statuses: ["Announced", "Proposed", "Under negotiation", "Signed", "In force", "Being implemented", "Completed", "Suspended", "Cancelled"],
  },
  fr: {
    list: "Dernières fiches de coopération",
    loadFailed: "Les fiches n’ont pas pu être chargées.",
    retry: "Réessayer",
    empty: "Aucune fiche ne correspond encore à ces filtres.",
    dateUnknown: "date inconnue",
    statuses: ["Annoncé", "Proposé", "En négociation", "Signé", "En vigueur", "En cours de mise en œuvre", "Achevé", "Suspendu", "Annulé"],
  },
  pt: {
    list: "Últimos registos de cooperação",
    loadFailed: "Não foi possível carregar os registos.",
    retry: "Tentar novamente",
    empty: "Ainda não há registos para estes filtros.",
    dateUnknown: "data desconhecida",
    statuses: ["Anunciado", "Proposto", "Em negociação", "Assinado", "Em vigor", "Em execução", "Concluído", "Suspenso", "Cancelado"],
  },
  ru: {
    list: "Последние записи о сотрудничестве",
    loadFailed: "Не удалось загрузить записи.",
    retry: "Повторить",
    empty: "По этим фильтрам записей пока нет.",
    dateUnknown: "дата неизвестна",
    statuses: ["Объявлено", "Предложено", "На переговорах", "Подписано", "Вступило в силу", "Выполняется", "Завершено", "Приостановлено", "Отменено"],
  },
};

/** The status label in `lang`; an unknown status shows as sent rather than breaking the item. */
export function statusLabel(status: string, lang: Lang): string {
  const index = STATUSES.indexOf(status as Status);
  return STRINGS[lang].statuses[index] ?? status;
}
