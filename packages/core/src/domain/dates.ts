import type { DatePrecision } from "../generated/prisma/enums";

/** A `@db.Date` value as `YYYY-MM-DD`, or null. */
export function toIsoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export interface PublicDate {
  /** First day of the known period, `YYYY-MM-DD`; null when unknown. */
  date: string | null;
  precision: DatePrecision;
}

export function toPublicDate(value: Date | null, precision: DatePrecision): PublicDate {
  return value ? { date: toIsoDate(value), precision } : { date: null, precision: "UNKNOWN" };
}
