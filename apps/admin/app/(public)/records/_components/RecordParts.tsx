import type { RouterOutputs } from "@coop/core/trpc";
import { safeHttpUrl } from "@coop/core/publishing";
import { enumLabel, formatInstant, formatPartialDate, formatQuantity } from "@/records/format";
import styles from "../records.module.css";
import { PartialDateText } from "./PartialDateText";
import { StatusBadge } from "./StatusBadge";

type RecordDetail = RouterOutputs["agreement"]["bySlug"];
type Source = RecordDetail["sources"][number];

/** Sources are numbered in the order editors gave them; citations point at those numbers. */
export type SourceNumbers = Map<string, number>;

export function numberSources(sources: Source[]): SourceNumbers {
  return new Map(sources.map((source, index) => [source.id, index + 1]));
}

/** A short name for a source: its publisher, else its title, else its web host, else its date. */
function sourceLabel(source: Source): string {
  const href = safeHttpUrl(source.url);
  const dated = source.published.date ? `Report of ${formatPartialDate(source.published)}` : "Untitled report";
  return source.publisher ?? source.title ?? (href ? new URL(href).hostname : dated);
}

/** "Source: [2] The Herald", linking to the entry in the sources list. */
export function Citation({ sourceId, sources, numbers }: { sourceId: string | null; sources: Source[]; numbers: SourceNumbers }) {
  const source = sources.find((candidate) => candidate.id === sourceId);
  const number = sourceId ? numbers.get(sourceId) : undefined;
  if (!source || !number) return <span className={`${styles.muted} ${styles.small}`}>No source cited</span>;
  return (
    <span className={styles.small}>
      Source: <a href={`#source-${number}`}>[{number}] {sourceLabel(source)}</a>
    </span>
  );
}

export function Parties({ parties, countryName }: { parties: RecordDetail["parties"]; countryName: (code: string) => string }) {
  const sides = [
    { side: "AFRICA", heading: "African side" },
    { side: "PARTNER", heading: "Partner side" },
  ] as const;
  return (
    <div className={styles.sides}>
      {sides.map(({ side, heading }) => (
        <section key={side} className={styles.card} aria-label={heading}>
          <h3>{heading}</h3>
          <ul className={styles.plain}>
            {parties
              .filter((party) => party.side === side)
              .map((party, index) => (
                <li key={`${party.organization?.slug ?? party.country}-${index}`}>
                  <strong>{party.organization?.name ?? (party.country ? countryName(party.country) : "Unnamed party")}</strong>
                  {party.organization && party.country && <span className={styles.muted}> · {countryName(party.country)}</span>}
                  <div className={`${styles.muted} ${styles.small}`}>{enumLabel(party.role)}</div>
                  {party.representative && (
                    <div className={styles.small}>
                      Represented by {party.representative.name}
                      {party.representative.title && `, ${party.representative.title}`}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Delivery({ commitment }: { commitment: RecordDetail["commitments"][number] }) {
  const { quantity, delivered, unit } = commitment;
  if (delivered === null) return <span>Delivered: not reported yet</span>;
  const share = quantity && Number(quantity) > 0 ? Math.round((Number(delivered) / Number(quantity)) * 100) : null;
  return (
    <span className={styles.progress}>
      Delivered: {formatQuantity(delivered)}
      {unit && ` ${unit}`}
      {share !== null && quantity && (
        <>
          {` (${share}%)`}
          <meter min={0} max={Number(quantity)} value={Number(delivered)} aria-label="Delivered against promised" />
        </>
      )}
    </span>
  );
}

export function Commitments({ record, numbers }: { record: RecordDetail; numbers: SourceNumbers }) {
  return (
    <ul className={styles.plain}>
      {record.commitments.map((commitment, index) => (
        <li key={index} className={styles.card}>
          <p className={styles.note}>{commitment.description}</p>
          <div className={styles.small}>
            Promised: {commitment.quantity ? `${formatQuantity(commitment.quantity)}${commitment.unit ? ` ${commitment.unit}` : ""}` : "no figure given"}
            {" · "}
            Deadline: <PartialDateText date={commitment.deadline} />
          </div>
          <div className={styles.small}>
            <Delivery commitment={commitment} />
          </div>
          {commitment.deliveredNote && <p className={styles.small}>{commitment.deliveredNote}</p>}
          <Citation sourceId={commitment.sourceId} sources={record.sources} numbers={numbers} />
        </li>
      ))}
    </ul>
  );
}

export function Timeline({ record, numbers }: { record: RecordDetail; numbers: SourceNumbers }) {
  return (
    <ol className={styles.timeline}>
      {record.timeline.map((step, index) => (
        <li key={index}>
          <div className={styles.meta}>
            <PartialDateText date={step.on} />
            <StatusBadge status={step.status} />
          </div>
          {step.note && <p className={styles.note}>{step.note}</p>}
          <Citation sourceId={step.sourceId} sources={record.sources} numbers={numbers} />
        </li>
      ))}
    </ol>
  );
}

export function Sources({ sources }: { sources: Source[] }) {
  return (
    <ol className={styles.sources}>
      {sources.map((source, index) => {
        const href = safeHttpUrl(source.url);
        const name = source.title ?? sourceLabel(source);
        const details = [source.title ? source.publisher : null, source.author, source.language?.toUpperCase()].filter(Boolean);
        return (
          <li key={source.id} id={`source-${index + 1}`}>
            {href ? (
              <a href={href} rel="noopener nofollow">
                {name}
              </a>
            ) : (
              <strong>{name}</strong>
            )}
            <div className={`${styles.muted} ${styles.small}`}>
              {details.join(" · ")}
              {details.length ? " · " : ""}
              Published <PartialDateText date={source.published} />
              {source.retrievedAt && ` · retrieved ${formatInstant(source.retrievedAt)}`}
              {source.url && !href && " · link withheld: not a web address"}
            </div>
            {source.excerpt && <blockquote className={styles.excerpt}>{source.excerpt}</blockquote>}
          </li>
        );
      })}
    </ol>
  );
}
