export { analyzeReport } from "./analyze";
export { INTAKE_LANGUAGES } from "./language";
export type * from "./types";
