import type { AgreementKind, DatePrecision, PartySide } from "../../generated/prisma/enums";
import type { Proposal, RecordMatch } from "./types";

/** A stored record as matching compares it: who, when, what kind; never its words. */
export interface MatchCandidate {
  id: string;
  slug: string;
  title: string;
  state: string;
  kind: AgreementKind;
  /** `YYYY-MM-DD` of the first day of the period, with its precision. */
  signedOn: KnownDate | null;
  announcedOn: KnownDate | null;
  parties: { countryCode: string | null; organizationId: string | null; side: PartySide }[];
}

export interface KnownDate {
  date: string;
  precision: Exclude<DatePrecision, "UNKNOWN">;
}

interface EventEntities {
  africanStates: Set<string>;
  partnerStates: Set<string>;
  africanBodies: Set<string>;
  partnerBodies: Set<string>;
  date: KnownDate | null;
  kind: AgreementKind;
}

/** Days apart that still make one event: a signing reported a day late, a visit over two days. */
const SAME_EVENT_DAYS = 3;
/** Dates further apart than this add nothing to the score. */
const DATE_WINDOW_DAYS = 180;
const MIN_SCORE = 0.3;
const MAX_MATCHES = 10;
const DOCUMENT_KINDS = new Set<AgreementKind>(["MOU", "AGREEMENT", "TREATY", "CONTRACT", "JOINT_STATEMENT"]);

/**
 * Ranks stored records that may be the event a proposal describes. Compares states,
 * organisations, dates and kinds, so reports in different languages match. `sameEvent`
 * is set only when every one of them agrees: a wrong "same event" costs more than a missed one.
 */
export function matchExistingRecords(proposal: Proposal, candidates: MatchCandidate[]): RecordMatch[] {
  const report = proposalEntities(proposal);
  return candidates
    .map((candidate) => compare(report, candidateEntities(candidate), candidate))
    .filter((match) => match.score >= MIN_SCORE)
    .sort((a, b) => Number(b.sameEvent) - Number(a.sameEvent) || b.score - a.score)
    .slice(0, MAX_MATCHES);
}

function proposalEntities(proposal: Proposal): EventEntities {
  const organizationCountry = new Map(proposal.organizations.filter((o) => o.id).map((o) => [o.id!, o.countryCode ?? null]));
  const { draft } = proposal;
  const date = toKnownDate(draft.signedOn ?? draft.announcedOn ?? null);
  return entitiesOf(
    (draft.parties ?? []).map((party) => ({
      countryCode: party.countryCode ?? (party.organizationId ? (organizationCountry.get(party.organizationId) ?? null) : null),
      organizationId: party.organizationId ?? null,
      side: party.side,
    })),
    date,
    draft.kind,
  );
}

function candidateEntities(candidate: MatchCandidate): EventEntities {
  return entitiesOf(candidate.parties, candidate.signedOn ?? candidate.announcedOn, candidate.kind);
}

function entitiesOf(parties: MatchCandidate["parties"], date: KnownDate | null, kind: AgreementKind): EventEntities {
  const entities: EventEntities = { africanStates: new Set(), partnerStates: new Set(), africanBodies: new Set(), partnerBodies: new Set(), date, kind };
  for (const party of parties) {
    const african = party.side === "AFRICA";
    if (party.countryCode) (african ? entities.africanStates : entities.partnerStates).add(party.countryCode);
    if (party.organizationId) (african ? entities.africanBodies : entities.partnerBodies).add(party.organizationId);
  }
  return entities;
}

function compare(report: EventEntities, record: EventEntities, candidate: MatchCandidate): RecordMatch {
  const reasons: string[] = [];
  const states = overlap(union(report.africanStates, report.partnerStates), union(record.africanStates, record.partnerStates));
  if (states.shared.length) reasons.push(`same states: ${states.shared.join(", ")}`);
  const bodies = overlap(union(report.africanBodies, report.partnerBodies), union(record.africanBodies, record.partnerBodies));
  if (bodies.shared.length) reasons.push(`${bodies.shared.length} same organisation${bodies.shared.length > 1 ? "s" : ""}`);
  const days = daysApart(report.date, record.date);
  if (days !== null && days <= DATE_WINDOW_DAYS) reasons.push(days === 0 ? "same date" : `dates ${days} days apart`);
  const sameKind = report.kind === record.kind;
  const kindsAlike = sameKind || (DOCUMENT_KINDS.has(report.kind) && DOCUMENT_KINDS.has(record.kind));
  if (sameKind) reasons.push(`both ${report.kind}`);

  const dateScore = days === null ? 0 : days <= SAME_EVENT_DAYS ? 1 : days <= 30 ? 0.5 : days <= DATE_WINDOW_DAYS ? 0.2 : 0;
  const hasBodies = report.africanBodies.size + report.partnerBodies.size > 0 && record.africanBodies.size + record.partnerBodies.size > 0;
  const score = hasBodies
    ? 0.35 * states.jaccard + 0.3 * bodies.jaccard + 0.25 * dateScore + 0.1 * (sameKind ? 1 : kindsAlike ? 0.5 : 0)
    : 0.55 * states.jaccard + 0.3 * dateScore + 0.15 * (sameKind ? 1 : kindsAlike ? 0.5 : 0);

  const conflicts = sideConflicts(report, record);
  reasons.push(...conflicts);
  const datesAgree = datesConfidentlyEqual(report.date, record.date);
  const sameEvent =
    conflicts.length === 0 &&
    datesAgree &&
    kindsAlike &&
    sideAgrees(report.africanStates, record.africanStates, report.africanBodies, record.africanBodies) &&
    sideAgrees(report.partnerStates, record.partnerStates, report.partnerBodies, record.partnerBodies);
  return { id: candidate.id, slug: candidate.slug, title: candidate.title, state: candidate.state, score: Math.round(score * 100) / 100, sameEvent, reasons };
}

/** Two bodies named on one side and none in common: two different events ("Rosatom with AFCONE", "Rosatom with a ministry"). */
function sideConflicts(report: EventEntities, record: EventEntities): string[] {
  const conflicts: string[] = [];
  if (report.africanBodies.size && record.africanBodies.size && overlap(report.africanBodies, record.africanBodies).shared.length === 0)
    conflicts.push("different African organisations");
  if (report.partnerBodies.size && record.partnerBodies.size && overlap(report.partnerBodies, record.partnerBodies).shared.length === 0)
    conflicts.push("different partner organisations");
  return conflicts;
}

/** One side of both events is the same: bodies in common where both name bodies, else mostly the same states. */
function sideAgrees(statesA: Set<string>, statesB: Set<string>, bodiesA: Set<string>, bodiesB: Set<string>): boolean {
  if (bodiesA.size && bodiesB.size) return overlap(bodiesA, bodiesB).shared.length > 0;
  const states = overlap(statesA, statesB);
  return states.shared.length > 0 && states.jaccard >= 0.5;
}

/** Both dates known to the day (or month) and within a few days: to the year is never confident. */
function datesConfidentlyEqual(a: KnownDate | null, b: KnownDate | null): boolean {
  if (!a || !b || a.precision === "YEAR" || b.precision === "YEAR") return false;
  if (a.precision === "DAY" && b.precision === "DAY") return daysApart(a, b)! <= SAME_EVENT_DAYS;
  return a.date.slice(0, 7) === b.date.slice(0, 7);
}

function daysApart(a: KnownDate | null, b: KnownDate | null): number | null {
  if (!a || !b) return null;
  return Math.round(Math.abs(Date.parse(a.date) - Date.parse(b.date)) / 86_400_000);
}

export function toKnownDate(value: string | null): KnownDate | null {
  if (!value) return null;
  if (value.length === 4) return { date: `${value}-01-01`, precision: "YEAR" };
  if (value.length === 7) return { date: `${value}-01`, precision: "MONTH" };
  return { date: value, precision: "DAY" };
}

function union(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a, ...b]);
}

function overlap(a: Set<string>, b: Set<string>): { shared: string[]; jaccard: number } {
  const shared = [...a].filter((item) => b.has(item));
  const all = new Set([...a, ...b]).size;
  return { shared, jaccard: all ? shared.length / all : 0 };
}
