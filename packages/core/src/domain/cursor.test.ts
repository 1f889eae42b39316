import { describe, expect, it } from "vitest";
import { CursorValue, decodeCursor, encodeCursor } from "./cursor";
import { InvalidInputError } from "./errors";

const id = "0199e0f4-1c2d-7000-8000-000000000001";

describe("keyset cursors", () => {
  it("round-trips", () => {
    const cursor = { k: "recent", v: "2025-10-19T08:00:00.000Z", id };
    expect(decodeCursor(encodeCursor(cursor), "recent", CursorValue.timestamp)).toEqual(cursor);
  });

  it.each([
    ["garbage", "%%%"],
    ["JSON that is not a cursor", Buffer.from('{"a":1}').toString("base64url")],
    ["a value of the wrong kind", encodeCursor({ k: "recent", v: 12, id })],
    ["a cursor of another sort", encodeCursor({ k: "signed", v: null, id })],
  ])("refuses %s naming the cursor field", (_name, raw) => {
    const attempt = () => decodeCursor(raw, "recent", CursorValue.timestamp);
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/^cursor: /);
  });
});
