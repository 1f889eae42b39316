export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export { createContextInner, type Actor, type Context } from "./init";
export {
  cachedPublicAnswer,
  createTrpcFetchHandler,
  DEFAULT_TRPC_BODY_LIMITS,
  etagOf,
  matchesIfNoneMatch,
  publicHeaders,
  publicResponse,
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  type StreamedBody,
  type TrpcBodyLimits,
} from "./http";
export { type CachedAnswer, DEFAULT_PUBLIC_CACHE_BYTES, PublicResponseCache, sharedPublicCache } from "./public-cache";
export { MAX_BATCH_SIZE, MAX_REQUEST_COST } from "./limits";
