import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ZLang } from "@coop/core/validators";
import { translator } from "@/i18n/catalogue";
import "../globals.css";

type LayoutParams = Promise<{ locale: string }>;

/** A first segment that is no language falls back to English here; the pages answer it with a 404. */
async function layoutLang(params: LayoutParams) {
  return ZLang.safeParse((await params).locale).data ?? "en";
}

export async function generateMetadata({ params }: { params: LayoutParams }): Promise<Metadata> {
  const { m } = translator(await layoutLang(params));
  return { title: { default: m.site.name, template: `%s · ${m.site.name}` }, description: m.site.description };
}

export default async function PublicLayout({ children, params }: { children: ReactNode; params: LayoutParams }) {
  return (
    <html lang={await layoutLang(params)}>
      <body>{children}</body>
    </html>
  );
}
