import { describe, expect, it } from "vitest";
import { recordUrl, safeHttpUrl, siteUrl } from "./links";

describe("safeHttpUrl", () => {
  it.each(["https://example.org/report?a=1", "http://example.org/"])("keeps %s", (url) => {
    expect(safeHttpUrl(url)).toBe(url);
  });

  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>", "vbscript:x", "/relative", "", null])(
    "refuses %j",
    (url) => {
      expect(safeHttpUrl(url)).toBeNull();
    },
  );
});

describe("siteUrl and recordUrl", () => {
  it("joins lists with commas and leaves out empty values", () => {
    expect(siteUrl("https://coop.example", "/records", { country: ["ZW", "CG"], q: "", sector: [], lang: "fr" })).toBe(
      "https://coop.example/records?country=ZW%2CCG&lang=fr",
    );
  });

  it("puts the language first in the path, except English", () => {
    expect(recordUrl("https://coop.example", "zw-mou", "en")).toBe("https://coop.example/records/zw-mou");
    expect(recordUrl("https://coop.example", "zw-mou", "ru")).toBe("https://coop.example/ru/records/zw-mou");
  });
});
