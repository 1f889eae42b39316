// Runtime database access, safe to bundle into the web app.
export { checkDatabase, createDatabaseClients, createDb, type DatabaseClients, type Db } from "./client";
export { isDatabaseUnavailable } from "./errors";
export type { Prisma } from "../generated/prisma/client";
