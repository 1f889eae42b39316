export { analyzeReport } from "./analyze";
export { INTAKE_LANGUAGES } from "./language";
export type * from "./types";
export { matchExistingRecords, toKnownDate, type MatchCandidate, type KnownDate } from "./matching";
export { findMatchCandidates } from "./match-candidates";
export { statesNamedIn } from "./entities";
export { sideOfCountry } from "./parties";
export { registryFromSeedFiles, seedOrganizationId, ZOrganizationRegistrySeed } from "./registry-seed";
export { loadIntakeRegistry } from "./registry";
