export * from "./common";
export * from "./agreement";
export * from "./accounts";
export * from "./editorial";
export * from "./intake";
export * from "./webhooks";
export * from "./public-outputs";
