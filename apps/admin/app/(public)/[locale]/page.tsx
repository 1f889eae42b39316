import type { Metadata } from "next";
import { africaMapData } from "@/maps/africa-map-shapes";
import { AfricaMapSvg, describeCounts } from "@/maps/africa-map-svg";
import { pageMetadata } from "@/public-site/metadata";
import { localeKit, type LocaleParams, readLocale } from "@/public-site/locale";
import { publicApi } from "@/server/public-site";
import { PublicShell } from "../_components/public-shell";
import { LatestRecords } from "../_components/record-sections";
import { YearChart } from "../_components/year-chart";
import styles from "../public.module.css";

export const dynamic = "force-dynamic";

const MAP_COLOURS = { empty: "var(--border)", strong: "var(--accent)", base: "var(--bg)", border: "var(--muted)" };

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  return pageMetadata({ lang: await readLocale(params), path: "/" });
}

export default async function HomePage({ params }: { params: LocaleParams }) {
  const lang = await readLocale(params);
  const kit = localeKit(lang);
  const { m } = kit;
  const api = publicApi();
  const [latest, facets, countries] = await Promise.all([api.agreement.list({ limit: 10, lang }), api.agreement.facets({}), api.taxonomy.countries({ lang })]);
  const countryNames = Object.fromEntries(countries.map((country) => [country.code, country.name]));
  const countryName = (code: string) => countryNames[code] ?? code;
  const counts = Object.fromEntries(facets.country.map((facet) => [facet.value, facet.count]));
  const feedQuery = lang === "en" ? "" : `?lang=${lang}`;
  return (
    <PublicShell
      kit={kit}
      path="/"
      feeds={{ atom: `/feed.atom${feedQuery}`, jsonFeed: `/feed.json${feedQuery}`, csv: `/export.csv${feedQuery}`, json: `/export.json${feedQuery}` }}
    >
      <h1>{m.site.name}</h1>
      <p className={styles.lede}>{kit.plural(m.home.lede, facets.total)}</p>
      <p>
        <a href={kit.path("/records")}>{m.home.browse} →</a>
      </p>
      <div className={styles.twoColumns}>
        <section aria-labelledby="map-heading">
          <h2 id="map-heading">{m.home.map}</h2>
          <AfricaMapSvg
            map={africaMapData()}
            counts={counts}
            countryNames={countryNames}
            colours={MAP_COLOURS}
            label={kit.t(m.home.mapLabel, { summary: describeCounts(counts, countryNames) || m.home.mapEmpty })}
            hrefOf={(code) => kit.path(`/countries/${code}`)}
            className={styles.map}
          />
          <p className={`${styles.muted} ${styles.small}`}>{m.home.mapLegend}</p>
        </section>
        <section aria-labelledby="years-heading">
          <h2 id="years-heading">{m.home.byYear}</h2>
          <YearChart years={facets.year} kit={kit} heading={m.home.byYear} />
        </section>
      </div>
      <LatestRecords id="latest-heading" heading={m.home.latest} items={latest.items} kit={kit} countryName={countryName} />
    </PublicShell>
  );
}
