import type { Metadata } from "next";
import { parameterIssues, queryString } from "@coop/core/publishing";
import type { RouterOutputs } from "@coop/core/trpc";
import { type Lang, ZAgreementKind, ZAgreementListInput, ZConfidence, ZLifecycleStatus } from "@coop/core/validators";
import { FEED_PARAMS, LIST_FILTER_PARAMS, readQueryParams } from "@coop/core/validators/list-query";
import { toSearchParams } from "@/search-params";
import { pageMetadata } from "@/public-site/metadata";
import { localeKit, type LocaleKit, type LocaleParams, readLocale } from "@/public-site/locale";
import { publicApi } from "@/server/public-site";
import { PublicShell } from "../../_components/public-shell";
import { type FacetOption, type FilterValues, RecordFilters } from "../../_components/record-filters";
import { RecordSummary } from "../../_components/record-summary";
import styles from "../../public.module.css";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
interface PageProps {
  params: LocaleParams;
  searchParams: SearchParams;
}

const PAGE_SIZE = 20;
const LIST_FACETS = ["country", "partner", "sector", "status", "kind", "confidence", "organization"] as const;

/** The list filters, sort and paging read from the URL, raw (for the form) and validated (for the query). */
function readListQuery(params: URLSearchParams, lang: Lang) {
  const raw = readQueryParams(params, [...LIST_FILTER_PARAMS, "sort", "cursor", "direction"]);
  const parsed = ZAgreementListInput.safeParse({ ...raw, limit: PAGE_SIZE, lang });
  return { raw, parsed };
}

/** One page of matching records and the counts of every filter value, or what is wrong with the filters. */
async function readResults(parsed: ReturnType<typeof readListQuery>["parsed"]) {
  if (!parsed.success) return { result: null, issues: parameterIssues(parsed.error) };
  const api = publicApi();
  const { sort: _sort, cursor: _cursor, direction: _direction, limit: _limit, lang: _lang, ...filters } = parsed.data;
  try {
    const [page, facets] = await Promise.all([api.agreement.list(parsed.data), api.agreement.facets(filters)]);
    return { result: { page, facets }, issues: null };
  } catch (error) {
    // Unknown countries or sectors are refused by the domain, not the schema.
    const issues = parameterIssues((error as { cause?: unknown }).cause);
    if (!issues) throw error;
    return { result: null, issues };
  }
}

/** The same filters as the feeds and exports take them, in this language. */
function subscriptionLinks(params: URLSearchParams, lang: Lang) {
  const language = lang === "en" ? {} : { lang };
  const feedQuery = queryString({ ...readQueryParams(params, FEED_PARAMS), ...language });
  const exportQuery = queryString({ ...readQueryParams(params, LIST_FILTER_PARAMS), ...language });
  return { atom: `/feed.atom${feedQuery}`, jsonFeed: `/feed.json${feedQuery}`, csv: `/export.csv${exportQuery}`, json: `/export.json${exportQuery}` };
}

/** The same list at another keyset position; the first page without a cursor. */
function pageLink(kit: LocaleKit, params: URLSearchParams, cursor: string | null, direction?: "backward"): string {
  const target = new URLSearchParams(params);
  for (const name of ["cursor", "direction"]) target.delete(name);
  if (cursor) target.set("cursor", cursor);
  if (cursor && direction) target.set("direction", direction);
  const query = target.toString();
  return `${kit.path("/records")}${query ? `?${query}` : ""}`;
}

export async function generateMetadata({ params, searchParams }: PageProps): Promise<Metadata> {
  const lang = await readLocale(params);
  const query = toSearchParams(await searchParams);
  const { m } = localeKit(lang);
  return pageMetadata({
    lang,
    path: "/records",
    params: readQueryParams(query, LIST_FILTER_PARAMS),
    title: m.list.title,
    description: m.list.lede,
    feed: readQueryParams(query, FEED_PARAMS),
    oembed: true,
  });
}

type Facets = RouterOutputs["agreement"]["facets"];

/** Every value a facet offers, named in the reader's language, with the count of records it would show. */
function facetOptions(
  kit: LocaleKit,
  facets: Facets | undefined,
  names: { countries: Map<string, string>; sectors: Map<string, string> },
  partnerCodes: string[],
  africanCodes: string[],
) {
  const counted = (facet: keyof Omit<Facets, "total" | "organization">) => new Map((facets?.[facet] ?? []).map((entry) => [entry.value, entry.count]));
  const options = <V extends string>(facet: keyof Omit<Facets, "total" | "organization">, values: readonly V[], label: (value: V) => string): FacetOption[] => {
    const counts = counted(facet);
    return values.map((value) => ({ value, label: label(value), count: counts.get(value) ?? 0 }));
  };
  const country = (code: string) => names.countries.get(code) ?? code;
  return {
    country: options("country", africanCodes, country),
    partner: options("partner", partnerCodes, country),
    sector: options("sector", [...names.sectors.keys()], (slug) => names.sectors.get(slug) ?? slug),
    status: options("status", ZLifecycleStatus.options, (status) => kit.m.status[status]),
    kind: options("kind", ZAgreementKind.options, (kind) => kit.m.kind[kind]),
    confidence: options("confidence", ZConfidence.options, (level) => kit.m.confidence[level]),
  };
}

export default async function RecordsPage({ params, searchParams }: PageProps) {
  const lang = await readLocale(params);
  const kit = localeKit(lang);
  const { m } = kit;
  const query = toSearchParams(await searchParams);
  const { raw, parsed } = readListQuery(query, lang);
  const api = publicApi();
  const [[countries, sectors], { result, issues }] = await Promise.all([
    Promise.all([api.taxonomy.countries({ lang }), api.taxonomy.sectors({ lang })]),
    readResults(parsed),
  ]);
  const countryNames = new Map(countries.map((country) => [country.code, country.name]));
  const facets = facetOptions(
    kit,
    result?.facets,
    { countries: countryNames, sectors: new Map(sectors.map((sector) => [sector.slug, sector.name])) },
    countries.filter((country) => country.isPartner).map((country) => country.code),
    countries.filter((country) => !country.isPartner).map((country) => country.code),
  );
  const list = (name: (typeof LIST_FACETS)[number]) => [raw[name] ?? []].flat().map(String);
  const values: FilterValues = {
    q: raw.q as string | undefined,
    from: raw.from as string | undefined,
    to: raw.to as string | undefined,
    sort: raw.sort as string | undefined,
    lists: Object.fromEntries(LIST_FACETS.map((name) => [name, list(name)])) as FilterValues["lists"],
  };
  const filterQuery = queryString(readQueryParams(query, [...LIST_FILTER_PARAMS, "sort"]));
  const page = result?.page;

  return (
    <PublicShell kit={kit} path="/records" query={filterQuery} crumbs={[{ label: m.list.title }]} feeds={subscriptionLinks(query, lang)}>
      <h1>{m.list.title}</h1>
      <p className={styles.muted}>{m.list.lede}</p>
      <RecordFilters kit={kit} values={values} facets={facets} />

      {issues && (
        <div role="alert" className={styles.alert}>
          <p>{m.list.badFilters}</p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.parameter}:${issue.message}`}>
                <strong>{issue.parameter}</strong>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {result && page && (
        <section aria-labelledby="results-heading">
          <p id="results-heading" className={styles.count} aria-live="polite">
            {kit.plural(m.list.count, result.facets.total)}
          </p>
          {page.items.length ? (
            <ol className={styles.results}>
              {page.items.map((agreement) => (
                <RecordSummary key={agreement.id} agreement={agreement} kit={kit} countryName={(code) => countryNames.get(code) ?? code} />
              ))}
            </ol>
          ) : (
            <p>{m.list.none}</p>
          )}
          <nav className={styles.pager} aria-label={m.list.pages}>
            {page.previousCursor ? (
              <a href={pageLink(kit, query, page.previousCursor, "backward")}>{`← ${m.list.previous}`}</a>
            ) : query.has("cursor") ? (
              <a href={pageLink(kit, query, null)}>{`← ${m.list.first}`}</a>
            ) : (
              <span />
            )}
            {page.nextCursor && <a href={pageLink(kit, query, page.nextCursor)}>{`${m.list.next} →`}</a>}
          </nav>
        </section>
      )}
    </PublicShell>
  );
}
