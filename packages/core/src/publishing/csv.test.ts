import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { PublicAgreementExport } from "../domain/public-agreement";
import { agreementCsvChunks, CSV_HEADERS, neutraliseFormula } from "./csv";

describe("neutraliseFormula", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("prefixes %j with an apostrophe", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(["Harare, 2025", "10,000 specialists", "a=b", "'quoted already", ""])("leaves %j alone", (input) => {
    expect(neutraliseFormula(input)).toBe(input);
  });
});

function agreement(title: string): PublicAgreementExport {
  return {
    id: "0199e0f4-0000-7000-8000-000000000001",
    slug: "test-record",
    path: "/records/test-record",
    lang: "en",
    title,
    summary: 'Line one\nline "two", with a comma',
    kind: "MOU",
    status: "SIGNED",
    confidence: "REPORTED",
    announced: { date: null, precision: "UNKNOWN" },
    signed: { date: "2025-10-01", precision: "MONTH" },
    venue: null,
    event: null,
    amount: null,
    countries: ["ZW"],
    partners: ["RU"],
    sectors: ["cybersecurity"],
    parties: [],
    sources: [
      {
        id: "s1",
        url: "javascript:alert(1)",
        publisher: "-Minus Press",
        author: null,
        title: null,
        language: null,
        published: { date: null, precision: "UNKNOWN" },
      },
    ],
    translations: [],
    commitments: [
      {
        description: "Train engineers",
        lang: "en",
        quantity: "100.00",
        unit: "engineers",
        deadline: { date: "2026-01-01", precision: "YEAR" },
        delivered: null,
        deliveredNote: null,
        sourceId: null,
      },
    ],
    timeline: [{ status: "SIGNED", on: { date: "2025-10-19", precision: "DAY" }, note: "=cmd", lang: "en", sourceId: null }],
    citations: [],
    publishedAt: "2025-10-20T00:00:00.000Z",
    updatedAt: "2025-10-21T00:00:00.000Z",
  };
}

async function* of<T>(...items: T[]) {
  yield* items;
}

async function csvText(titles: string[]): Promise<string> {
  let text = "";
  for await (const chunk of agreementCsvChunks(of(...titles.map(agreement)), "https://coop.example")) text += chunk;
  return text;
}

describe("agreementCsvChunks", () => {
  it("writes a BOM and the header, then rows that parse back to the neutralised values", async () => {
    const text = await csvText(["=1+1", "Plain, with comma"]);
    expect(text.startsWith("\uFEFFid,slug,url,")).toBe(true);
    const rows = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual(CSV_HEADERS);
    expect(rows.map((row) => row.title)).toEqual(["'=1+1", "Plain, with comma"]);
    expect(rows[0]?.summary).toBe('Line one\nline "two", with a comma');
    expect(rows[0]?.url).toBe("https://coop.example/records/test-record");
    expect(rows[0]?.source_publishers).toBe("'-Minus Press");
    expect(rows[0]?.commitments).toBe("Train engineers (promised: 100.00 engineers; delivered: not reported; deadline: 2026)");
    expect(rows[0]?.timeline).toBe("2025-10-19 SIGNED: =cmd");
  });
});
