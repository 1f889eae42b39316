import { z } from "zod";
import { AgreementKind, Confidence, DatePrecision, LifecycleStatus } from "../generated/prisma/enums";
import { LANGS } from "./vocabulary";

export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 country code such as ZW");

export const ZSectorSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a sector slug such as cybersecurity");

export const ZSlug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug such as zimbabwe-cyberzim-mou");

export const ZLang = z.enum(LANGS);
export type { Lang } from "./vocabulary";

export const ZLifecycleStatus = z.enum(LifecycleStatus);
export const ZAgreementKind = z.enum(AgreementKind);
export const ZConfidence = z.enum(Confidence);
export const ZDatePrecision = z.enum(DatePrecision);

/** A calendar date `YYYY-MM-DD`, checked to exist. */
export const ZIsoDate = z.iso.date({ message: "must be a date YYYY-MM-DD" });

/** An ISO 8601 date-time with offset, e.g. 2025-10-19T00:00:00Z. */
export const ZIsoDateTime = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time such as 2025-10-19T00:00:00Z" });

/**
 * A date known to a given precision: "2025", "2025-10" or "2025-10-19", or null
 * when unknown. Parsed to the first day of the period and its precision.
 */
export const ZPartialDate = z
  .union([z.null(), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM, YYYY-MM-DD or null when unknown")])
  .transform((value, ctx) => {
    if (value === null) return { on: null, precision: "UNKNOWN" as const };
    const [year, month = "01", day = "01"] = value.split("-");
    const on = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(on.getTime()) || on.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) {
      ctx.addIssue({ code: "custom", message: `${value} is not a calendar date` });
      return z.NEVER;
    }
    const precision = value.length === 4 ? "YEAR" : value.length === 7 ? "MONTH" : "DAY";
    return { on, precision } as const;
  });

export type PartialDate = z.output<typeof ZPartialDate>;

/** Up to `max` distinct values, given once or repeated. */
export function oneOrMany<T extends z.ZodType>(item: T, max = 60) {
  return z.union([item, z.array(item).max(max)]).transform((value) => [...new Set(Array.isArray(value) ? value : [value])] as z.output<T>[]);
}
