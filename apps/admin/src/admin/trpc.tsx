"use client";
import type { AppRouter } from "@coop/core/trpc";
import { MAX_BATCH_SIZE } from "@coop/core/trpc/limits";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const endpoint = { url: "/api/trpc", fetch: (url: URL | RequestInfo, init?: RequestInit) => fetch(url, { ...init, credentials: "same-origin" }) };

function createAdminQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 15_000, refetchOnWindowFocus: false, retry: (failures, error) => failures < 2 && !("data" in error && error.data) },
    },
  });
}

/** React Query plus the typed tRPC client of the dashboard; the streaming import uses the stream link. */
export function TrpcQueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createAdminQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (operation) => operation.path === "import.stream",
          true: httpBatchStreamLink({ ...endpoint, maxItems: MAX_BATCH_SIZE }),
          false: httpBatchLink({ ...endpoint, maxItems: MAX_BATCH_SIZE }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
