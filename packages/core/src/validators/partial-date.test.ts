import { describe, expect, it } from "vitest";
import { cutToPrecision, partialDateFormat } from "./partial-date";

describe("cutToPrecision", () => {
  it.each([
    ["YEAR", "2025"],
    ["MONTH", "2025-07"],
    ["DAY", "2025-07-27"],
    ["UNKNOWN", null],
  ] as const)("cuts a %s date to %s, from a Date and from an ISO string alike", (precision, text) => {
    expect(cutToPrecision(new Date("2025-07-27T00:00:00Z"), precision)).toBe(text);
    expect(cutToPrecision("2025-07-27T00:00:00.000Z", precision)).toBe(text);
    expect(cutToPrecision("2025-07-27", precision)).toBe(text);
  });

  it("says nothing of a missing date, and keeps the day for a precision it does not know", () => {
    expect(cutToPrecision(null, "DAY")).toBeNull();
    expect(cutToPrecision("", "YEAR")).toBeNull();
    expect(cutToPrecision("2025-07-27", "toString")).toBe("2025-07-27");
  });
});

describe("partialDateFormat(locale)", () => {
  it.each([
    ["en-GB", "DAY", "27 July 2025"],
    ["en-GB", "MONTH", "July 2025"],
    ["en-GB", "YEAR", "2025"],
    ["fr", "DAY", "27 juillet 2025"],
    ["fr", "MONTH", "juillet 2025"],
    ["fr", "YEAR", "2025"],
    ["pt", "DAY", "27 de julho de 2025"],
    ["pt", "MONTH", "julho de 2025"],
    ["pt", "YEAR", "2025"],
    ["ru", "DAY", "27 июля 2025 г."],
    ["ru", "MONTH", "июль 2025 г."],
    ["ru", "YEAR", "2025"],
  ] as const)("writes a %s date at %s precision as %s", (locale, precision, text) => {
    expect(partialDateFormat(locale)({ date: "2025-07-27", precision })).toBe(text);
  });

  it("gives null for an unknown date and keeps the calendar day whatever the time zone", () => {
    expect(partialDateFormat("en-GB")({ date: null, precision: "UNKNOWN" })).toBeNull();
    expect(partialDateFormat("en-GB")({ date: "2025-07-27", precision: "UNKNOWN" })).toBeNull();
    expect(partialDateFormat("en-GB")({ date: "2025-01-01", precision: "DAY" })).toBe("1 January 2025");
  });
});
