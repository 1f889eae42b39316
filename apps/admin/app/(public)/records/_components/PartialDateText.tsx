import { dateTimeAttribute, formatPartialDate, type PartialDate } from "@/records/format";

/** A date shown no more precisely than it is known, machine-readable where known. */
export function PartialDateText({ date }: { date: PartialDate }) {
  const dateTime = dateTimeAttribute(date);
  return dateTime ? <time dateTime={dateTime}>{formatPartialDate(date)}</time> : <span>{formatPartialDate(date)}</span>;
}
