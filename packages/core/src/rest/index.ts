export { createRestFetchHandler, type RestHandlerOptions } from "./handler";
export { buildOpenApiDocument } from "./openapi";
export { REST_OPERATIONS, REST_PREFIX, type RestOperation } from "./operations";
export { publicRestCost, restCacheKey } from "./requests";
