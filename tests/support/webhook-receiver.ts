import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/** Decides the answer to each request: a status, optionally a body. */
export type Responder = (request: {
  headers: Record<string, string>;
  body: string;
  count: number;
}) => { status: number; body?: string; headers?: Record<string, string> } | Promise<{ status: number; body?: string; headers?: Record<string, string> }>;

/** A real HTTP server on 127.0.0.1 that records every webhook it gets. */
export async function startWebhookReceiver(responder: Responder = () => ({ status: 204 })) {
  const received: ReceivedWebhook[] = [];
  let respond = responder;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const body = Buffer.concat(chunks).toString("utf8");
      void Promise.resolve(respond({ headers, body, count: received.length + 1 })).then((answer) => {
        received.push({ headers, body, status: answer.status });
        response.writeHead(answer.status, answer.headers).end(answer.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    /** Successful deliveries' parsed bodies, in arrival order. */
    delivered: () =>
      received
        .filter((entry) => entry.status < 300)
        .map((entry) => ({ id: entry.headers["webhook-id"]!, ...(JSON.parse(entry.body) as { type: string; data: { id: string; slug: string } }) })),
    setResponder(next: Responder) {
      respond = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
