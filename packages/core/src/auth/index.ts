export { AuthenticationError, resolveActor } from "./actor";
export { type Auth, createAuth, DEFAULT_SESSION_POLICY, type SessionPolicy } from "./auth";
export { AUTH_IP_LIMIT, createAuthRouteHandler, DEFAULT_AUTH_BODY_LIMIT_BYTES } from "./route";
export { trustedOrigins } from "./origins";
