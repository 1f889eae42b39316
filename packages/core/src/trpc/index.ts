export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export { createContextInner, type Actor, type Context } from "./init";
export { createTrpcFetchHandler, DEFAULT_TRPC_BODY_LIMITS, type TrpcBodyLimits } from "./fetch-handler";
export { MAX_BATCH_SIZE, MAX_REQUEST_COST } from "./limits";
