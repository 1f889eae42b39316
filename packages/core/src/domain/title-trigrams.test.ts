import { describe, expect, it } from "vitest";
import { alikePairs, trigramSimilarity, trigramsOf } from "./title-trigrams";

// Each expected value is what pg_trgm's similarity() returned for the pair on PostgreSQL 18 (C.UTF-8).
const PG_TRGM_SIMILARITY: [string, string, number][] = [
  ["Kenya and Russia agree on a lithium refinery in Mombasa", "Kenya and Russia agree on a lithium refinery at Mombasa", 0.909091],
  ["Kenya and Russia agree on a lithium refinery in Mombasa", "KENYA–RUSSIA lithium refinery, Mombasa (2024)", 0.637931],
  ["Côte d'Ivoire et la Russie signent un accord nucléaire", "Cote d'Ivoire and Russia sign a nuclear accord", 0.462687],
  ["Росатом и Эфиопия подписали соглашение", "РОСАТОМ И ЭФИОПИЯ ПОДПИСАЛИ СОГЛАШЕНИЕ О СОТРУДНИЧЕСТВЕ", 0.722222],
  ["São Tomé_and Príncipe: 5G trials (phase 2.1)", "Sao Tome and Principe 5G trials phase 2", 0.625],
  ["amber basalt cobalt delta ember 1146", "amber basalt cobalt delta ember 1463", 0.828571],
  ["a", "ab", 0.25],
  ["!!!", "Kenya", 0],
];

describe("trigramSimilarity", () => {
  it.each(PG_TRGM_SIMILARITY)("counts %j against %j as pg_trgm does", (a, b, expected) => {
    expect(trigramSimilarity(trigramsOf(a), trigramsOf(b))).toBeCloseTo(expected, 6);
    expect(trigramSimilarity(trigramsOf(b), trigramsOf(a))).toBeCloseTo(expected, 6);
  });
});

describe("alikePairs", () => {
  it("finds exactly the pairs that comparing every pair finds", () => {
    // Titles of a few common words, as alike as an import's often are.
    const words = "Kenya Russia Ghana Belarus agree sign nuclear power grain port rail lithium refinery plant deal cooperation".split(" ");
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const titles = Array.from({ length: 300 }, () =>
      Array.from({ length: 4 + Math.floor(next() * 4) }, () => words[Math.floor(next() * words.length)]).join(" "),
    );
    const sets = titles.map(trigramsOf);
    for (const least of [0.45, 0.8, 0.85]) {
      const everyPair: [number, number, number][] = [];
      sets.forEach((later, j) =>
        sets.slice(0, j).forEach((earlier, i) => {
          const similarity = trigramSimilarity(earlier, later);
          if (similarity >= least) everyPair.push([i, j, similarity]);
        }),
      );
      expect(everyPair.length).toBeGreaterThan(10);
      expect(alikePairs(sets, least)).toEqual(everyPair);
    }
  });
});
