import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../env";
import { ZAgreementCreateInput } from "../../validators/agreement-editing";
import { analyzeReport } from "./analyze";
import { registryFromSeedFiles, seedOrganizationId } from "./registry-seed";
import type { IntakeAnalysis, Proposal, TextEvidence } from "./types";

const registry = registryFromSeedFiles();
const analyze = (text: string, extra: { publishedOn?: string; url?: string; language?: string } = {}) => analyzeReport({ text, ...extra }, registry);
const parties = (proposal: Proposal | null) => (proposal?.draft.parties ?? []).map((party) => `${party.organizationId ?? party.countryCode}:${party.side}`);
const quotes = (proposal: Proposal | null, field: string) =>
  (proposal?.evidence ?? []).filter((e): e is TextEvidence => e.field === field && "quote" in e).map((e) => e.quote);

describe("the corpus", () => {
  const corpus = path.join(repoRoot, "tests/fixtures/intake");
  const reports = fs.readdirSync(corpus).filter((file) => /\.(txt|html)$/.test(file));

  it.each(reports)("%s: every draft is a valid agreement.create input and every quote is the text at its offsets", (file) => {
    const gold = JSON.parse(fs.readFileSync(path.join(corpus, file.replace(/\.(txt|html)$/, ".gold.json")), "utf8")) as { input: object };
    const analysis: IntakeAnalysis = analyzeReport({ text: fs.readFileSync(path.join(corpus, file), "utf8"), ...gold.input }, registry);
    const text = analysis.text ?? fs.readFileSync(path.join(corpus, file), "utf8");
    for (const proposal of [analysis.proposal, ...analysis.otherEvents].filter((p): p is Proposal => p !== null)) {
      expect(ZAgreementCreateInput.safeParse({ data: proposal.draft }).error?.issues ?? []).toEqual([]);
      for (const item of proposal.evidence) if ("quote" in item) expect(text.slice(item.start, item.end)).toBe(item.quote);
      for (const person of proposal.people) for (const item of person.evidence) expect(text.slice(item.start, item.end)).toBe(item.quote);
    }
  });
});

describe("what a report says", () => {
  it("reads a signing, its day from 'on Monday', and the two states with their sides", () => {
    const { proposal } = analyze("Zimbabwe and Belarus signed a memorandum of understanding on Monday.", { publishedOn: "2025-10-19" });
    expect(proposal?.draft).toMatchObject({ kind: "MOU", status: "SIGNED", signedOn: "2025-10-13", announcedOn: null });
    expect(parties(proposal)).toEqual(["ZW:AFRICA", "BY:PARTNER"]);
    expect(quotes(proposal, "signedOn")).toEqual(["on Monday"]);
    expect(quotes(proposal, "kind")).toEqual(["memorandum of understanding"]);
  });

  it("takes 'inked' as signed and 'discussed' as under negotiation", () => {
    expect(analyze("Kenya and Russia inked a deal on satellites.").proposal?.draft.status).toBe("SIGNED");
    expect(analyze("Kenya and Russia discussed cooperation in space.").proposal?.draft).toMatchObject({ status: "UNDER_NEGOTIATION", kind: "TALKS" });
  });

  it("reads capitals as governments, but a capital after 'in' as the venue", () => {
    const french = analyze("Harare et Moscou ont engagé des discussions sur la cybersécurité.", { publishedOn: "2025-03-01" }).proposal;
    expect(french?.draft).toMatchObject({ kind: "TALKS", status: "UNDER_NEGOTIATION", sectors: ["cybersecurity"] });
    expect(parties(french)).toEqual(["ZW:AFRICA", "RU:PARTNER"]);
    expect(quotes(french, "parties.0.countryCode")).toEqual(["Harare"]);

    expect(parties(analyze("The Kremlin and Addis Ababa agreed on a nuclear roadmap.").proposal)).toEqual(["ET:AFRICA", "RU:PARTNER"]);

    const venue = analyze("Burkina Faso and Rosatom signed a memorandum in Moscow.").proposal;
    expect(venue?.draft.venue).toBe("Moscow");
    expect(parties(venue)).toEqual(["BF:AFRICA", `${seedOrganizationId("ru-rosatom")}:PARTNER`]);
    expect(venue?.draft.parties?.[1]).toMatchObject({ countryCode: "RU", role: "SIGNATORY" });
    expect(venue?.evidence).toContainEqual({ field: "parties.1.countryCode", organizationId: seedOrganizationId("ru-rosatom") });
  });

  it("reads Russian case endings and adjectives", () => {
    const { proposal } = analyze("В понедельник Зимбабве подписала соглашение с Россией о подготовке российскими специалистами 500 инженеров.", {
      publishedOn: "2025-10-19",
    });
    expect(proposal?.draft).toMatchObject({ kind: "AGREEMENT", status: "SIGNED", signedOn: "2025-10-13" });
    expect(parties(proposal)).toEqual(["ZW:AFRICA", "RU:PARTNER"]);
    expect(proposal?.draft.commitments).toEqual([expect.objectContaining({ quantity: 500, unit: "инженеров" })]);
  });

  it("resolves 'ce jeudi 27 juillet' against the report's day, and leaves a day without a year unknown when the report has no date", () => {
    expect(analyze("Le Mali et la Russie ont signé ce jeudi 27 juillet un accord.", { publishedOn: "2023-07-28" }).proposal?.draft.signedOn).toBe("2023-07-27");
    expect(analyze("Le Mali et la Russie ont signé ce jeudi 27 juillet un accord.").proposal?.draft.signedOn).toBeNull();
    expect(analyze("Zimbabwe and Belarus yesterday committed to co-operation in defence.").proposal?.draft).toMatchObject({
      status: "ANNOUNCED",
      announcedOn: null,
    });
  });

  it("does not take a background date for the event's", () => {
    const { proposal, otherEvents } = analyze(
      "In September 2024, ministers had met in Harare. On Monday, Zimbabwe and Russia signed an agreement on cybersecurity.",
      { publishedOn: "2025-06-04" },
    );
    expect(proposal?.draft).toMatchObject({ status: "SIGNED", signedOn: "2025-06-02" });
    expect(otherEvents).toEqual([]);
  });

  it("tells a second event of the report apart", () => {
    const { proposal, otherEvents } = analyze(
      "Rosatom and Mali signed three memorandums on Wednesday in Bamako. In March, Rosatom signed several agreements with Burkina Faso and Algeria in Sochi.",
      { publishedOn: "2024-07-04" },
    );
    expect(proposal?.draft).toMatchObject({ kind: "MOU", signedOn: "2024-07-03", venue: "Bamako" });
    expect(otherEvents).toHaveLength(1);
    expect(otherEvents[0]?.draft).toMatchObject({ kind: "AGREEMENT", status: "SIGNED", signedOn: "2024-03" });
    expect(parties(otherEvents[0]!)).toEqual(["BF:AFRICA", "DZ:AFRICA", `${seedOrganizationId("ru-rosatom")}:PARTNER`]);
  });

  it("reads 'the two countries' as the states of the report's main event", () => {
    const { otherEvents } = analyze(
      "Angola and Russia signed several agreements on Thursday. The Treaty of Friendship between the two countries was signed in Moscow on 8 October 1976.",
      { publishedOn: "2019-04-04" },
    );
    expect(otherEvents).toHaveLength(1);
    expect(otherEvents[0]?.draft).toMatchObject({ kind: "TREATY", status: "SIGNED", signedOn: "1976-10-08", venue: "Moscow" });
    expect(parties(otherEvents[0]!)).toEqual(["AO:AFRICA", "RU:PARTNER"]);
    expect(quotes(otherEvents[0]!, "parties.0.countryCode")).toEqual(["the two countries"]);
  });

  it("keeps regional bodies as organisations, not states", () => {
    const { proposal } = analyze("Smart Africa and Rosatom signed a memorandum of understanding on digital skills.");
    expect(proposal?.draft.parties).toEqual([
      expect.objectContaining({ organizationId: seedOrganizationId("smart-africa"), countryCode: null, side: "AFRICA" }),
      expect.objectContaining({ organizationId: seedOrganizationId("ru-rosatom"), countryCode: "RU", side: "PARTNER" }),
    ]);
    expect(proposal?.organizations.map((o) => o.name)).toEqual(["Smart Africa", "State Atomic Energy Corporation Rosatom"]);
  });

  it("reads commitments with their quantity, unit and rate", () => {
    const { proposal } = analyze(
      "Zimbabwe and Russia signed an MOU committing to up-skill at least 10,000 cybersecurity specialists. Russia will train ten students a year for four years.",
    );
    expect(proposal?.draft.commitments).toEqual([
      expect.objectContaining({ quantity: 10000, unit: "cybersecurity specialists", description: "at least 10,000 cybersecurity specialists" }),
      expect.objectContaining({ quantity: 10, unit: "students", description: "ten students a year for four years" }),
    ]);
    expect(quotes(proposal, "commitments.0.quantity")).toEqual(["10,000"]);
  });

  it("names people with their titles and states, and leaves the byline's author out", () => {
    const { proposal } = analyze(
      "By Samira Njoya\n\nNiger and Russia signed a memorandum after Russian Energy Minister Sergei Tsivilev met General Abdourahamane Tiani.",
    );
    expect(proposal?.people).toEqual([
      expect.objectContaining({ name: "Sergei Tsivilev", title: "Energy Minister", countryCode: "RU" }),
      expect.objectContaining({ name: "Abdourahamane Tiani", title: "General" }),
    ]);
    expect(proposal?.draft.sources?.[0]).toMatchObject({ author: "Samira Njoya" });
  });

  it("describes the report as the first source: URL host as publisher, language, excerpt", () => {
    const { proposal } = analyze("Kenya and Belarus signed an agreement on tractors.", { url: "https://www.example.org/news/1", publishedOn: "2024-05" });
    expect(proposal?.draft.sources?.[0]).toMatchObject({
      url: "https://www.example.org/news/1",
      publisher: "example.org",
      publishedOn: "2024-05",
      language: "en",
      excerpt: "Kenya and Belarus signed an agreement on tractors.",
    });
  });

  it("detects a language it does not read and invents nothing", () => {
    const result = analyze(
      "Mwakilishi wa Biashara wa Urusi nchini Morocco amesema kuwa Urusi iko tayari kuwa mshirika wa kimkakati wa Morocco katika utekelezaji wa mkakati wa kitaifa wa kidijitali.",
    );
    expect(result).toEqual({ language: "sw", proposal: null, otherEvents: [], matches: [] });
  });

  it("proposes nothing for a report of no cooperation", () => {
    expect(analyze("The weather in Harare was sunny on Monday.").proposal).toBeNull();
  });
});

describe("hostile input", () => {
  it("refuses more than 200,000 characters, binary data, a script URL and an impossible date, naming the field", () => {
    const fields = (input: Parameters<typeof analyzeReport>[0]) => {
      try {
        analyzeReport(input, registry);
        return [];
      } catch (error) {
        return (error as { issues: { path: string[]; message: string }[] }).issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      }
    };
    expect(fields({ text: "a".repeat(200_001) })).toEqual(["text: must be at most 200,000 characters"]);
    expect(fields({ text: "PK\u0003\u0004\u0000\u0000binary" })).toEqual(["text: looks like binary data, not a report"]);
    expect(fields({ text: "Kenya", url: "javascript:alert(1)" })).toEqual(["url: must be an http(s) URL"]);
    expect(fields({ text: "Kenya", publishedOn: "2025-02-30" })).toEqual(["publishedOn: is not a calendar date"]);
  });

  it("reads deeply nested HTML without recursion and ignores scripts and styles", () => {
    const html = `${"<div>".repeat(15_000)}<script>Russia and Zimbabwe signed an agreement</script><style>p{}</style><p>Kenya and Belarus signed an agreement &amp; a memorandum.</p>${"</div>".repeat(15_000)}`;
    const result = analyze(html);
    expect(result.text).toBe("Kenya and Belarus signed an agreement & a memorandum.");
    expect(parties(result.proposal)).toEqual(["KE:AFRICA", "BY:PARTNER"]);
  });

  it("proposes nothing from a page whose only claims are in scripts", () => {
    expect(
      analyze("<html><body><script>document.write('Russia and Zimbabwe signed an agreement')</script><p>Subscribe.</p></body></html>").proposal,
    ).toBeNull();
  });

  it("reads a report of the largest size allowed", () => {
    const paragraph = "Zimbabwe and Belarus signed an agreement on Monday in Harare, with training for 200 engineers. ";
    const result = analyze(paragraph.repeat(Math.floor(200_000 / paragraph.length)), { publishedOn: "2025-10-19" });
    expect(result.proposal?.draft).toMatchObject({ kind: "AGREEMENT", signedOn: "2025-10-13" });
  });
});
