export { cachedPublicAnswer, publicCacheKeyOf, refuseUnaffordablePublicWork } from "./public-requests";
