import type { ReactNode } from "react";
import { localePath } from "@coop/core/publishing";
import { ZLang } from "@coop/core/validators";
import { LANGUAGE_AUTONYMS } from "@/i18n/catalogue";
import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * The frame of every public page: the site's name, a breadcrumb, the same page in the
 * other languages (query kept), and the feeds of what the page shows.
 */
export function PublicShell(props: {
  kit: LocaleKit;
  /** The page's path in English, without the query. */
  path: string;
  /** The page's own query (filters), kept when switching language. */
  query?: string;
  crumbs?: Crumb[];
  /** Feed and export links of what the page shows, with their query. */
  feeds: { atom: string; jsonFeed: string; csv?: string; json?: string };
  children: ReactNode;
}) {
  const { kit, path, query = "", crumbs = [], feeds } = props;
  const { m } = kit;
  return (
    <div className={styles.page}>
      <a className={styles.skip} href="#content">
        {m.site.skipToContent}
      </a>
      <header className={styles.header}>
        <a className={styles.brand} href={kit.path("/")}>
          {m.site.name}
        </a>
        <nav aria-label={m.site.languages}>
          <ul className={styles.languages}>
            {ZLang.options.map((lang) => (
              <li key={lang}>
                <a href={`${localePath(lang, path)}${query}`} hrefLang={lang} lang={lang} aria-current={lang === kit.lang ? "page" : undefined}>
                  {LANGUAGE_AUTONYMS[lang]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {crumbs.length > 0 && (
        <nav className={styles.crumbs} aria-label={m.site.breadcrumb}>
          <a href={kit.path("/")}>{m.site.home}</a>
          {crumbs.map((crumb) => (
            <span key={crumb.label}>
              <span aria-hidden="true">/ </span>
              {crumb.href ? <a href={crumb.href}>{crumb.label}</a> : <span aria-current="page">{crumb.label}</span>}
            </span>
          ))}
        </nav>
      )}
      <main id="content">{props.children}</main>
      <footer className={styles.siteFooter}>
        <p>
          {m.site.follow} <a href={feeds.atom}>{m.site.atomFeed}</a> · <a href={feeds.jsonFeed}>{m.site.jsonFeed}</a>
          {feeds.csv && feeds.json && (
            <>
              {" · "}
              {m.site.download} <a href={feeds.csv}>{m.site.csv}</a> · <a href={feeds.json}>{m.site.json}</a>
            </>
          )}
        </p>
        <p>
          {kit.t(m.site.developers, { api: "/api/trpc" })} · <a href="/sitemap.xml">{m.site.sitemap}</a>
        </p>
      </footer>
    </div>
  );
}
