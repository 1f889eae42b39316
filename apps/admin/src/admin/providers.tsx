"use client";
import { createTheme, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { TrpcQueryProvider } from "./trpc";

const theme = createTheme({
  primaryColor: "indigo",
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: "sm",
  components: {
    // Select dropdowns mount when opened: kept mounted, every option of every select renders right after the page hydrates.
    // A plain object rather than Combobox.extend, so pages without a select do not load the Combobox code.
    Combobox: { defaultProps: { keepMounted: false } },
  },
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
