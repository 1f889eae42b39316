export * from "./common";
export * from "./agreement";
export * from "./accounts";
export * from "./agreement-editing";
export * from "./intake";
export * from "./webhooks";
export * from "./public-outputs";
