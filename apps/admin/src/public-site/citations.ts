/** A citation as the public record carries it. */
interface PublicCitation {
  field: string;
  sourceId: string;
  quote: string;
}

/** What one source says about a fact shown on the page: its number in the sources list and its words. */
export interface Reference {
  number: number;
  quotes: string[];
  /** The source's language, for the quote's `lang`. */
  lang: string | undefined;
}

/** The references for any of the given fields (paths such as `signedOn`, `parties.1.countryCode`), one per source, in source order. */
export type CitationLookup = (...fields: string[]) => Reference[];

/**
 * Looks up a record's citations by the field they cite, so each part of the page finds the
 * references for the facts it shows. `numbers` gives each source's number in the page's list.
 */
export function citationLookup(
  record: { citations: PublicCitation[]; sources: { id: string; language: string | null }[] },
  numbers: Map<string, number>,
): CitationLookup {
  const languages = new Map(record.sources.map((source) => [source.id, source.language ?? undefined]));
  return (...fields) => {
    const bySource = new Map<number, Reference>();
    for (const citation of record.citations.filter((candidate) => fields.includes(candidate.field))) {
      const number = numbers.get(citation.sourceId);
      if (!number) continue;
      const reference = bySource.get(number) ?? { number, quotes: [], lang: languages.get(citation.sourceId) };
      // Two fields may rest on the same words: quote them once.
      if (!reference.quotes.includes(citation.quote)) reference.quotes.push(citation.quote);
      bySource.set(number, reference);
    }
    return [...bySource.values()].sort((a, b) => a.number - b.number);
  };
}
