import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { jsonForScriptElement, queryString, recordJsonLd, recordPath, recordUrl } from "@coop/core/publishing";
import type { Lang } from "@coop/core/validators";
import { serverEnv } from "@/env";
import { truncate } from "@/i18n/formats";
import { citationLookup } from "@/public-site/citations";
import { pageMetadata } from "@/public-site/metadata";
import { localeKit, readLocale } from "@/public-site/locale";
import { toSearchParams } from "@/search-params";
import { publicApi, siteOrigin } from "@/server/public-site";
import { CiteRecord } from "../../../_components/cite-record";
import { CitedBy } from "../../../_components/cited-by";
import { PartialDateText } from "../../../_components/partial-date-text";
import { PublicShell } from "../../../_components/public-shell";
import { Commitments, numberSources, Parties, Sources, Timeline } from "../../../_components/record-parts";
import { LatestRecords } from "../../../_components/record-sections";
import { StatusBadge, UnverifiedMark } from "../../../_components/status-badge";
import styles from "../../../public.module.css";

export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** One read per request, shared by the metadata and the page; unknown or malformed slugs are a 404. */
const loadRecord = cache(async (slug: string, lang: Lang) => {
  try {
    return await publicApi().agreement.bySlug({ slug, lang });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
});

/** A former slug of the record is sent, with 308, to its current address (query kept). */
async function readRequest({ params, searchParams }: PageProps) {
  const lang = await readLocale(params);
  const { slug } = await params;
  const record = await loadRecord(slug, lang);
  if (record.slug !== slug) {
    const query = toSearchParams(await searchParams).toString();
    permanentRedirect(`${recordPath(record.slug, lang)}${query ? `?${query}` : ""}`);
  }
  return { lang, record };
}

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { lang, record } = await readRequest(props);
  return pageMetadata({
    lang,
    path: `/records/${record.slug}`,
    title: record.title,
    description: truncate(record.summary, 200) || undefined,
    feed: { country: record.countries, partner: record.partners },
    type: "article",
    article: { publishedTime: record.publishedAt ?? undefined, modifiedTime: record.updatedAt },
    oembed: true,
  });
}

/** The version a permalink named, when it is a number. */
function citedVersion(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

export default async function RecordPage(props: PageProps) {
  const { lang, record } = await readRequest(props);
  const kit = localeKit(lang);
  const { m } = kit;
  const api = publicApi();
  const [countries, sectors, related] = await Promise.all([
    api.taxonomy.countries({ lang }),
    api.taxonomy.sectors({ lang }),
    api.agreement.related({ slug: record.slug, lang }),
  ]);
  const countryNames = new Map(countries.map((country) => [country.code, country.name]));
  const countryName = (code: string) => countryNames.get(code) ?? code;
  const sectorNames = new Map(sectors.map((sector) => [sector.slug, sector.name]));
  const origin = siteOrigin();
  const numbers = numberSources(record.sources);
  const citations = citationLookup(record, numbers);
  // The "[n]" references for `fields`, by default the one field `placement` names.
  const cite = (placement: string, ...fields: string[]) => (
    <CitedBy references={citations(...(fields.length ? fields : [placement]))} placement={placement} kit={kit} />
  );
  const cited = citedVersion((await props.searchParams).version);
  const permalink = `${recordUrl(origin, record.slug, lang)}?version=${record.version}`;
  const correctionHref = `mailto:${serverEnv().CORRECTIONS_EMAIL}?${new URLSearchParams({
    subject: `Correction request: ${record.slug}`,
    body: `Record: ${recordUrl(origin, record.slug)}\n\nWhat should change, and the source that shows it:\n`,
  })
    .toString()
    .replaceAll("+", "%20")}`;
  const feedQuery = queryString({ country: record.countries, partner: record.partners, lang: lang === "en" ? undefined : lang });
  const untranslatedParts = [...record.commitments, ...record.timeline.filter((step) => step.note)].some((part) => part.lang !== lang);
  /** The parties' fields that put `code` on `side`, for the key facts' country lists. */
  const countryFields = (side: "AFRICA" | "PARTNER", code: string) =>
    record.parties.flatMap((party, index) => (party.side === side && party.country === code ? [`parties.${index}.countryCode`] : []));
  const countryLinks = (side: "AFRICA" | "PARTNER", codes: string[]) =>
    codes.length
      ? codes.map((code, index) => (
          <span key={code}>
            {index > 0 && ", "}
            <a href={kit.path(`/countries/${code}`)}>{countryName(code)}</a>
            {cite(`${side}-${code}`, ...countryFields(side, code))}
          </span>
        ))
      : "—";

  return (
    <PublicShell
      kit={kit}
      path={`/records/${record.slug}`}
      crumbs={[{ label: m.list.title, href: kit.path("/records") }, { label: record.title }]}
      feeds={{ atom: `/feed.atom${feedQuery}`, jsonFeed: `/feed.json${feedQuery}` }}
    >
      <article>
        <header>
          <p className={styles.meta}>
            <span>
              <StatusBadge status={record.status} kit={kit} />
              {cite("status")}
            </span>
            <UnverifiedMark confidence={record.confidence} kit={kit} />
            <span>
              {m.kind[record.kind]}
              {cite("kind")}
            </span>
            <span>{kit.t(m.record.confidence, { level: m.confidence[record.confidence] })}</span>
          </p>
          <h1 lang={record.lang}>
            {record.title}
            {cite("title")}
          </h1>
          {lang !== "en" && record.lang !== lang && (
            <p className={styles.notice} role="note">
              {kit.t(m.record.notTranslated, { language: m.language[lang] })}
            </p>
          )}
          {lang !== "en" && record.lang === lang && untranslatedParts && (
            <p className={styles.notice} role="note">
              {kit.t(m.record.partlyTranslated, { language: m.language[lang] })}
            </p>
          )}
          {cited !== null && cited !== record.version && (
            <p className={styles.notice} role="note">
              {kit.t(m.record.newerVersion, { cited, current: record.version })}
            </p>
          )}
          {record.summary && (
            <p className={styles.lede} lang={record.lang}>
              {record.summary}
              {cite("summary")}
            </p>
          )}
        </header>

        <section aria-labelledby="facts">
          <h2 id="facts">{m.record.keyFacts}</h2>
          <dl className={styles.facts}>
            <dt>{m.record.announced}</dt>
            <dd>
              <PartialDateText date={record.announced} kit={kit} />
              {cite("announcedOn")}
            </dd>
            <dt>{m.record.signed}</dt>
            <dd>
              <PartialDateText date={record.signed} kit={kit} />
              {cite("signedOn")}
            </dd>
            <dt>{m.record.africanSide}</dt>
            <dd>{countryLinks("AFRICA", record.countries)}</dd>
            <dt>{m.record.partnerSide}</dt>
            <dd>{countryLinks("PARTNER", record.partners)}</dd>
            <dt>{m.record.sectors}</dt>
            <dd>
              {record.sectors.length
                ? record.sectors.map((sector, index) => (
                    <span key={sector}>
                      {index > 0 && ", "}
                      {sectorNames.get(sector) ?? sector}
                      {cite(`sectors.${index}`)}
                    </span>
                  ))
                : "—"}
            </dd>
            {record.event && (
              <>
                <dt>{m.record.event}</dt>
                <dd>
                  {record.event}
                  {cite("event")}
                </dd>
              </>
            )}
            {record.venue && (
              <>
                <dt>{m.record.venue}</dt>
                <dd>
                  {record.venue}
                  {cite("venue")}
                </dd>
              </>
            )}
            {record.amount && (
              <>
                <dt>{m.record.amount}</dt>
                <dd>
                  {kit.format.amount(record.amount)}
                  {cite("amount", "amount", "currency")}
                </dd>
              </>
            )}
            {record.publishedAt && (
              <>
                <dt>{m.record.publishedHere}</dt>
                <dd>{kit.format.instant(record.publishedAt)}</dd>
              </>
            )}
            <dt>{m.record.lastUpdated}</dt>
            <dd>{kit.format.instant(record.updatedAt)}</dd>
          </dl>
        </section>

        <section aria-labelledby="parties">
          <h2 id="parties">{m.record.parties}</h2>
          <Parties parties={record.parties} countryName={countryName} citations={citations} kit={kit} />
        </section>

        {record.commitments.length > 0 && (
          <section aria-labelledby="commitments">
            <h2 id="commitments">{m.record.commitments}</h2>
            <Commitments record={record} numbers={numbers} citations={citations} kit={kit} />
          </section>
        )}

        <section aria-labelledby="timeline">
          <h2 id="timeline">{m.record.timeline}</h2>
          {record.timeline.length ? (
            <Timeline record={record} numbers={numbers} kit={kit} />
          ) : (
            <p>
              {m.record.noHistory} <StatusBadge status={record.status} kit={kit} />
            </p>
          )}
        </section>

        <section aria-labelledby="sources">
          <h2 id="sources">{m.record.sources}</h2>
          {record.sources.length ? <Sources sources={record.sources} kit={kit} /> : <p>{m.record.noSources}</p>}
        </section>

        <LatestRecords id="related" heading={m.record.related} items={related.items} empty={m.record.relatedNone} kit={kit} countryName={countryName} />

        <section aria-labelledby="cite">
          <h2 id="cite">{m.record.cite}</h2>
          <CiteRecord record={{ slug: record.slug, title: record.title, version: record.version, updatedAt: record.updatedAt, permalink }} kit={kit} />
        </section>

        <footer className={styles.footer}>
          <a href={correctionHref}>{m.record.correction}</a>
          <a href={`/feed.atom${feedQuery}`}>{m.record.relatedFeed}</a>
          <a href={`/api/trpc/agreement.bySlug?${new URLSearchParams({ input: JSON.stringify({ slug: record.slug, lang }) })}`}>{m.record.asJson}</a>
        </footer>
      </article>
      <script
        type="application/ld+json"
        // The only raw HTML on the page: JSON with `<` escaped, so record text cannot end the script element.
        dangerouslySetInnerHTML={{ __html: jsonForScriptElement(recordJsonLd(record, origin, countryName)) }}
      />
    </PublicShell>
  );
}
