export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export { createContextInner, type Actor, type Context } from "./init";
export {
  cachedPublicAnswer,
  createTrpcFetchHandler,
  etagOf,
  matchesIfNoneMatch,
  publicResponse,
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  type StreamedBody,
} from "./http";
export { PublicResponseCache, sharedPublicCache } from "./public-cache";
