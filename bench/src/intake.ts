import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import {
  analyzeReport,
  matchExistingRecords,
  registryFromSeedFiles,
  seedOrganizationId,
  toKnownDate,
  type IntakeRegistry,
  type MatchCandidate,
  type Proposal,
} from "@coop/core/domain";
import { ZAgreementCreateInput } from "@coop/core/validators";
import { percentile, report } from "./measure";

/** tests/fixtures/intake: reports written from cited facts, each beside its hand-labelled gold. */
const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/intake");
const LATENCY_CHARS = 5_000;
const LATENCY_ROUNDS = 10;
const verbose = process.env.BENCH_INTAKE_VERBOSE === "1";

interface GoldEvent {
  kind: string;
  status: string;
  date: { field: "signedOn" | "announcedOn"; value: string } | null;
  parties: { countryCode: string; side: "AFRICA" | "PARTNER" }[];
  organizations: string[];
  people: { names: string[] }[];
  commitments: { quantity: number }[];
}

interface Gold {
  /** "held-out": written after the engine was tuned on the rest, and never tuned on. */
  split?: "held-out";
  input: { publishedOn?: string; url?: string; language?: string };
  language: string;
  event: GoldEvent | null;
  otherEvents: { kind: string; status: string; countries: string[] }[];
  sameEventAs: string[];
}

interface Fixture {
  name: string;
  text: string;
  gold: Gold;
}

class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  add(tp: number, fp: number, fn: number): void {
    this.tp += tp;
    this.fp += fp;
    this.fn += fn;
  }
  figures() {
    const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
    return { precision: ratio(this.tp, this.tp + this.fp), recall: ratio(this.tp, this.tp + this.fn), tp: this.tp, fp: this.fp, fn: this.fn };
  }
}

export function loadCorpus(): Fixture[] {
  return fs
    .readdirSync(CORPUS)
    .filter((file) => file.endsWith(".gold.json"))
    .sort()
    .map((file) => {
      const name = file.replace(/\.gold\.json$/, "");
      const textFile = [".txt", ".html"].map((ext) => path.join(CORPUS, name + ext)).find((candidate) => fs.existsSync(candidate));
      if (!textFile) throw new Error(`${file} has no report beside it`);
      return { name, text: fs.readFileSync(textFile, "utf8"), gold: JSON.parse(fs.readFileSync(path.join(CORPUS, file), "utf8")) as Gold };
    });
}

/** Compares two sets: how many predicted are right, wrong, missed. */
function compareSets(tally: Tally, predicted: Set<string>, gold: Set<string>): string[] {
  const tp = [...predicted].filter((item) => gold.has(item)).length;
  tally.add(tp, predicted.size - tp, gold.size - tp);
  return [
    ...[...predicted].filter((item) => !gold.has(item)).map((item) => `+${item}`),
    ...[...gold].filter((item) => !predicted.has(item)).map((item) => `-${item}`),
  ];
}

function compareValue(tally: Tally, predicted: string | null, gold: string | null): string[] {
  if (predicted !== null && predicted === gold) tally.add(1, 0, 0);
  else tally.add(0, predicted === null ? 0 : 1, gold === null ? 0 : 1);
  return predicted === gold ? [] : [`${predicted ?? "∅"} ≠ ${gold ?? "∅"}`];
}

const fold = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
const surname = (name: string) => fold(name).split(/\s+/).at(-1)!;

/** People match by any spelling the gold lists, or by surname; a second hit on one person counts as wrong. */
function comparePeople(tally: Tally, predicted: string[], gold: { names: string[] }[]): string[] {
  const used = new Set<number>();
  const notes: string[] = [];
  for (const name of predicted) {
    const index = gold.findIndex((person, i) => !used.has(i) && person.names.some((alias) => fold(alias) === fold(name) || surname(alias) === surname(name)));
    if (index >= 0) {
      used.add(index);
      tally.add(1, 0, 0);
    } else {
      tally.add(0, 1, 0);
      notes.push(`+${name}`);
    }
  }
  gold.forEach((person, i) => {
    if (!used.has(i)) {
      tally.add(0, 0, 1);
      notes.push(`-${person.names[0]}`);
    }
  });
  return notes;
}

function compareOtherEvents(tally: Tally, predicted: Proposal[], gold: Gold["otherEvents"]): string[] {
  const used = new Set<number>();
  let tp = 0;
  for (const other of predicted) {
    const countries = new Set((other.draft.parties ?? []).flatMap((party) => (party.countryCode ? [party.countryCode] : [])));
    const index = gold.findIndex(
      (event, i) =>
        !used.has(i) && event.kind === other.draft.kind && event.status === other.draft.status && event.countries.some((code) => countries.has(code)),
    );
    if (index >= 0) {
      used.add(index);
      tp += 1;
    }
  }
  tally.add(tp, predicted.length - tp, gold.length - tp);
  return tp === predicted.length && tp === gold.length
    ? []
    : [`${predicted.map((p) => `${p.draft.kind}/${p.draft.status}`).join(",") || "∅"} vs ${gold.map((g) => `${g.kind}/${g.status}`).join(",") || "∅"}`];
}

/** The gold events as stored records: what matching would find in the database. */
function goldRecords(fixtures: Fixture[], registry: IntakeRegistry): MatchCandidate[] {
  const bySlug = new Map(registry.organizations.map((organization) => [organization.id, organization]));
  return fixtures.flatMap(({ name, gold }) => {
    const event = gold.event;
    if (!event) return [];
    const organizations = event.organizations.map((slug) => bySlug.get(seedOrganizationId(slug))!);
    const date = event.date ? toKnownDate(event.date.value) : null;
    return [
      {
        id: name,
        slug: name.replace(/\./g, "-"),
        title: name,
        state: "PUBLISHED",
        kind: event.kind as MatchCandidate["kind"],
        signedOn: event.date?.field === "signedOn" ? date : null,
        announcedOn: event.date?.field === "announcedOn" ? date : null,
        parties: [
          ...event.parties.map((party) => ({ countryCode: party.countryCode, organizationId: null, side: party.side })),
          ...organizations.map((organization) => ({
            countryCode: organization.countryCode,
            organizationId: organization.id,
            side: organization.countryCode
              ? ["RU", "BY"].includes(organization.countryCode)
                ? ("PARTNER" as const)
                : ("AFRICA" as const)
              : (organization.side ?? ("AFRICA" as const)),
          })),
        ],
      },
    ];
  });
}

/** Gold says "the same event" in one direction or both; the relation is symmetric. */
function sameEventPairs(fixtures: Fixture[]): Map<string, Set<string>> {
  const pairs = new Map(fixtures.map((fixture) => [fixture.name, new Set<string>()]));
  for (const fixture of fixtures) {
    for (const other of fixture.gold.sameEventAs) {
      pairs.get(fixture.name)!.add(other);
      pairs.get(other)?.add(fixture.name);
    }
  }
  return pairs;
}

function scoreCorpus(fixtures: Fixture[], records: MatchCandidate[], sameEvents: Map<string, Set<string>>, registry: IntakeRegistry, split: string): void {
  const fields = ["language", "countries", "sides", "organizations", "kind", "status", "date", "people", "commitments", "otherEvents"] as const;
  const tallies = Object.fromEntries(fields.map((field) => [field, new Tally()])) as Record<(typeof fields)[number], Tally>;
  const matching = new Tally();
  let evidenceMismatches = 0;
  let invalidDrafts = 0;
  for (const fixture of fixtures) {
    const { gold } = fixture;
    const analysis = analyzeReport({ text: fixture.text, ...gold.input }, registry);
    const text = analysis.text ?? fixture.text;
    const proposal = analysis.proposal;
    const event = gold.event;
    const notes: Record<string, string[]> = {};
    for (const candidate of [proposal, ...analysis.otherEvents]) {
      if (!candidate) continue;
      if (!ZAgreementCreateInput.safeParse({ data: candidate.draft }).success) invalidDrafts += 1;
      evidenceMismatches += candidate.evidence.filter((item) => "quote" in item && text.slice(item.start, item.end) !== item.quote).length;
    }
    notes.language = compareValue(tallies.language, analysis.language, gold.language);
    const parties = proposal?.draft.parties ?? [];
    notes.countries = compareSets(
      tallies.countries,
      new Set(parties.flatMap((p) => (p.countryCode ? [p.countryCode] : []))),
      new Set(event?.parties.map((p) => p.countryCode) ?? []),
    );
    notes.sides = compareSets(
      tallies.sides,
      new Set(parties.flatMap((p) => (p.countryCode ? [`${p.countryCode}:${p.side}`] : []))),
      new Set(event?.parties.map((p) => `${p.countryCode}:${p.side}`) ?? []),
    );
    notes.organizations = compareSets(
      tallies.organizations,
      new Set(parties.flatMap((p) => (p.organizationId ? [p.organizationId] : []))),
      new Set(event?.organizations.map(seedOrganizationId) ?? []),
    );
    notes.kind = compareValue(tallies.kind, proposal?.draft.kind ?? null, event?.kind ?? null);
    notes.status = compareValue(tallies.status, proposal?.draft.status ?? null, event?.status ?? null);
    const predictedDate = proposal
      ? (proposal.draft.signedOn as string | null)
        ? `signedOn=${proposal.draft.signedOn as string}`
        : (proposal.draft.announcedOn as string | null)
          ? `announcedOn=${proposal.draft.announcedOn as string}`
          : null
      : null;
    notes.date = compareValue(tallies.date, predictedDate, event?.date ? `${event.date.field}=${event.date.value}` : null);
    notes.people = comparePeople(tallies.people, proposal?.people.map((p) => p.name) ?? [], event?.people ?? []);
    notes.commitments = compareSets(
      tallies.commitments,
      new Set((proposal?.draft.commitments ?? []).map((c) => String(c.quantity))),
      new Set(event?.commitments.map((c) => String(c.quantity)) ?? []),
    );
    notes.otherEvents = compareOtherEvents(tallies.otherEvents, analysis.otherEvents, gold.otherEvents);
    if (proposal && event) {
      const matches = matchExistingRecords(
        proposal,
        records.filter((record) => record.id !== fixture.name),
      );
      notes.matching = compareSets(
        matching,
        new Set(matches.filter((m) => m.sameEvent).map((m) => m.id)),
        new Set([...sameEvents.get(fixture.name)!].filter((name) => records.some((r) => r.id === name))),
      );
    }
    if (verbose) {
      const wrong = Object.entries(notes).filter(([, list]) => list.length);
      if (wrong.length) console.error(`${fixture.name}: ${wrong.map(([field, list]) => `${field} ${list.join(" ")}`).join("; ")}`);
    }
  }
  for (const field of fields) report({ bench: "intake-field", split, field, reports: fixtures.length, ...tallies[field].figures() });
  report({ bench: "intake-matching", split, records: records.length, ...matching.figures() });
  report({ bench: "intake-integrity", split, reports: fixtures.length, evidenceMismatches, invalidDrafts });
}

/** Reports of exactly 5,000 characters, each one corpus report followed by the next ones. */
function latencyReports(fixtures: Fixture[]): string[] {
  const texts = fixtures.map((fixture) => fixture.text.replace(/<[^>]*>/g, " "));
  return texts.map((_, i) => {
    let text = "";
    for (let k = 0; text.length < LATENCY_CHARS; k += 1) text += `${texts[(i + k) % texts.length]}\n\n`;
    return text.slice(0, LATENCY_CHARS);
  });
}

function benchLatency(fixtures: Fixture[], registry: IntakeRegistry): void {
  const reports = latencyReports(fixtures);
  for (const text of reports) analyzeReport({ text, publishedOn: "2025-01-15" }, registry);
  const samples: number[] = [];
  for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
    for (const text of reports) {
      const start = performance.now();
      analyzeReport({ text, publishedOn: "2025-01-15" }, registry);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  report({
    bench: "intake-analyze",
    chars: LATENCY_CHARS,
    runs: samples.length,
    unit: "ms",
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
  });
}

/** Scores intake on the corpus (per-field precision and recall, matching) and times it on 5,000-character reports. */
export function benchIntake(): void {
  const registry = registryFromSeedFiles();
  const fixtures = loadCorpus();
  // Every gold event is a stored record for matching, whichever part of the corpus it belongs to.
  const records = goldRecords(fixtures, registry);
  const sameEvents = sameEventPairs(fixtures);
  scoreCorpus(
    fixtures.filter((fixture) => fixture.gold.split !== "held-out"),
    records,
    sameEvents,
    registry,
    "development",
  );
  scoreCorpus(
    fixtures.filter((fixture) => fixture.gold.split === "held-out"),
    records,
    sameEvents,
    registry,
    "held-out",
  );
  benchLatency(fixtures, registry);
}
