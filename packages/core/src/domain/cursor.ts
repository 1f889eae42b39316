import { z } from "zod";
import { InvalidInputError } from "./errors";

/** Position after the last row of a page: the sort key's value and the row id. */
const ZCursor = z.object({
  k: z.string(),
  v: z.union([z.string(), z.number(), z.null()]),
  id: z.uuid(),
});
export type Cursor = z.infer<typeof ZCursor>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** Values a cursor's `v` may hold for each kind of sort key. */
export const CursorValue = {
  timestamp: z.iso.datetime(),
  nullableDate: z.iso.date().nullable(),
  rank: z.number().finite(),
  text: z.string(),
};

/** Decodes a cursor made by `encodeCursor` for the same sort key `k` and kind of value. */
export function decodeCursor(raw: string, expectedKey: string, value: z.ZodType<Cursor["v"]>): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new InvalidInputError(["cursor"], "is not a cursor returned by this API");
  }
  const cursor = ZCursor.safeParse(parsed);
  if (!cursor.success) throw new InvalidInputError(["cursor"], "is not a cursor returned by this API");
  if (cursor.data.k !== expectedKey) {
    throw new InvalidInputError(["cursor"], `belongs to sort "${cursor.data.k}", not "${expectedKey}"`);
  }
  if (!value.safeParse(cursor.data.v).success) throw new InvalidInputError(["cursor"], "is not a cursor returned by this API");
  return cursor.data;
}
