// Plain values of the record vocabulary, without zod: the dashboard's list screens load this
// in the browser instead of the validators.
export { AgreementKind, Confidence, EditorialState, LifecycleStatus, OrganizationKind, PartyRole } from "../generated/prisma/enums";

/** Orders of the editors' list; each pages by keyset on its key and the record id. */
export const EDITOR_SORTS = ["updated", "title", "signed"] as const;
export type TEditorSort = (typeof EDITOR_SORTS)[number];
export type TSortOrder = "asc" | "desc";
/** The order a sort takes unless told otherwise: titles A–Z, dates newest first. */
export const DEFAULT_EDITOR_SORT_ORDER = { updated: "desc", title: "asc", signed: "desc" } as const satisfies Record<TEditorSort, TSortOrder>;
