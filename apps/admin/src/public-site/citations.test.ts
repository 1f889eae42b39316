import { describe, expect, it } from "vitest";
import { citationLookup } from "./citations";

const HERALD = "0199e0f4-0000-7000-8000-000000000001";
const COURRIER = "0199e0f4-0000-7000-8000-000000000002";
const record = {
  sources: [
    { id: HERALD, language: "en" },
    { id: COURRIER, language: "fr" },
  ],
  citations: [
    { field: "parties.1.countryCode", sourceId: COURRIER, quote: "la Russie" },
    { field: "parties.1.side", sourceId: COURRIER, quote: "la Russie" },
    { field: "parties.1.countryCode", sourceId: HERALD, quote: "Moscow" },
    { field: "parties.1.role", sourceId: HERALD, quote: "signed by Moscow" },
    { field: "signedOn", sourceId: "0199e0f4-0000-7000-8000-00000000dead", quote: "a source no longer listed" },
  ],
};
const cited = citationLookup(
  record,
  new Map([
    [HERALD, 1],
    [COURRIER, 2],
  ]),
);

describe("citationLookup", () => {
  it("gives one reference per source, in the sources' order, with the source's language", () => {
    expect(cited("parties.1.countryCode")).toEqual([
      { number: 1, quotes: ["Moscow"], lang: "en" },
      { number: 2, quotes: ["la Russie"], lang: "fr" },
    ]);
  });

  it("gathers the quotes of several fields, each quote once", () => {
    expect(cited("parties.1.countryCode", "parties.1.side", "parties.1.role")).toEqual([
      { number: 1, quotes: ["Moscow", "signed by Moscow"], lang: "en" },
      { number: 2, quotes: ["la Russie"], lang: "fr" },
    ]);
  });

  it("has nothing for a field no citation names, nor for a source the page does not list", () => {
    expect(cited("parties.10.countryCode")).toEqual([]);
    expect(cited("signedOn")).toEqual([]);
  });
});
