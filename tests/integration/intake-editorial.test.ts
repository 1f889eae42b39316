import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { apiAs, userActor } from "../support/records";

const database = useTestDatabase();

const TRACTORS = "Kenya and Belarus signed an agreement on tractor assembly on Monday in Nairobi.";
const TRACTORS_FOLLOW_UP =
  "Kenya and Belarus signed an agreement on tractor assembly on Monday in Nairobi. Under the agreement Belarus will train 300 Kenyan mechanics, the ministry said.";

describe("intake.analyze", () => {
  it("answers a draft that saves in one call with every value cited to the report, which is kept whole for editors", async () => {
    const contributor = await userActor(database.db, "CONTRIBUTOR");
    const api = apiAs(database.db, contributor);
    const analysis = await api.intake.analyze({ text: TRACTORS, publishedOn: "2025-03-12", url: "https://news.example.org/kenya-tractors" });
    const draft = analysis.proposal!.draft;
    expect(draft.sources?.[0]).toMatchObject({ url: "https://news.example.org/kenya-tractors", text: TRACTORS });
    expect(draft.citations?.map((citation) => citation.field)).toEqual(
      expect.arrayContaining(["kind", "signedOn", "parties.0.countryCode", "parties.1.countryCode"]),
    );
    for (const citation of draft.citations ?? []) expect(TRACTORS.slice(citation.start!, citation.end!)).toBe(citation.quote);

    const saved = await api.agreement.create({ data: draft });
    expect(saved.state).toBe("DRAFT");
    expect(saved.citations).toHaveLength(draft.citations!.length);
    expect(saved.citations.find((citation) => citation.field === "signedOn")).toMatchObject({ quote: "on Monday", sourceId: saved.sources[0]!.id });
  });

  it("reduces HTML to text and points every quote into that text", async () => {
    const contributor = await userActor(database.db, "CONTRIBUTOR");
    const html = `<html><head><title>Tractors</title><script>alert(1)</script></head><body><p>${TRACTORS}</p></body></html>`;
    const analysis = await apiAs(database.db, contributor).intake.analyze({ text: html, publishedOn: "2025-03-12" });
    expect(analysis.text).toContain(TRACTORS);
    expect(analysis.text).not.toContain("alert");
    for (const citation of analysis.proposal!.draft.citations ?? []) expect(analysis.text!.slice(citation.start!, citation.end!)).toBe(citation.quote);
  });

  it("names the field of a report it will not read", async () => {
    const api = apiAs(database.db, await userActor(database.db, "CONTRIBUTOR"));
    const tooLong = await api.intake.analyze({ text: "a".repeat(200_001) }).catch((error: Error) => error);
    expect(tooLong).toMatchObject({ code: "BAD_REQUEST" });
    expect((tooLong as Error).message).toContain("text");
    const binary = await api.intake.analyze({ text: "PK\u0003\u0004 binary" }).catch((error: Error) => error);
    expect((binary as Error).message).toMatch(/"text"[\s\S]*binary/);
    const date = await api.intake.analyze({ text: TRACTORS, publishedOn: "2025-02-30" }).catch((error: Error) => error);
    expect((date as Error).message).toMatch(/"publishedOn"[\s\S]*calendar date/);
  });

  it("matches only records the caller may read", async () => {
    const [author, other] = [await userActor(database.db, "CONTRIBUTOR"), await userActor(database.db, "CONTRIBUTOR")];
    const first = await apiAs(database.db, author).intake.analyze({ text: TRACTORS, publishedOn: "2025-03-12" });
    const draft = await apiAs(database.db, author).agreement.create({ data: first.proposal!.draft, confirmNotDuplicate: true });
    const mine = await apiAs(database.db, author).intake.analyze({ text: TRACTORS, publishedOn: "2025-03-12" });
    expect(mine.matches.map((match) => match.id)).toContain(draft.id);
    const theirs = await apiAs(database.db, other).intake.analyze({ text: TRACTORS, publishedOn: "2025-03-12" });
    expect(theirs.matches.map((match) => match.id)).not.toContain(draft.id);
  });
});

describe("intake.attach", () => {
  it("previews what a second report adds, then saves the report as a source with only the accepted changes, each cited", async () => {
    const editor = await userActor(database.db, "EDITOR");
    const api = apiAs(database.db, editor);
    const first = await api.intake.analyze({ text: TRACTORS, publishedOn: "2025-03-12" });
    const record = await api.agreement.create({
      data: { ...first.proposal!.draft, venue: null, citations: first.proposal!.draft.citations!.filter((c) => c.field !== "venue") },
      confirmNotDuplicate: true,
    });

    const report = { text: TRACTORS_FOLLOW_UP, publishedOn: "2025-03-13", url: "https://other.example.org/kenya" };
    const preview = await api.intake.attach({ id: record.id, expectedVersion: record.version, report });
    expect(preview.applied).toBe(false);
    const keys = preview.applied ? [] : preview.changes.map((change) => change.key);
    expect(keys).toContain("venue");
    const commitment = preview.applied ? undefined : preview.changes.find((change) => change.field === "commitments");
    expect(commitment).toMatchObject({ action: "add", proposed: { quantity: 300 } });
    expect((await api.agreement.get({ id: record.id })).version).toBe(record.version);

    const saved = await api.intake.attach({ id: record.id, expectedVersion: record.version, report, accept: [commitment!.key] });
    expect(saved.applied).toBe(true);
    const stored = await api.agreement.get({ id: record.id });
    expect(stored.sources.map((source) => source.url)).toEqual([null, "https://other.example.org/kenya"]);
    expect(stored.venue).toBeNull();
    expect(stored.commitments).toEqual([expect.objectContaining({ quantity: 300, sourceId: stored.sources[1]!.id })]);
    const cited = stored.citations.filter((citation) => citation.sourceId === stored.sources[1]!.id);
    expect(cited.map((citation) => citation.field)).toEqual(expect.arrayContaining(["commitments.0.quantity"]));
    expect(stored.citations.filter((citation) => citation.sourceId === stored.sources[0]!.id)).toHaveLength(record.citations.length);

    const stale = await api.intake.attach({ id: record.id, expectedVersion: record.version, report, accept: [] }).catch((error: Error) => error);
    expect(stale).toMatchObject({ code: "CONFLICT" });
    const unknown = await api.intake.attach({ id: record.id, expectedVersion: stored.version, report, accept: ["title"] }).catch((error: Error) => error);
    expect(unknown).toMatchObject({ code: "BAD_REQUEST" });
    expect((unknown as Error).message).toContain("accept");
  });

  it("refuses a contributor someone else's draft before reading the report", async () => {
    const [author, other] = [await userActor(database.db, "CONTRIBUTOR"), await userActor(database.db, "CONTRIBUTOR")];
    const analysis = await apiAs(database.db, author).intake.analyze({ text: TRACTORS, publishedOn: "2025-03-12" });
    const draft = await apiAs(database.db, author).agreement.create({ data: analysis.proposal!.draft, confirmNotDuplicate: true });
    const refused = await apiAs(database.db, other)
      .intake.attach({ id: draft.id, expectedVersion: 1, report: { text: TRACTORS_FOLLOW_UP } })
      .catch((error: Error) => error);
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
  });
});
