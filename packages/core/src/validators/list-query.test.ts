import { describe, expect, it } from "vitest";
import { FEED_PARAMS, LIST_FILTER_PARAMS, readQueryParams, writeQueryParams } from "./list-query";

describe("readQueryParams", () => {
  it("reads lists repeated or comma-separated, numbers as numbers, and drops empty form fields", () => {
    const params = new URLSearchParams("country=ZW,CG&country=KE&partner=&sector=%20cybersecurity%20&limit=7&lang=fr&q=");
    expect(readQueryParams(params, FEED_PARAMS)).toEqual({ country: ["ZW", "CG", "KE"], sector: ["cybersecurity"], limit: 7, lang: "fr" });
  });

  it("leaves a limit that is not a number for the validator to refuse", () => {
    expect(readQueryParams(new URLSearchParams("limit=abc"), FEED_PARAMS)).toEqual({ limit: "abc" });
  });

  it("reads only the parameters asked for", () => {
    expect(readQueryParams(new URLSearchParams("q=mou&limit=5&utm_source=x"), LIST_FILTER_PARAMS)).toEqual({ q: "mou" });
  });
});

describe("writeQueryParams", () => {
  it("writes only the parameters with a value, lists comma-separated", () => {
    expect(writeQueryParams({ country: ["ZW", "CG"], q: "", sector: [], partner: undefined, to: null, limit: 5, lang: "fr" }).toString()).toBe(
      "country=ZW%2CCG&limit=5&lang=fr",
    );
  });

  it.each([
    { q: "drone deal", country: ["ZW", "CG"], status: ["SIGNED"], from: "2025-01-01", to: "2025-12-31" },
    { sector: ["cybersecurity", "space"], partner: ["RU", "BY"], kind: ["MOU"], confidence: ["CONFIRMED"], organization: ["rosatom"] },
    { q: "a,b & c=d", limit: 10, lang: "ru" },
    {},
  ])("reads back what it wrote: %j", (filters) => {
    expect(readQueryParams(writeQueryParams(filters), FEED_PARAMS)).toEqual(filters);
  });

  it("reads a list the same whether a form repeated it or a link joined it", () => {
    const repeated = readQueryParams(new URLSearchParams("state=DRAFT&state=IN_REVIEW"), ["state"]);
    expect(repeated).toEqual({ state: ["DRAFT", "IN_REVIEW"] });
    expect(readQueryParams(writeQueryParams(repeated), ["state"])).toEqual(repeated);
  });
});
