import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { ColorSchemeScript, mantineHtmlProps } from "@mantine/core";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminProviders } from "@/admin/providers";
import { requestNonce } from "@/admin/server-api";

export const metadata: Metadata = {
  title: { default: "Dashboard · coop-tracker", template: "%s · coop-tracker dashboard" },
  robots: { index: false, follow: false },
};

/** Root of the editors' dashboard: the saved colour scheme is applied by a nonce-carrying script before the first paint. */
export default async function AdminRootLayout({ children }: { children: ReactNode }) {
  const nonce = await requestNonce();
  return (
    <html lang="en" {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript nonce={nonce} defaultColorScheme="auto" />
      </head>
      <body>
        <AdminProviders>{children}</AdminProviders>
      </body>
    </html>
  );
}
