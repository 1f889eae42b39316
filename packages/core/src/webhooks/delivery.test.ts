import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, retryDelayMs } from "./delivery";

describe("retryDelayMs", () => {
  it("doubles from 5 s, capped at an hour, with jitter between half and all of each step", () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, DEFAULT_RETRY_POLICY, () => 1))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(2_500);
    expect(retryDelayMs(30, DEFAULT_RETRY_POLICY, () => 1)).toBe(3_600_000);
  });

  it("keeps retrying for about 24 hours before giving up", () => {
    let waited = 0;
    let attempts = 1;
    while (waited + retryDelayMs(attempts, DEFAULT_RETRY_POLICY, () => 0.5) <= DEFAULT_RETRY_POLICY.giveUpAfterMs) {
      waited += retryDelayMs(attempts, DEFAULT_RETRY_POLICY, () => 0.5);
      attempts += 1;
    }
    expect(waited).toBeGreaterThan(23 * 3_600_000);
    expect(attempts).toBeGreaterThan(25);
  });
});
