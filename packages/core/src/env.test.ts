import { describe, expect, it } from "vitest";
import { readCoreEnv } from "./env";

describe("the core environment", () => {
  it("leaves the two-person rule off unless REQUIRE_SECOND_REVIEWER says so", () => {
    expect(readCoreEnv({}).REQUIRE_SECOND_REVIEWER).toBe(false);
    expect(readCoreEnv({ REQUIRE_SECOND_REVIEWER: "true" }).REQUIRE_SECOND_REVIEWER).toBe(true);
    expect(readCoreEnv({ REQUIRE_SECOND_REVIEWER: " Yes " }).REQUIRE_SECOND_REVIEWER).toBe(true);
    expect(readCoreEnv({ REQUIRE_SECOND_REVIEWER: "0" }).REQUIRE_SECOND_REVIEWER).toBe(false);
    expect(() => readCoreEnv({ REQUIRE_SECOND_REVIEWER: "sometimes" })).toThrow(/^Invalid environment: REQUIRE_SECOND_REVIEWER: must be true or false/);
  });

  it("reads the owner's URL for migrations apart from the application's", () => {
    const env = readCoreEnv({ DATABASE_URL: "postgresql://coop_app:x@db/coop", DATABASE_MIGRATION_URL: "postgresql://coop_owner:y@db/coop" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://coop_app:x@db/coop", DATABASE_MIGRATION_URL: "postgresql://coop_owner:y@db/coop" });
    expect(() => readCoreEnv({ DATABASE_MIGRATION_URL: "mysql://db" })).toThrow(/DATABASE_MIGRATION_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });
});
