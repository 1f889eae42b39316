import type { RouterOutputs } from "@coop/core/trpc";
import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";
import type { SourceNumbers } from "./RecordParts";

type RecordDetail = RouterOutputs["agreement"]["bySlug"];

/** What one source says about a fact shown on the page: its number in the sources list and its words. */
interface Reference {
  number: number;
  quotes: string[];
  lang: string | undefined;
}

/** The references for any of the given fields, one per source, in source order. */
export type CitationLookup = (...fields: string[]) => Reference[];

/** Looks up the record's citations by the field they cite, so each part of the page finds the references for the facts it shows. */
export function citationLookup(record: Pick<RecordDetail, "citations" | "sources">, numbers: SourceNumbers): CitationLookup {
  const languages = new Map(record.sources.map((source) => [source.id, source.language ?? undefined]));
  return (...fields) => {
    const bySource = new Map<number, Reference>();
    for (const citation of record.citations.filter((candidate) => fields.includes(candidate.field))) {
      const number = numbers.get(citation.sourceId);
      if (!number) continue;
      const reference = bySource.get(number) ?? {
        number,
        quotes: [],
        lang: languages.get(citation.sourceId),
      };
      // Two fields may rest on the same words: quote them once.
      if (!reference.quotes.includes(citation.quote)) reference.quotes.push(citation.quote);
      bySource.set(number, reference);
    }
    return [...bySource.values()].sort((a, b) => a.number - b.number);
  };
}

/**
 * "[1]" after a cited fact, linking to the source in the list; hovering or focusing it shows
 * "according to [1]: “…”" (CSS only, no script). `placement` makes the quote's id unique on the page.
 */
export function CitedBy({ references, placement, kit }: { references: Reference[]; placement: string; kit: LocaleKit }) {
  const { m } = kit;
  return references.map(({ number, quotes, lang }) => {
    const id = `quote-${placement.replace(/[^\w-]/g, "-")}-${number}`;
    return (
      <sup key={number} className={styles.ref}>
        <a href={`#source-${number}`} aria-describedby={id}>
          <span className={styles.srOnly}>{m.record.citedSource} </span>[{number}]
        </a>
        <span role="tooltip" id={id} className={styles.quote} lang={kit.lang}>
          {kit.t(m.record.accordingTo, { number })}{" "}
          {quotes.map((quote, index) => (
            <span key={index}>
              {index > 0 && " … "}
              {m.record.quoteOpen}
              <span lang={lang}>{quote}</span>
              {m.record.quoteClose}
            </span>
          ))}
        </span>
      </sup>
    );
  });
}
