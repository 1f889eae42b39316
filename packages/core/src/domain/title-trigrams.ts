/**
 * Trigram similarity counted as PostgreSQL's pg_trgm counts it, to compare titles that are not
 * stored yet: each run of letters and digits lower-cased and padded ("  word "), then the shared
 * part of the two sets of trigrams.
 */
export function trigramsOf(text: string): Set<string> {
  const trigrams = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const padded = [" ", " ", ...word, " "];
    for (let i = 0; i + 3 <= padded.length; i += 1) trigrams.add(padded.slice(i, i + 3).join(""));
  }
  return trigrams;
}

export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}
