import { describe, expect, it } from "vitest";
import { trigramSimilarity, trigramsOf } from "./title-trigrams";

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
