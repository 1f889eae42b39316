import type { RouterOutputs } from "@coop/core/trpc";
import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";
import { FacetLinks } from "./facet-links";
import { RecordSummary } from "./record-summary";
import { YearChart } from "./year-chart";

/** A titled list of one facet's values, each with its count and link. */
export function FacetSection({ id, heading, items }: { id: string; heading: string; items: { label: string; count: string; href: string }[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <FacetLinks empty="—" items={items} />
    </section>
  );
}

/** A page subject's records by year and by sector, each sector linking to its records. */
export function YearsAndSectors({
  facets,
  sectorNames,
  recordsOf,
  kit,
}: {
  facets: Pick<RouterOutputs["agreement"]["facets"], "year" | "sector">;
  sectorNames: Map<string, string>;
  /** The subject's records list, further filtered. */
  recordsOf: (extra: Record<string, string>) => string;
  kit: LocaleKit;
}) {
  const { m } = kit;
  return (
    <>
      <section aria-labelledby="years">
        <h2 id="years">{m.country.timeline}</h2>
        <YearChart years={facets.year} kit={kit} heading={m.country.timeline} />
      </section>
      <FacetSection
        id="sectors"
        heading={m.country.sectors}
        items={facets.sector.map((sector) => ({
          label: sectorNames.get(sector.value) ?? sector.value,
          count: kit.format.count(sector.count),
          href: recordsOf({ sector: sector.value }),
        }))}
      />
    </>
  );
}

/** A titled list of records, as the records list shows them: a page subject's newest, a record's related ones. */
export function LatestRecords({
  id,
  heading,
  items,
  empty,
  kit,
  countryName,
}: {
  id: string;
  heading: string;
  items: RouterOutputs["agreement"]["list"]["items"];
  /** Said instead of an empty list. */
  empty?: string;
  kit: LocaleKit;
  countryName: (code: string) => string;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {items.length || empty === undefined ? (
        <ol className={styles.results}>
          {items.map((agreement) => (
            <RecordSummary key={agreement.id} agreement={agreement} kit={kit} countryName={countryName} headingLevel={3} />
          ))}
        </ol>
      ) : (
        <p className={styles.muted}>{empty}</p>
      )}
    </section>
  );
}
