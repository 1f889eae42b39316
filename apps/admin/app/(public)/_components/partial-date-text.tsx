import type { PublicDate } from "@coop/core/validators/partial-date";
import { dateTimeAttribute } from "@/i18n/formats";
import type { LocaleKit } from "@/public-site/locale";

/** A date shown no more precisely than it is known, in the reader's language, machine-readable where known. */
export function PartialDateText({ date, kit }: { date: PublicDate; kit: LocaleKit }) {
  const dateTime = dateTimeAttribute(date);
  const text = kit.format.partialDate(date) ?? kit.m.record.dateUnknown;
  return dateTime ? <time dateTime={dateTime}>{text}</time> : <span>{text}</span>;
}
