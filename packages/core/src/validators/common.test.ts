import { describe, expect, it } from "vitest";
import { ZCountryCode, ZPartialDate, oneOrMany } from "./common";

describe("ZPartialDate", () => {
  it.each([
    ["2025", "2025-01-01", "YEAR"],
    ["2025-10", "2025-10-01", "MONTH"],
    ["2025-10-19", "2025-10-19", "DAY"],
    ["2024-02-29", "2024-02-29", "DAY"],
  ])("reads %s as %s with %s precision", (input, date, precision) => {
    const parsed = ZPartialDate.parse(input);
    expect(parsed.on?.toISOString().slice(0, 10)).toBe(date);
    expect(parsed.precision).toBe(precision);
  });

  it("keeps unknown dates unknown", () => {
    expect(ZPartialDate.parse(null)).toEqual({ on: null, precision: "UNKNOWN" });
  });

  it.each(["2025-02-30", "2025-13", "19/10/2025", "2025-1-5", ""])("refuses %s", (input) => {
    expect(ZPartialDate.safeParse(input).success).toBe(false);
  });
});

describe("ZCountryCode", () => {
  it("normalises case and whitespace", () => {
    expect(ZCountryCode.parse(" zw ")).toBe("ZW");
  });

  it("refuses alpha-3 codes", () => {
    expect(ZCountryCode.safeParse("ZWE").success).toBe(false);
  });
});

describe("oneOrMany", () => {
  it("accepts one value or a list, without duplicates", () => {
    const schema = oneOrMany(ZCountryCode);
    expect(schema.parse("zw")).toEqual(["ZW"]);
    expect(schema.parse(["ZW", "zw", "CG"])).toEqual(["ZW", "CG"]);
  });
});
