// Plain values of the record vocabulary, without zod: the dashboard's list screens load this
// in the browser instead of the validators.
import type { Confidence, LifecycleStatus, Role } from "../generated/prisma/enums";

export { AgreementKind, Confidence, EditorialState, LifecycleStatus, OrganizationKind, PartyRole } from "../generated/prisma/enums";

/** Each role can do what the roles below it can (the server checks it; the dashboard hides what a role cannot reach). */
const ROLE_RANK: Record<Role, number> = { CONTRIBUTOR: 1, EDITOR: 2, ADMIN: 3 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[atLeast];
}

/** The languages readers are served in; English is the original of every record. */
export const LANGS = ["en", "fr", "pt", "ru"] as const;
export type Lang = (typeof LANGS)[number];

/** What readers call each lifecycle status: the public pages, the dashboard and the widget (through `feed.latest`) all say these. */
export const LIFECYCLE_STATUS_LABELS: Record<Lang, Record<LifecycleStatus, string>> = {
  en: {
    ANNOUNCED: "Announced",
    PROPOSED: "Proposed",
    UNDER_NEGOTIATION: "Under negotiation",
    SIGNED: "Signed",
    IN_FORCE: "In force",
    IMPLEMENTING: "Implementing",
    COMPLETED: "Completed",
    SUSPENDED: "Suspended",
    CANCELLED: "Cancelled",
  },
  fr: {
    ANNOUNCED: "Annoncé",
    PROPOSED: "Proposé",
    UNDER_NEGOTIATION: "En négociation",
    SIGNED: "Signé",
    IN_FORCE: "En vigueur",
    IMPLEMENTING: "En cours de mise en œuvre",
    COMPLETED: "Achevé",
    SUSPENDED: "Suspendu",
    CANCELLED: "Annulé",
  },
  pt: {
    ANNOUNCED: "Anunciado",
    PROPOSED: "Proposto",
    UNDER_NEGOTIATION: "Em negociação",
    SIGNED: "Assinado",
    IN_FORCE: "Em vigor",
    IMPLEMENTING: "Em execução",
    COMPLETED: "Concluído",
    SUSPENDED: "Suspenso",
    CANCELLED: "Cancelado",
  },
  ru: {
    ANNOUNCED: "Объявлено",
    PROPOSED: "Предложено",
    UNDER_NEGOTIATION: "На переговорах",
    SIGNED: "Подписано",
    IN_FORCE: "Вступило в силу",
    IMPLEMENTING: "Выполняется",
    COMPLETED: "Завершено",
    SUSPENDED: "Приостановлено",
    CANCELLED: "Отменено",
  },
};

/** What readers call each confidence level; UNVERIFIED is the marker shown on such records. */
export const CONFIDENCE_LABELS: Record<Lang, Record<Confidence, string>> = {
  en: { CONFIRMED: "Confirmed", REPORTED: "Reported", UNVERIFIED: "Unverified" },
  fr: { CONFIRMED: "Confirmée", REPORTED: "Rapportée", UNVERIFIED: "Non vérifiée" },
  pt: { CONFIRMED: "Confirmado", REPORTED: "Noticiado", UNVERIFIED: "Não verificado" },
  ru: { CONFIRMED: "Подтверждено", REPORTED: "По сообщениям", UNVERIFIED: "Не проверено" },
};

/** Orders of the editors' list; each pages by keyset on its key and the record id. */
export const EDITOR_SORTS = ["updated", "title", "signed"] as const;
export type TEditorSort = (typeof EDITOR_SORTS)[number];
export type TSortOrder = "asc" | "desc";
/** The order a sort takes unless told otherwise: titles A–Z, dates newest first. */
export const DEFAULT_EDITOR_SORT_ORDER = { updated: "desc", title: "asc", signed: "desc" } as const satisfies Record<TEditorSort, TSortOrder>;
