"use client";
import { createTheme, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { TrpcQueryProvider } from "./trpc";

const theme = createTheme({
  primaryColor: "indigo",
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: "sm",
});

/** Everything a dashboard page needs on the client: theme, notifications, React Query with tRPC. */
export function AdminProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <TrpcQueryProvider>{children}</TrpcQueryProvider>
    </MantineProvider>
  );
}
