import { describe, expect, it } from "vitest";
import { widgetSnippet } from "./embed-snippet";
import { buildOEmbed, embedTargetOf } from "./oembed";

const origin = "https://coop.example";

describe("embedTargetOf", () => {
  it("recognises a record page and the records list, on this host with either scheme", () => {
    expect(embedTargetOf("https://coop.example/records/zw-mou?lang=fr", origin)).toMatchObject({ kind: "record", slug: "zw-mou" });
    expect(embedTargetOf("http://coop.example/records/?country=ZW", origin)).toMatchObject({ kind: "records" });
  });

  it.each([
    "https://elsewhere.example/records/zw-mou",
    "https://coop.example.evil.example/records",
    "https://coop.example/admin",
    "https://coop.example/records/zw-mou/edit",
    "https://coop.example/records/Not%20A%20Slug",
    "javascript:alert(1)",
    "not a url",
  ])("refuses %s", (url) => {
    expect(embedTargetOf(url, origin)).toBeNull();
  });
});

describe("widgetSnippet", () => {
  it("writes the script and the element with escaped attributes and fallback link", () => {
    const html = widgetSnippet({
      origin,
      attributes: { country: ["ZW", "CG"], sector: ["cybersecurity"], limit: 5, lang: "fr" },
      fallback: { href: `${origin}/records?country=ZW&sector=x`, text: '<img src=x onerror="alert(1)">' },
    });
    expect(html).toBe(
      '<script type="module" src="https://coop.example/widget/coop-feed.js"></script>' +
        '<coop-feed country="ZW,CG" sector="cybersecurity" limit="5" lang="fr">' +
        '<a href="https://coop.example/records?country=ZW&amp;sector=x">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</a></coop-feed>',
    );
  });
});

describe("widgetSnippet with the embed screen's settings", () => {
  it("writes look and hide-unverified after the filters, and leaves out what is absent or empty", () => {
    const html = widgetSnippet({
      origin,
      attributes: { country: [], status: ["SIGNED", "IN_FORCE"], lang: "pt", theme: "dark", layout: "cards", confidence: ["CONFIRMED", "REPORTED"] },
      fallback: { href: `${origin}/records`, text: "Latest cooperation records on coop-tracker" },
    });
    expect(html).toBe(
      '<script type="module" src="https://coop.example/widget/coop-feed.js"></script>' +
        '<coop-feed status="SIGNED,IN_FORCE" lang="pt" theme="dark" layout="cards" hide-unverified>' +
        '<a href="https://coop.example/records">Latest cooperation records on coop-tracker</a></coop-feed>',
    );
  });
});

describe("buildOEmbed", () => {
  it("is a rich oEmbed 1.0 response sized to its items and the consumer's limits", () => {
    const response = buildOEmbed({ origin, title: "t", attributes: { limit: 3 }, fallback: { href: origin, text: "t" }, maxwidth: 400, maxheight: 200 });
    expect(response).toMatchObject({ version: "1.0", type: "rich", provider_name: "coop-tracker", width: 400, height: 200 });
    expect(buildOEmbed({ origin, title: "t", attributes: {}, fallback: { href: origin, text: "t" } })).toMatchObject({ width: 600 });
  });
});
