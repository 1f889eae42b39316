import type { Metadata } from "next";
import Link from "next/link";
import { LIST_FILTER_PARAMS, parameterIssues, queryString, readQueryParams, siteUrl, WIDGET_PARAMS } from "@coop/core/publishing";
import { ZAgreementListInput } from "@coop/core/validators";
import { toSearchParams } from "@/records/search-params";
import { publicApi, siteOrigin } from "@/server/public-site";
import { RecordFilters } from "./_components/RecordFilters";
import { RecordSummary } from "./_components/RecordSummary";
import styles from "./records.module.css";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PAGE_SIZE = 20;

/** The list filters and language read from the URL, raw (for the form) and validated (for the query). */
function readListQuery(params: URLSearchParams) {
  const raw = readQueryParams(params, [...LIST_FILTER_PARAMS, "lang", "cursor"]);
  const parsed = ZAgreementListInput.safeParse({ ...raw, limit: PAGE_SIZE });
  return { raw, parsed };
}

/** One page of matching records and their total, or what is wrong with the filters. */
async function readResults(parsed: ReturnType<typeof readListQuery>["parsed"]) {
  if (!parsed.success) return { result: null, issues: parameterIssues(parsed.error) };
  const api = publicApi();
  try {
    const [page, facets] = await Promise.all([api.agreement.list(parsed.data), api.agreement.facets(parsed.data)]);
    return { result: { page, total: facets.total }, issues: null };
  } catch (error) {
    // Unknown countries or sectors are refused by the domain, not the schema.
    const issues = parameterIssues((error as { cause?: unknown }).cause);
    if (!issues) throw error;
    return { result: null, issues };
  }
}

/** Same filters, as the feeds (widget filters) and exports (list filters) take them. */
function subscriptionLinks(params: URLSearchParams) {
  const feedQuery = queryString(readQueryParams(params, WIDGET_PARAMS));
  const exportQuery = queryString(readQueryParams(params, [...LIST_FILTER_PARAMS, "lang"]));
  return { atom: `/feed.atom${feedQuery}`, jsonFeed: `/feed.json${feedQuery}`, csv: `/export.csv${exportQuery}`, json: `/export.json${exportQuery}` };
}

/** The same list at another keyset position; null for the first page. */
function pageLink(params: URLSearchParams, cursor: string | null): string {
  const target = new URLSearchParams(params);
  target.delete("cursor");
  if (cursor) target.set("cursor", cursor);
  const query = target.toString();
  return query ? `/records?${query}` : "/records";
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const params = toSearchParams(await searchParams);
  params.delete("cursor");
  const origin = siteOrigin();
  const links = subscriptionLinks(params);
  const canonical = siteUrl(origin, `/records${queryString(readQueryParams(params, [...LIST_FILTER_PARAMS, "lang"]))}`);
  return {
    title: "Records",
    description: "Browse source-backed records of technology cooperation between African states and Russia/Belarus.",
    alternates: {
      canonical,
      types: {
        "application/atom+xml": siteUrl(origin, links.atom),
        "application/feed+json": siteUrl(origin, links.jsonFeed),
        "application/json+oembed": siteUrl(origin, "/oembed", { url: canonical, format: "json" }),
      },
    },
    openGraph: { type: "website", siteName: "coop-tracker", title: "coop-tracker records", url: canonical },
  };
}

export default async function RecordsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = toSearchParams(await searchParams);
  const { raw, parsed } = readListQuery(params);
  const api = publicApi();
  const lang = parsed.data?.lang;
  const [[countries, sectors], { result, issues }] = await Promise.all([
    Promise.all([api.taxonomy.countries({}), api.taxonomy.sectors({})]),
    readResults(parsed),
  ]);
  const countryName = new Map(countries.map((country) => [country.code, country.name]));

  const links = subscriptionLinks(params);
  const nextCursor = result?.page.nextCursor;

  return (
    <main className={styles.page}>
      <nav className={styles.crumbs} aria-label="Breadcrumb">
        <Link href="/">coop-tracker</Link>
        <span aria-hidden="true">/</span>
        <span>Records</span>
      </nav>
      <h1>Records</h1>
      <p className={styles.muted}>
        Memoranda, agreements, talks and programmes of technology cooperation between African states and Russia or
        Belarus, each backed by its sources.
      </p>
      <RecordFilters
        values={Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? value[0] : String(value)]))}
        africanCountries={countries.filter((c) => !c.isPartner).map((c) => ({ value: c.code, label: c.name }))}
        partners={countries.filter((c) => c.isPartner).map((c) => ({ value: c.code, label: c.name }))}
        sectors={sectors.map((s) => ({ value: s.slug, label: s.name }))}
      />

      {issues && (
        <div role="alert" className={styles.alert}>
          <p>Some filters could not be used:</p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.parameter}:${issue.message}`}>
                <strong>{issue.parameter}</strong>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {result && (
        <section aria-labelledby="results-heading">
          <p id="results-heading" className={styles.count} aria-live="polite">
            {result.total === 1 ? "1 record" : `${result.total} records`}
            {params.has("cursor") ? " (continued)" : ""}
          </p>
          {result.page.items.length ? (
            <ol className={styles.results}>
              {result.page.items.map((agreement) => (
                <RecordSummary key={agreement.id} agreement={agreement} requestedLang={lang} countryName={countryName} />
              ))}
            </ol>
          ) : (
            <p>No published record matches these filters.</p>
          )}
          <nav className={styles.pager} aria-label="Pages">
            {params.has("cursor") ? <Link href={pageLink(params, null)}>← First page</Link> : <span />}
            {nextCursor && <Link href={pageLink(params, nextCursor)}>Next page →</Link>}
          </nav>
        </section>
      )}

      <p className={styles.subscribe}>
        Follow these filters: <a href={links.atom}>Atom feed</a> · <a href={links.jsonFeed}>JSON Feed</a> · Download all
        matching records: <a href={links.csv}>CSV</a> · <a href={links.json}>JSON</a>
      </p>
    </main>
  );
}
