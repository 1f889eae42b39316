export * from "./common";
export * from "./agreement";
