import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { jsonForScriptElement, queryString, recordJsonLd, recordUrl, siteUrl } from "@coop/core/publishing";
import { type Lang, ZLang } from "@coop/core/validators";
import { serverEnv } from "@/env";
import { enumLabel, formatAmount, formatInstant, LANGUAGE_NAMES, truncate } from "@/records/format";
import { publicApi, siteOrigin } from "@/server/public-site";
import { PartialDateText } from "../_components/PartialDateText";
import { Commitments, numberSources, Parties, Sources, Timeline } from "../_components/RecordParts";
import { StatusBadge } from "../_components/StatusBadge";
import styles from "../records.module.css";

export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?lang=fr` asks for a translation; anything else means the original. */
async function readRequest({ params, searchParams }: PageProps): Promise<{ slug: string; lang?: Lang }> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const lang = ZLang.safeParse(Array.isArray(query.lang) ? query.lang[0] : query.lang).data;
  return { slug, lang };
}

/** One read per request, shared by the metadata and the page; unknown or malformed slugs are a 404. */
const loadRecord = cache(async (slug: string, lang: Lang | undefined) => {
  try {
    return await publicApi().agreement.bySlug({ slug, lang });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
});

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { slug, lang } = await readRequest(props);
  const record = await loadRecord(slug, lang);
  const origin = siteOrigin();
  const url = recordUrl(origin, record.slug, record.lang);
  const description = truncate(record.summary, 200) || undefined;
  return {
    title: record.title,
    description,
    alternates: {
      canonical: url,
      languages: Object.fromEntries(
        [{ lang: "en" as Lang }, ...record.translations].map((translation) => [translation.lang, recordUrl(origin, record.slug, translation.lang)]),
      ),
      types: { "application/json+oembed": siteUrl(origin, "/oembed", { url, format: "json" }) },
    },
    openGraph: {
      type: "article",
      siteName: "coop-tracker",
      title: record.title,
      description,
      url,
      locale: record.lang,
      publishedTime: record.publishedAt ?? undefined,
      modifiedTime: record.updatedAt,
    },
    twitter: { card: "summary", title: record.title, description },
  };
}

export default async function RecordPage(props: PageProps) {
  const { slug, lang: requestedLang } = await readRequest(props);
  const record = await loadRecord(slug, requestedLang);
  const api = publicApi();
  const [countries, sectors] = await Promise.all([api.taxonomy.countries({}), api.taxonomy.sectors({})]);
  const countryNames = new Map(countries.map((country) => [country.code, country.name]));
  const countryName = (code: string) => countryNames.get(code) ?? code;
  const sectorNames = new Map(sectors.map((sector) => [sector.slug, sector.name]));
  const origin = siteOrigin();
  const numbers = numberSources(record.sources);
  const languages: Lang[] = ["en", ...record.translations.map((translation) => translation.lang).filter((lang) => lang !== "en")];
  const correctionHref = `mailto:${serverEnv().CORRECTIONS_EMAIL}?${new URLSearchParams({
    subject: `Correction request: ${record.slug}`,
    body: `Record: ${recordUrl(origin, record.slug)}\n\nWhat should change, and the source that shows it:\n`,
  })
    .toString()
    .replaceAll("+", "%20")}`;
  const relatedFeed = `/feed.atom${queryString({ country: record.countries, partner: record.partners })}`;

  return (
    <main className={styles.page}>
      <nav className={styles.crumbs} aria-label="Breadcrumb">
        <Link href="/">coop-tracker</Link>
        <span aria-hidden="true">/</span>
        <Link href="/records">Records</Link>
      </nav>
      <article>
        <header>
          <p className={styles.meta}>
            <StatusBadge status={record.status} />
            <span>{enumLabel(record.kind)}</span>
            <span>Confidence: {enumLabel(record.confidence).toLowerCase()}</span>
          </p>
          <h1 lang={record.lang}>{record.title}</h1>
          {languages.length > 1 && (
            <ul className={styles.languages} aria-label="Languages">
              {languages.map((lang) => (
                <li key={lang}>
                  <Link href={lang === "en" ? `/records/${record.slug}` : `/records/${record.slug}?lang=${lang}`} lang={lang} aria-current={lang === record.lang ? "page" : undefined}>
                    {LANGUAGE_NAMES[lang]}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {requestedLang && requestedLang !== record.lang && (
            <p className={`${styles.muted} ${styles.small}`}>
              No {LANGUAGE_NAMES[requestedLang]} translation yet; showing the original.
            </p>
          )}
          {record.summary && (
            <p className={styles.lede} lang={record.lang}>
              {record.summary}
            </p>
          )}
        </header>

        <section aria-labelledby="facts">
          <h2 id="facts">Key facts</h2>
          <dl className={styles.facts}>
            <dt>Announced</dt>
            <dd><PartialDateText date={record.announced} /></dd>
            <dt>Signed</dt>
            <dd><PartialDateText date={record.signed} /></dd>
            <dt>African side</dt>
            <dd>{record.countries.map(countryName).join(", ") || "—"}</dd>
            <dt>Partner side</dt>
            <dd>{record.partners.map(countryName).join(", ") || "—"}</dd>
            <dt>Sectors</dt>
            <dd>{record.sectors.map((sector) => sectorNames.get(sector) ?? sector).join(", ") || "—"}</dd>
            {record.event && (<><dt>Event</dt><dd>{record.event}</dd></>)}
            {record.venue && (<><dt>Venue</dt><dd>{record.venue}</dd></>)}
            {record.amount && (<><dt>Amount</dt><dd>{formatAmount(record.amount)}</dd></>)}
            {record.publishedAt && (<><dt>Published here</dt><dd>{formatInstant(record.publishedAt)}</dd></>)}
            <dt>Last updated</dt>
            <dd>{formatInstant(record.updatedAt)}</dd>
          </dl>
        </section>

        <section aria-labelledby="parties">
          <h2 id="parties">Parties</h2>
          <Parties parties={record.parties} countryName={countryName} />
        </section>

        {record.commitments.length > 0 && (
          <section aria-labelledby="commitments">
            <h2 id="commitments">Commitments</h2>
            <Commitments record={record} numbers={numbers} />
          </section>
        )}

        <section aria-labelledby="timeline">
          <h2 id="timeline">Status timeline</h2>
          {record.timeline.length ? (
            <Timeline record={record} numbers={numbers} />
          ) : (
            <p>
              No dated history yet. Current status: <StatusBadge status={record.status} />
            </p>
          )}
        </section>

        <section aria-labelledby="sources">
          <h2 id="sources">Sources</h2>
          {record.sources.length ? <Sources sources={record.sources} /> : <p>No sources recorded yet.</p>}
        </section>

        <footer className={styles.footer}>
          <a href={correctionHref}>Request a correction</a>
          <a href={relatedFeed}>Atom feed of related records</a>
          <a href={`/api/trpc/agreement.bySlug?${new URLSearchParams({ input: JSON.stringify({ slug: record.slug }) })}`}>This record as JSON</a>
        </footer>
      </article>
      <script
        type="application/ld+json"
        // The only raw HTML on the page: JSON with `<` escaped, so record text cannot end the script element.
        dangerouslySetInnerHTML={{ __html: jsonForScriptElement(recordJsonLd(record, origin, countryName)) }}
      />
    </main>
  );
}
