import { describe, expect, it } from "vitest";
import { dateTimeAttribute, enumLabel, formatAmount, formatPartialDate, formatQuantity, truncate } from "./format";

describe("formatPartialDate", () => {
  it.each([
    [{ date: "2025-10-19", precision: "DAY" }, "19 October 2025", "2025-10-19"],
    [{ date: "2025-10-01", precision: "MONTH" }, "October 2025", "2025-10"],
    [{ date: "2025-01-01", precision: "YEAR" }, "2025", "2025"],
    [{ date: null, precision: "UNKNOWN" }, "date unknown", undefined],
  ] as const)("shows %j as %s", (date, text, attribute) => {
    expect(formatPartialDate(date)).toBe(text);
    expect(dateTimeAttribute(date)).toBe(attribute);
  });

  it("does not shift a date across time zones", () => {
    expect(formatPartialDate({ date: "2025-01-01", precision: "DAY" })).toBe("1 January 2025");
  });
});

describe("labels and numbers", () => {
  it("turns enum values into words", () => {
    expect(enumLabel("UNDER_NEGOTIATION")).toBe("Under negotiation");
    expect(enumLabel("MOU")).toBe("MOU");
  });

  it("formats quantities and amounts, even with an unknown currency", () => {
    expect(formatQuantity("10000.00")).toBe("10,000");
    expect(formatAmount({ value: "2500000.00", currency: "USD" })).toBe("US$2,500,000");
    expect(formatAmount({ value: "12.00", currency: null })).toBe("12");
    expect(formatAmount({ value: "12.00", currency: "X1" })).toBe("12 X1");
  });
});

describe("truncate", () => {
  it("keeps short text and cuts long text at a word boundary", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("one two three four", 12)).toBe("one two…");
  });
});
