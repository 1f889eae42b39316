import { describe, expect, it } from "vitest";
import { addressRefusal, targetPolicy } from "./webhook-targets";

describe("addressRefusal", () => {
  const none = targetPolicy([]);

  it.each([
    ["127.0.0.1", "loopback"],
    ["10.0.0.8", "private"],
    ["172.16.3.4", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["::1", "loopback"],
    ["fe80::1", "linkLocal"],
    ["fd00::1", "uniqueLocal"],
    ["::ffff:10.0.0.1", "private"],
  ])("refuses %s (%s)", (address, range) => {
    expect(addressRefusal("hooks.example", address, none)).toContain(`is a ${range} address`);
  });

  it("lets public addresses through", () => {
    expect(addressRefusal("hooks.example", "93.184.216.34", none)).toBeNull();
    expect(addressRefusal("hooks.example", "2606:2800:220:1:248:1893:25c8:1946", none)).toBeNull();
  });

  it("lets through what WEBHOOK_ALLOWED_HOSTS lists: host names, addresses and CIDRs", () => {
    const policy = targetPolicy(["receiver.internal", "127.0.0.1", "10.20.0.0/16", "::1"]);
    expect(addressRefusal("receiver.internal", "10.9.9.9", policy)).toBeNull();
    expect(addressRefusal("other.internal", "10.20.4.5", policy)).toBeNull();
    expect(addressRefusal("localhost", "127.0.0.1", policy)).toBeNull();
    expect(addressRefusal("localhost", "::1", policy)).toBeNull();
    expect(addressRefusal("other.internal", "10.21.0.1", policy)).toContain("private");
    expect(addressRefusal("localhost", "127.0.0.2", policy)).toContain("loopback");
  });
});
