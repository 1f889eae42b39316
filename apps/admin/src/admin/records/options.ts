import { ZAgreementInput, ZEditorListInput, ZOrganizationInput, ZPartyInput } from "@coop/core/validators/editorial";
import { enumLabel } from "../format";

/** Select options of an enum: the stored value and a readable label. */
function optionsOf(values: readonly string[]) {
  return values.map((value) => ({ value, label: enumLabel(value) }));
}

const shape = ZAgreementInput.shape;
export const KIND_OPTIONS = optionsOf(shape.kind.options);
export const STATUS_OPTIONS = optionsOf(shape.status.options);
export const CONFIDENCE_OPTIONS = optionsOf(shape.confidence.unwrap().options);
export const STATE_OPTIONS = optionsOf(ZEditorListInput.shape.state.unwrap().element.options);
export const SIDE_OPTIONS = [
  { value: "AFRICA", label: "African side" },
  { value: "PARTNER", label: "Partner (Russia/Belarus)" },
];
export const ROLE_OPTIONS = optionsOf(ZPartyInput.shape.role.unwrap().options);
export const TRANSLATION_LOCALES = ["FR", "PT", "RU"] as const;

export const STATE_COLORS: Record<string, string> = { DRAFT: "gray", IN_REVIEW: "yellow", PUBLISHED: "green", ARCHIVED: "dark" };
export const ORGANIZATION_KIND_OPTIONS = optionsOf(ZOrganizationInput.shape.kind.options);
