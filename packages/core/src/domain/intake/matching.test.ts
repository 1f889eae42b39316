import { describe, expect, it } from "vitest";
import { analyzeReport } from "./analyze";
import { matchExistingRecords, type MatchCandidate } from "./matching";
import { registryFromSeedFiles, seedOrganizationId } from "./registry-seed";

const registry = registryFromSeedFiles();
const rosatom = seedOrganizationId("ru-rosatom");
const afcone = seedOrganizationId("afcone");
const afripol = seedOrganizationId("afripol");

function record(overrides: Partial<MatchCandidate> & { id: string }): MatchCandidate {
  return { slug: overrides.id, title: overrides.id, state: "PUBLISHED", kind: "MOU", signedOn: null, announcedOn: null, parties: [], ...overrides };
}

const proposalOf = (text: string, publishedOn?: string) => analyzeReport({ text, ...(publishedOn ? { publishedOn } : {}) }, registry).proposal!;

describe("matching a report to stored records", () => {
  const englishRecord = record({
    id: "ethiopia-action-plan",
    kind: "PROGRAMME",
    signedOn: { date: "2025-09-25", precision: "DAY" },
    parties: [
      { countryCode: "ET", organizationId: null, side: "AFRICA" },
      { countryCode: "RU", organizationId: rosatom, side: "PARTNER" },
    ],
  });

  it("finds the event recorded from an English report in a Russian one, by entities and date", () => {
    const russian = proposalOf(
      "«Росатом» и электроэнергетическая корпорация Эфиопии в четверг в Москве подписали план действий по развитию проекта АЭС.",
      "2025-09-25",
    );
    const [match] = matchExistingRecords(russian, [englishRecord]);
    expect(match).toMatchObject({ id: "ethiopia-action-plan", sameEvent: true });
    expect(match?.reasons).toEqual(expect.arrayContaining(["same states: ET, RU", "same date", "both PROGRAMME"]));
  });

  it("does not call two agreements of one company with two different African bodies the same event", () => {
    const withAfripol = record({
      id: "rosatom-afripol",
      signedOn: { date: "2020-09-22", precision: "DAY" },
      parties: [
        { countryCode: null, organizationId: afripol, side: "AFRICA" },
        { countryCode: "RU", organizationId: rosatom, side: "PARTNER" },
      ],
    });
    const report = proposalOf("Rosatom and the African Commission on Nuclear Energy (AFCONE) on Tuesday signed a memorandum of understanding.", "2020-09-23");
    expect(report.draft.parties?.map((party) => party.organizationId)).toEqual([afcone, rosatom]);
    const [match] = matchExistingRecords(report, [withAfripol]);
    expect(match).toMatchObject({ sameEvent: false });
    expect(match?.reasons).toContain("different African organisations");
  });

  it("is not confident without dates to the day or month, nor across months", () => {
    const undated = proposalOf("Rosatom and Burkina Faso signed three memorandums of understanding this week.", "2024-06-08");
    const earlier = record({
      id: "burkina-2023",
      signedOn: { date: "2023-10-13", precision: "DAY" },
      parties: [
        { countryCode: "BF", organizationId: null, side: "AFRICA" },
        { countryCode: "RU", organizationId: rosatom, side: "PARTNER" },
      ],
    });
    const undatedRecord = record({ id: "burkina-undated", parties: earlier.parties });
    const matches = matchExistingRecords(undated, [earlier, undatedRecord]);
    expect(matches.map((m) => m.id).sort()).toEqual(["burkina-2023", "burkina-undated"]);
    expect(matches.every((m) => !m.sameEvent)).toBe(true);
    const dated = proposalOf("Rosatom and Burkina Faso signed a memorandum on Friday in Moscow.", "2024-06-08");
    expect(matchExistingRecords(dated, [earlier])[0]).toMatchObject({ id: "burkina-2023", sameEvent: false });
  });

  it("ranks by how much the event shares and leaves out records with little in common", () => {
    const report = proposalOf("Kenya and Belarus signed an agreement on tractors on Monday.", "2023-12-13");
    const sameDay = record({
      id: "same-day",
      kind: "AGREEMENT",
      signedOn: { date: "2023-12-11", precision: "DAY" },
      parties: [
        { countryCode: "KE", organizationId: null, side: "AFRICA" },
        { countryCode: "BY", organizationId: null, side: "PARTNER" },
      ],
    });
    const sameStates = record({ id: "same-states", kind: "TALKS", announcedOn: { date: "2023-02-01", precision: "DAY" }, parties: sameDay.parties });
    const unrelated = record({
      id: "unrelated",
      kind: "TALKS",
      parties: [
        { countryCode: "ML", organizationId: null, side: "AFRICA" },
        { countryCode: "RU", organizationId: null, side: "PARTNER" },
      ],
    });
    expect(matchExistingRecords(report, [unrelated, sameStates, sameDay]).map((m) => [m.id, m.sameEvent])).toEqual([
      ["same-day", true],
      ["same-states", false],
    ]);
  });
});
