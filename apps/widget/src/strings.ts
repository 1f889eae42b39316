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

/** Codes the widget names in words: the statuses, then the marker of unverified records. */
const LABELLED: string[] = [...STATUSES, "UNVERIFIED"];

export interface UiStrings {
  /** Accessible name of the list. */
  list: string;
  loadFailed: string;
  retry: string;
  empty: string;
  dateUnknown: string;
  /** Labels of LABELLED in the same order, separated by "|"; English reads the codes themselves. */
  statuses?: string;
}

export const STRINGS: Record<Lang, UiStrings> = {
  en: {
    list: "Latest cooperation records",
    loadFailed: "The records could not be loaded.",
    retry: "Try again",
    empty: "No records yet.",
    dateUnknown: "date unknown",
  },
  fr: {
    list: "Dernières fiches de coopération",
    loadFailed: "Les fiches n’ont pas pu être chargées.",
    retry: "Réessayer",
    empty: "Aucune fiche pour l’instant.",
    dateUnknown: "date inconnue",
    statuses: "Annoncé|Proposé|En négociation|Signé|En vigueur|En cours de mise en œuvre|Achevé|Suspendu|Annulé|Non vérifié",
  },
  pt: {
    list: "Últimos registos de cooperação",
    loadFailed: "Não foi possível carregar os registos.",
    retry: "Tentar novamente",
    empty: "Ainda sem registos.",
    dateUnknown: "data desconhecida",
    statuses: "Anunciado|Proposto|Em negociação|Assinado|Em vigor|Em execução|Concluído|Suspenso|Cancelado|Não verificado",
  },
  ru: {
    list: "Последние записи о сотрудничестве",
    loadFailed: "Не удалось загрузить записи.",
    retry: "Повторить",
    empty: "Записей пока нет.",
    dateUnknown: "дата неизвестна",
    statuses: "Объявлено|Предложено|На переговорах|Подписано|Вступило в силу|Выполняется|Завершено|Приостановлено|Отменено|Не проверено",
  },
};

/** The label of a status (or of UNVERIFIED) in `lang`; English, and any code without a translation, read the code in sentence case ("IN_FORCE": "In force"). */
export function statusLabel(status: string, lang: Lang): string {
  const label = STRINGS[lang].statuses?.split("|")[LABELLED.indexOf(status)];
  return label ?? status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");
}
