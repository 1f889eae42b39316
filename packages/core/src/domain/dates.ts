import type { DatePrecision } from "../generated/prisma/enums";
import type { PublicDate } from "../validators/partial-date";

export type { PublicDate };

/** A `@db.Date` value as `YYYY-MM-DD`, or null. */
export function toIsoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function toPublicDate(value: Date | null, precision: DatePrecision): PublicDate {
  return value ? { date: toIsoDate(value), precision } : { date: null, precision: "UNKNOWN" };
}
