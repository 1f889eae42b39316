import { AgreementKind, Confidence, EditorialState, LifecycleStatus, OrganizationKind, PartyRole } from "@coop/core/validators/vocabulary";
import { enumLabel } from "../format";

/** Select options of an enum: the stored value and a readable label. */
function optionsOf(values: Record<string, string>) {
  return Object.values(values).map((value) => ({ value, label: enumLabel(value) }));
}

export const KIND_OPTIONS = optionsOf(AgreementKind);
export const STATUS_OPTIONS = optionsOf(LifecycleStatus);
export const CONFIDENCE_OPTIONS = optionsOf(Confidence);
export const STATE_OPTIONS = optionsOf(EditorialState);
export const SIDE_OPTIONS = [
  { value: "AFRICA", label: "African side" },
  { value: "PARTNER", label: "Partner (Russia/Belarus)" },
];
export const ROLE_OPTIONS = optionsOf(PartyRole);
export const TRANSLATION_LOCALES = ["FR", "PT", "RU"] as const;

export const STATE_COLORS: Record<string, string> = { DRAFT: "gray", IN_REVIEW: "yellow", PUBLISHED: "green", ARCHIVED: "dark" };
export const ORGANIZATION_KIND_OPTIONS = optionsOf(OrganizationKind);
