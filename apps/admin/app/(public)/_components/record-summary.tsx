import type { RouterOutputs } from "@coop/core/trpc";
import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";
import { PartialDateText } from "./partial-date-text";
import { StatusBadge, UnverifiedMark } from "./status-badge";

type Agreement = RouterOutputs["agreement"]["list"]["items"][number];

/** One record in a list: title linking to its page, status, kind, the date that matters, the countries. */
export function RecordSummary({
  agreement,
  kit,
  countryName,
  headingLevel = 2,
}: {
  agreement: Agreement;
  kit: LocaleKit;
  countryName: (code: string) => string;
  headingLevel?: 2 | 3;
}) {
  const { m } = kit;
  const dated = agreement.signed.date ? { label: m.record.signed, date: agreement.signed } : { label: m.record.announced, date: agreement.announced };
  const names = (codes: string[]) => codes.map(countryName).join(", ");
  const Heading = `h${headingLevel}` as const;
  return (
    <li className={styles.result}>
      <article>
        <Heading lang={agreement.lang}>
          <a href={agreement.path}>{agreement.title}</a>
          {agreement.lang !== kit.lang && (
            <span className={`${styles.muted} ${styles.small} ${styles.original}`} lang={kit.lang}>
              {" "}
              {m.record.inOriginal}
            </span>
          )}
        </Heading>
        <p className={styles.meta}>
          <StatusBadge status={agreement.status} kit={kit} />
          <UnverifiedMark confidence={agreement.confidence} kit={kit} />
          <span>{m.kind[agreement.kind]}</span>
          <span>
            {dated.date.date ? (
              <>
                {dated.label} <PartialDateText date={dated.date} kit={kit} />
              </>
            ) : (
              m.record.dateUnknownShort
            )}
          </span>
          <span>
            {names(agreement.countries)} – {names(agreement.partners)}
          </span>
        </p>
        {agreement.summary && (
          <p className={styles.summary} lang={agreement.lang}>
            {agreement.summary}
          </p>
        )}
      </article>
    </li>
  );
}
