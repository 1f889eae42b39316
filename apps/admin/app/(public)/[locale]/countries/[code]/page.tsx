import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { queryString } from "@coop/core/publishing";
import type { Lang } from "@coop/core/validators";
import { pageMetadata } from "@/public-site/metadata";
import { localeKit, readLocale } from "@/public-site/locale";
import { publicApi } from "@/server/public-site";
import { PublicShell } from "../../../_components/public-shell";
import { FacetSection, LatestRecords, YearsAndSectors } from "../../../_components/record-sections";
import styles from "../../../public.module.css";

export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ locale: string; code: string }>;
}

/** The country named by the path, in the reader's language; anything but a known code is a 404. */
const loadCountry = cache(async (code: string, lang: Lang) => {
  const countries = await publicApi().taxonomy.countries({ lang });
  const country = countries.find((candidate) => candidate.code === code);
  if (!country) notFound();
  return { country, countries };
});

async function readRequest({ params }: PageProps) {
  const lang = await readLocale(params);
  const { code } = await params;
  return { lang, ...(await loadCountry(code, lang)) };
}

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { lang, country } = await readRequest(props);
  const filter = country.isPartner ? { partner: [country.code] } : { country: [country.code] };
  return pageMetadata({ lang, path: `/countries/${country.code}`, title: country.name, feed: filter });
}

export default async function CountryPage(props: PageProps) {
  const { lang, country, countries } = await readRequest(props);
  const kit = localeKit(lang);
  const { m } = kit;
  // Russia and Belarus are partners; every other country is on the African side.
  const filter = country.isPartner ? { partner: [country.code] } : { country: [country.code] };
  const api = publicApi();
  const [facets, latest, sectors] = await Promise.all([
    api.agreement.facets(filter),
    api.agreement.list({ ...filter, limit: 10, lang }),
    api.taxonomy.sectors({ lang }),
  ]);
  const countryNames = new Map(countries.map((entry) => [entry.code, entry.name]));
  const countryName = (code: string) => countryNames.get(code) ?? code;
  const sectorNames = new Map(sectors.map((sector) => [sector.slug, sector.name]));
  const recordsOf = (extra: Record<string, string>) => `${kit.path("/records")}${queryString({ ...filter, ...extra })}`;
  const counterparts = country.isPartner ? facets.country : facets.partner;
  const feedQuery = queryString({ ...filter, lang: lang === "en" ? undefined : lang });

  return (
    <PublicShell
      kit={kit}
      path={`/countries/${country.code}`}
      crumbs={[{ label: country.name }]}
      feeds={{ atom: `/feed.atom${feedQuery}`, jsonFeed: `/feed.json${feedQuery}`, csv: `/export.csv${feedQuery}`, json: `/export.json${feedQuery}` }}
    >
      <h1>{country.name}</h1>
      <p className={styles.lede}>{kit.plural(m.country.records, facets.total)}</p>
      {facets.total === 0 ? (
        <p>{m.country.none}</p>
      ) : (
        <>
          <p>
            <a href={recordsOf({})}>{kit.t(m.country.allRecords, { name: country.name })} →</a>
          </p>
          <div className={styles.twoColumns}>
            <YearsAndSectors facets={facets} sectorNames={sectorNames} recordsOf={recordsOf} kit={kit} />
            <FacetSection
              id="partners"
              heading={country.isPartner ? m.country.africanPartners : m.country.partnersOf}
              items={counterparts.map((entry) => ({
                label: countryName(entry.value),
                count: kit.format.count(entry.count),
                href: kit.path(`/countries/${entry.value}`),
              }))}
            />
            <FacetSection
              id="organizations"
              heading={m.country.organizations}
              items={facets.organization
                .slice(0, 15)
                .map((entry) => ({ label: entry.label, count: kit.format.count(entry.count), href: kit.path(`/organizations/${entry.value}`) }))}
            />
          </div>
          <LatestRecords id="latest" heading={m.country.latest} items={latest.items} kit={kit} countryName={countryName} />
        </>
      )}
    </PublicShell>
  );
}
