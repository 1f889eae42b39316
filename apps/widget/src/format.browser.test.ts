import { describe, expect, it } from "vitest";
import { countryName, formatRecordDate } from "./format";

describe("formatRecordDate", () => {
  it("says a date no more precisely than it is known, in each language", () => {
    const cases = [
      ["en", "MONTH", "October 2025"],
      ["fr", "MONTH", "octobre 2025"],
      ["pt", "MONTH", "outubro de 2025"],
      ["ru", "MONTH", "октябрь 2025 г."],
      ["en", "YEAR", "2025"],
      ["en", "DAY", "Oct 3, 2025"],
      ["fr", "DAY", "3 oct. 2025"],
    ] as const;
    for (const [lang, precision, text] of cases) {
      expect(formatRecordDate({ date: "2025-10-03", precision }, lang)?.text, `${lang} ${precision}`).toBe(text);
    }
  });

  it("gives <time datetime> values as precise as the record", () => {
    expect(formatRecordDate({ date: "2025-10-03", precision: "DAY" }, "en")?.datetime).toBe("2025-10-03");
    expect(formatRecordDate({ date: "2025-10-01", precision: "MONTH" }, "en")?.datetime).toBe("2025-10");
    expect(formatRecordDate({ date: "2025-01-01", precision: "YEAR" }, "en")?.datetime).toBe("2025");
  });

  it("keeps the calendar day whatever the reader's time zone (dates are UTC)", () => {
    expect(formatRecordDate({ date: "2025-01-01", precision: "DAY" }, "en")?.text).toBe("Jan 1, 2025");
  });

  it("returns null for unknown or malformed dates instead of throwing", () => {
    expect(formatRecordDate({ date: null, precision: "UNKNOWN" }, "en")).toBeNull();
    expect(formatRecordDate({ date: "2025-10-03", precision: "UNKNOWN" }, "en")).toBeNull();
    for (const date of ["2025-13-45", "yesterday", "2025-10", "<script>", ""]) {
      expect(formatRecordDate({ date, precision: "DAY" }, "en"), date).toBeNull();
    }
    for (const precision of ["__proto__", "constructor", "toString", "HOUR"]) {
      expect(formatRecordDate({ date: "2025-10-03", precision } as never, "en"), precision).toBeNull();
    }
  });
});

describe("countryName", () => {
  it("name countries from the browser's own data, and fall back to the code", () => {
    expect(countryName("ZW", "en")).toBe("Zimbabwe");
    expect(countryName("RU", "fr")).toBe("Russie");
    expect(countryName("BY", "ru")).toBe("Беларусь");
    expect(countryName("CG", "en")).toBe("Congo-Brazzaville");
    expect(countryName("CD", "ru")).toBe("Конго-Киншаса");
    expect(countryName("<img>", "en")).toBe("<img>");
  });
});
