import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "./trpc/root";

export type { AppRouter, RouterInputs, RouterOutputs } from "./trpc/root";
export { TRPCClientError };

export interface CoopClientOptions {
  /** An API token, sent as `Authorization: Bearer`, for non-public procedures. */
  token?: string;
  fetch?: typeof fetch;
}

/**
 * A typed client of a coop-tracker server for other apps, e.g.
 * `await createCoopClient("https://coop.example").agreement.list.query({ country: ["ZW"] })`.
 */
export function createCoopClient(baseUrl: string, options: CoopClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: new URL("/api/trpc", baseUrl).toString(),
        fetch: options.fetch,
        headers: () => (options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      }),
    ],
  });
}

export type CoopClient = ReturnType<typeof createCoopClient>;
