import { describe, expect, it } from "vitest";
import { pluralise } from "./catalogue";
import { dateTimeAttribute, formatsFor, truncate } from "./formats";
import { en } from "./messages/en";
import { ru } from "./messages/ru";

describe("formatsFor(lang).partialDate", () => {
  it.each([
    ["en", { date: "2025-10-19", precision: "DAY" }, "19 October 2025", "2025-10-19"],
    ["en", { date: "2025-10-01", precision: "MONTH" }, "October 2025", "2025-10"],
    ["fr", { date: "2025-10-19", precision: "DAY" }, "19 octobre 2025", "2025-10-19"],
    ["pt", { date: "2025-10-01", precision: "MONTH" }, "outubro de 2025", "2025-10"],
    ["ru", { date: "2025-10-19", precision: "DAY" }, "19 октября 2025 г.", "2025-10-19"],
    ["fr", { date: "2025-01-01", precision: "YEAR" }, "2025", "2025"],
    ["pt", { date: null, precision: "UNKNOWN" }, null, undefined],
  ] as const)("writes %s %j as %s", (lang, date, text, attribute) => {
    expect(formatsFor(lang).partialDate(date)).toBe(text);
    expect(dateTimeAttribute(date)).toBe(attribute);
  });

  it("does not shift a date across time zones", () => {
    expect(formatsFor("en").partialDate({ date: "2025-01-01", precision: "DAY" })).toBe("1 January 2025");
  });
});

describe("numbers and plurals", () => {
  it("formats quantities and amounts in the reader's language, even with an unknown currency", () => {
    expect(formatsFor("en").quantity("10000.00")).toBe("10,000");
    expect(formatsFor("fr").quantity("10000.00")).toBe("10\u202f000");
    expect(formatsFor("en").amount({ value: "2500000.00", currency: "USD" })).toBe("US$2,500,000");
    expect(formatsFor("en").amount({ value: "12.00", currency: null })).toBe("12");
    expect(formatsFor("en").amount({ value: "12.00", currency: "X1" })).toBe("12 X1");
  });

  it("picks the plural form of each language", () => {
    expect(pluralise("en", en.list.count, 1)).toBe("1 record");
    expect(pluralise("en", en.list.count, 1200)).toBe("1,200 records");
    expect([1, 3, 5, 21].map((n) => pluralise("ru", ru.list.count, n))).toEqual(["1 запись", "3 записи", "5 записей", "21 запись"]);
  });
});

describe("truncate", () => {
  it("keeps short text and cuts long text at a word boundary", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("one two three four", 12)).toBe("one two…");
  });
});
