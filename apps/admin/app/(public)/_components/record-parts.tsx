import { safeHttpUrl } from "@coop/core/publishing";
import type { RouterOutputs } from "@coop/core/trpc";
import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";
import type { CitationLookup } from "@/public-site/citations";
import { CitedBy } from "./cited-by";
import { PartialDateText } from "./partial-date-text";
import { StatusBadge } from "./status-badge";

type RecordDetail = RouterOutputs["agreement"]["bySlug"];
type Source = RecordDetail["sources"][number];

/** Sources are numbered in the order editors gave them; citations point at those numbers. */
export type SourceNumbers = Map<string, number>;

export function numberSources(sources: Source[]): SourceNumbers {
  return new Map(sources.map((source, index) => [source.id, index + 1]));
}

/** A short name for a source: its publisher, else its title, else its web host, else its date. */
function sourceLabel(source: Source, kit: LocaleKit): string {
  const href = safeHttpUrl(source.url);
  const date = kit.format.partialDate(source.published);
  const dated = date ? kit.t(kit.m.record.reportOf, { date }) : kit.m.record.untitledReport;
  return source.publisher ?? source.title ?? (href ? new URL(href).hostname : dated);
}

/** "Source: [2] The Herald", linking to the entry in the sources list. */
function Citation({ sourceId, sources, numbers, kit }: { sourceId: string | null; sources: Source[]; numbers: SourceNumbers; kit: LocaleKit }) {
  const source = sources.find((candidate) => candidate.id === sourceId);
  const number = sourceId ? numbers.get(sourceId) : undefined;
  if (!source || !number) return <span className={`${styles.muted} ${styles.small}`}>{kit.m.record.noSource}</span>;
  return (
    <span className={styles.small}>
      {kit.m.record.source}{" "}
      <a href={`#source-${number}`}>
        [{number}] {sourceLabel(source, kit)}
      </a>
    </span>
  );
}

/** Text shown in the original because it has no translation: marked, and announced in its own language. */
function OriginalMark({ lang, kit }: { lang: string; kit: LocaleKit }) {
  if (lang === kit.lang) return null;
  return <span className={`${styles.muted} ${styles.small}`}> {kit.m.record.inOriginal}</span>;
}

export function Parties({
  parties,
  countryName,
  citations,
  kit,
}: {
  parties: RecordDetail["parties"];
  countryName: (code: string) => string;
  citations: CitationLookup;
  kit: LocaleKit;
}) {
  const { m } = kit;
  const cite = (index: number, part: string, ...fields: string[]) => (
    <CitedBy references={citations(...fields.map((field) => `parties.${index}.${field}`))} placement={`parties.${index}.${part}`} kit={kit} />
  );
  const sides = [
    { side: "AFRICA", heading: m.record.africanSide },
    { side: "PARTNER", heading: m.record.partnerSide },
  ] as const;
  const countryLink = (code: string) => <a href={kit.path(`/countries/${code}`)}>{countryName(code)}</a>;
  return (
    <div className={styles.sides}>
      {sides.map(({ side, heading }) => (
        <section key={side} className={styles.card} aria-label={heading}>
          <h3>{heading}</h3>
          <ul className={styles.plain}>
            {parties
              // Citations name a party by its place among all parties, kept through the split by side.
              .map((party, index) => ({ party, index }))
              .filter(({ party }) => party.side === side)
              .map(({ party, index }) => (
                <li key={index}>
                  <strong>
                    {party.organization ? (
                      <a href={kit.path(`/organizations/${party.organization.slug}`)}>{party.organization.name}</a>
                    ) : party.country ? (
                      countryLink(party.country)
                    ) : (
                      m.record.unnamedParty
                    )}
                  </strong>
                  {party.organization ? cite(index, "name", "organizationId", "side") : cite(index, "name", "countryCode", "side")}
                  {party.organization && party.country && (
                    <span className={styles.muted}>
                      {" · "}
                      {countryLink(party.country)}
                      {cite(index, "country", "countryCode")}
                    </span>
                  )}
                  <div className={`${styles.muted} ${styles.small}`}>
                    {m.role[party.role]}
                    {cite(index, "role", "role")}
                  </div>
                  {party.representative && (
                    <div className={styles.small}>
                      {kit.t(m.record.representedBy, {
                        name: party.representative.title ? `${party.representative.name}, ${party.representative.title}` : party.representative.name,
                      })}
                      {cite(index, "representative", "representativeName", "representativeTitle")}
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

function Delivery({ commitment, kit }: { commitment: RecordDetail["commitments"][number]; kit: LocaleKit }) {
  const { quantity, delivered, unit } = commitment;
  if (delivered === null) return <span>{kit.m.record.deliveredNotYet}</span>;
  const share = quantity && Number(quantity) > 0 ? Number(delivered) / Number(quantity) : null;
  return (
    <span className={styles.progress}>
      {kit.t(kit.m.record.delivered, { amount: `${kit.format.quantity(delivered)}${unit ? ` ${unit}` : ""}` })}
      {share !== null && quantity && (
        <>
          {` (${kit.format.percent(share)})`}
          <meter min={0} max={Number(quantity)} value={Number(delivered)} aria-label={kit.m.record.deliveredAgainst} />
        </>
      )}
    </span>
  );
}

export function Commitments({ record, numbers, citations, kit }: { record: RecordDetail; numbers: SourceNumbers; citations: CitationLookup; kit: LocaleKit }) {
  const { m } = kit;
  return (
    <ul className={styles.plain}>
      {record.commitments.map((commitment, index) => {
        const cite = (part: string, ...fields: string[]) => (
          <CitedBy references={citations(...fields.map((field) => `commitments.${index}.${field}`))} placement={`commitments.${index}.${part}`} kit={kit} />
        );
        return (
          <li key={index} className={styles.card}>
            <p className={styles.note}>
              <span lang={commitment.lang}>{commitment.description}</span>
              {cite("description", "description")}
              <OriginalMark lang={commitment.lang} kit={kit} />
            </p>
            <div className={styles.small}>
              {kit.t(m.record.promised, {
                amount: commitment.quantity ? `${kit.format.quantity(commitment.quantity)}${commitment.unit ? ` ${commitment.unit}` : ""}` : m.record.noFigure,
              })}
              {cite("quantity", "quantity", "unit")}
              {" · "}
              {m.record.deadline} <PartialDateText date={commitment.deadline} kit={kit} />
              {cite("deadline", "deadline")}
            </div>
            <div className={styles.small}>
              <Delivery commitment={commitment} kit={kit} />
              {cite("delivered", "delivered", "deliveredNote")}
            </div>
            {commitment.deliveredNote && (
              <p className={styles.small} lang="en">
                {commitment.deliveredNote}
              </p>
            )}
            <Citation sourceId={commitment.sourceId} sources={record.sources} numbers={numbers} kit={kit} />
          </li>
        );
      })}
    </ul>
  );
}

export function Timeline({ record, numbers, kit }: { record: RecordDetail; numbers: SourceNumbers; kit: LocaleKit }) {
  return (
    <ol className={styles.timeline}>
      {record.timeline.map((step, index) => (
        <li key={index}>
          <div className={styles.meta}>
            <PartialDateText date={step.on} kit={kit} />
            <StatusBadge status={step.status} kit={kit} />
          </div>
          {step.note && (
            <p className={styles.note}>
              <span lang={step.lang}>{step.note}</span>
              <OriginalMark lang={step.lang} kit={kit} />
            </p>
          )}
          <Citation sourceId={step.sourceId} sources={record.sources} numbers={numbers} kit={kit} />
        </li>
      ))}
    </ol>
  );
}

export function Sources({ sources, kit }: { sources: Source[]; kit: LocaleKit }) {
  const { m } = kit;
  return (
    <ol className={styles.sources}>
      {sources.map((source, index) => {
        const href = safeHttpUrl(source.url);
        const name = source.title ?? sourceLabel(source, kit);
        const details = [source.title ? source.publisher : null, source.author, source.language?.toUpperCase()].filter(Boolean);
        return (
          <li key={source.id} id={`source-${index + 1}`} lang={source.language ?? undefined}>
            {href ? (
              <a href={href} rel="noopener nofollow">
                {name}
              </a>
            ) : (
              <strong>{name}</strong>
            )}
            <div className={`${styles.muted} ${styles.small}`} lang={kit.lang}>
              {details.join(" · ")}
              {details.length ? " · " : ""}
              {m.record.publishedOn} <PartialDateText date={source.published} kit={kit} />
              {source.retrievedAt && ` · ${kit.t(m.record.retrieved, { date: kit.format.instant(source.retrievedAt) })}`}
              {source.url && !href && ` · ${m.record.linkWithheld}`}
            </div>
            {source.excerpt && <blockquote className={styles.excerpt}>{source.excerpt}</blockquote>}
          </li>
        );
      })}
    </ol>
  );
}
