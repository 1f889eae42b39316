import { z } from "zod";
import { oneOrMany, ZAgreementKind, ZConfidence, ZCountryCode, ZIsoDate, ZIsoDateTime, ZLang, ZLifecycleStatus, ZSectorSlug, ZSlug } from "./common";

/** An organisation named in a filter by its slug. */
const ZOrganizationSlug = ZSlug;

/** Filters shared by the list, facets, feed and exports. */
export const ZAgreementFilters = z.object({
  q: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(200)
    .refine((q) => !q.includes("\u0000"), "must not contain NUL characters")
    .optional(),
  country: oneOrMany(ZCountryCode).optional(),
  partner: oneOrMany(ZCountryCode).optional(),
  sector: oneOrMany(ZSectorSlug).optional(),
  status: oneOrMany(ZLifecycleStatus).optional(),
  kind: oneOrMany(ZAgreementKind).optional(),
  confidence: oneOrMany(ZConfidence).optional(),
  /** Records with this organisation (or one of these) among their parties, by slug. */
  organization: oneOrMany(ZOrganizationSlug, 20).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export type TAgreementFilters = z.infer<typeof ZAgreementFilters>;

export const ZAgreementSort = z.enum(["recent", "signed", "title", "relevance"]);
export type TAgreementSort = z.infer<typeof ZAgreementSort>;

function refineDateRange(input: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (input.from && input.to && input.from > input.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  }
}

export const ZAgreementListInput = ZAgreementFilters.extend({
  sort: ZAgreementSort.optional(),
  // Room for a title sort key of 500 characters.
  cursor: z.string().max(2000).nullish(),
  /** Read the page before `cursor` instead of the one after it. */
  direction: z.enum(["forward", "backward"]).default("forward"),
  limit: z.number().int().min(1).max(100).default(20),
  lang: ZLang.optional(),
}).superRefine((input, ctx) => {
  if (input.sort === "relevance" && !input.q) {
    ctx.addIssue({ code: "custom", path: ["sort"], message: "relevance sorting needs a search query q" });
  }
  refineDateRange(input, ctx);
});
export type TAgreementListInput = z.input<typeof ZAgreementListInput>;

/** Every published agreement matching the filters, for exports, in one language. */
export const ZAgreementExportInput = ZAgreementFilters.extend({ lang: ZLang.optional() }).superRefine(refineDateRange);
export type TAgreementExportInput = z.input<typeof ZAgreementExportInput>;

export const ZAgreementBySlugInput = z.object({ slug: ZSlug, lang: ZLang.optional() });
export type TAgreementBySlugInput = z.input<typeof ZAgreementBySlugInput>;

export const ZAgreementChangesInput = z.object({
  since: ZIsoDateTime,
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TAgreementChangesInput = z.input<typeof ZAgreementChangesInput>;

/** The newest records for the widget and the feeds: every list filter, a short limit, a language. */
export const ZFeedLatestInput = ZAgreementFilters.extend({
  limit: z.number().int().min(1).max(20).default(5),
  lang: ZLang.optional(),
}).superRefine(refineDateRange);
export type TFeedLatestInput = z.input<typeof ZFeedLatestInput>;

export const ZTaxonomyInput = z.object({ lang: ZLang.optional() }).optional();

/** Records related to one: sharing parties within a few years of it. */
export const ZAgreementRelatedInput = z.object({ slug: ZSlug, lang: ZLang.optional(), limit: z.number().int().min(1).max(20).default(6) });
export type TAgreementRelatedInput = z.input<typeof ZAgreementRelatedInput>;

export const ZOrganizationBySlugInput = z.object({ slug: ZOrganizationSlug });
