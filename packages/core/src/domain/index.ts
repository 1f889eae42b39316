export * from "./agreements";
export * from "./audit";
export * from "./errors";
export * from "./feed";
export * from "./public-agreement";
export * from "./revisions";
export * from "./search-index";
export * from "./taxonomy";
