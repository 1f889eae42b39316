import Link from "next/link";
import type { RouterOutputs } from "@coop/core/trpc";
import type { Lang } from "@coop/core/validators";
import { enumLabel } from "@/records/format";
import styles from "../records.module.css";
import { PartialDateText } from "./PartialDateText";
import { StatusBadge } from "./StatusBadge";

type Agreement = RouterOutputs["agreement"]["list"]["items"][number];

/** One record in the list: title linking to its page, status, kind, the date that matters, the countries. */
export function RecordSummary({ agreement, requestedLang, countryName }: { agreement: Agreement; requestedLang?: Lang; countryName: Map<string, string> }) {
  const href = `/records/${agreement.slug}${requestedLang && requestedLang !== "en" && agreement.lang === requestedLang ? `?lang=${requestedLang}` : ""}`;
  const dated = agreement.signed.date ? { label: "Signed", date: agreement.signed } : { label: "Announced", date: agreement.announced };
  const names = (codes: string[]) => codes.map((code) => countryName.get(code) ?? code).join(", ");
  return (
    <li className={styles.result}>
      <article lang={agreement.lang}>
        <h2>
          <Link href={href}>{agreement.title}</Link>
        </h2>
        <p className={styles.meta}>
          <StatusBadge status={agreement.status} />
          <span>{enumLabel(agreement.kind)}</span>
          <span>
            {dated.date.date ? <>{dated.label} <PartialDateText date={dated.date} /></> : "Date unknown"}
          </span>
          <span>
            {names(agreement.countries)} – {names(agreement.partners)}
          </span>
        </p>
        {agreement.summary && <p className={styles.summary}>{agreement.summary}</p>}
      </article>
    </li>
  );
}
