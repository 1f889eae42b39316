import { PRIVATE_CACHE_CONTROL } from "./headers";

/** How a byte limit reads in a message: "16 KiB", "1 MiB". */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The sentence every 413 carries, naming the limit. */
export function payloadTooLargeMessage(limitBytes: number): string {
  return `The request body must be at most ${describeBytes(limitBytes)} (${limitBytes} bytes).`;
}

/** A 413 as a plain JSON error, for routes outside tRPC. */
export function payloadTooLargeResponse(limitBytes: number): Response {
  return Response.json(
    { code: "PAYLOAD_TOO_LARGE", message: payloadTooLargeMessage(limitBytes), limitBytes },
    { status: 413, headers: { "Cache-Control": PRIVATE_CACHE_CONTROL } },
  );
}

/**
 * The request body, read chunk by chunk and abandoned as soon as it passes `limitBytes`,
 * so a huge or endless (chunked) upload never sits in memory. Null when it is too large.
 * The rest is left unread rather than cancelled: cancelling destroys the connection
 * before the 413 can be sent (the HTTP server closes it after answering instead).
 */
export async function readBodyWithin(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limitBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
