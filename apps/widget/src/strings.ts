import type { Lang, LifecycleStatus } from "@coop/core/validators/vocabulary";

export type { Lang };

/** The element's own words, in every language the site serves (a language added to the core fails typecheck here). */
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
  },
  pt: {
    list: "Últimos registos de cooperação",
    loadFailed: "Não foi possível carregar os registos.",
    retry: "Tentar novamente",
    empty: "Ainda sem registos.",
    dateUnknown: "data desconhecida",
  },
  ru: {
    list: "Последние записи о сотрудничестве",
    loadFailed: "Не удалось загрузить записи.",
    retry: "Повторить",
    empty: "Записей пока нет.",
    dateUnknown: "дата неизвестна",
  },
};

export interface UiStrings {
  /** Accessible name of the list. */
  list: string;
  loadFailed: string;
  retry: string;
  empty: string;
  dateUnknown: string;
}

/** Languages the widget speaks; the API sends titles and labels in the same ones. */
export const LANGS = Object.keys(STRINGS) as Lang[];

export type Status = LifecycleStatus;

/** The `status` values the API accepts: every key is required, so a status added to the core fails typecheck here. */
const STATUS_KEYS: Record<Status, 0> = {
  ANNOUNCED: 0,
  PROPOSED: 0,
  UNDER_NEGOTIATION: 0,
  SIGNED: 0,
  IN_FORCE: 0,
  IMPLEMENTING: 0,
  COMPLETED: 0,
  SUSPENDED: 0,
  CANCELLED: 0,
};
export const STATUSES = Object.keys(STATUS_KEYS) as Status[];
