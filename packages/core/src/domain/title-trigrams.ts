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

/**
 * The pairs [earlier, later, similarity] of `sets` at least `least` alike, in order of the later, without
 * comparing every pair: two sets that alike share one of each one's rarest trigrams (prefix
 * filtering), so only sets sharing one of those are compared.
 */
export function alikePairs(sets: Set<string>[], least: number): [number, number, number][] {
  const frequency = new Map<string, number>();
  for (const set of sets) for (const trigram of set) frequency.set(trigram, (frequency.get(trigram) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const holders = new Map<string, number[]>();
  const pairs: [number, number, number][] = [];
  sets.forEach((set, later) => {
    // The epsilon keeps 0.85 × 20 from rounding up past 17 and shortening the prefix.
    const prefix = [...set].sort(rarestFirst).slice(0, set.size - Math.ceil(least * set.size - 1e-9) + 1);
    const candidates = new Set(prefix.flatMap((trigram) => holders.get(trigram) ?? []));
    for (const earlier of [...candidates].sort((a, b) => a - b)) {
      const similarity = trigramSimilarity(sets[earlier]!, set);
      if (similarity >= least) pairs.push([earlier, later, similarity]);
    }
    for (const trigram of prefix) {
      const holding = holders.get(trigram);
      if (holding) holding.push(later);
      else holders.set(trigram, [later]);
    }
  });
  return pairs;
}
