import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { queryString, safeHttpUrl } from "@coop/core/publishing";
import { pageMetadata } from "@/public-site/metadata";
import { localeKit, readLocale } from "@/public-site/locale";
import { publicApi } from "@/server/public-site";
import { PublicShell } from "../../../_components/public-shell";
import { FacetSection, LatestRecords, YearsAndSectors } from "../../../_components/record-sections";
import styles from "../../../public.module.css";

export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ locale: string; slug: string }>;
}

/** Only an organisation party to a published record has a page; anything else is a 404. */
const loadOrganization = cache(async (slug: string) => {
  try {
    return await publicApi().organization.bySlug({ slug });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
});

async function readRequest({ params }: PageProps) {
  const lang = await readLocale(params);
  const { slug } = await params;
  return { lang, organization: await loadOrganization(slug) };
}

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { lang, organization } = await readRequest(props);
  return pageMetadata({ lang, path: `/organizations/${organization.slug}`, title: organization.name, feed: { organization: organization.slug } });
}

export default async function OrganizationPage(props: PageProps) {
  const { lang, organization } = await readRequest(props);
  const kit = localeKit(lang);
  const { m } = kit;
  const filter = { organization: [organization.slug] };
  const api = publicApi();
  const [facets, latest, countries, sectors] = await Promise.all([
    api.agreement.facets(filter),
    api.agreement.list({ ...filter, limit: 10, lang }),
    api.taxonomy.countries({ lang }),
    api.taxonomy.sectors({ lang }),
  ]);
  const countryNames = new Map(countries.map((entry) => [entry.code, entry.name]));
  const countryName = (code: string) => countryNames.get(code) ?? code;
  const sectorNames = new Map(sectors.map((sector) => [sector.slug, sector.name]));
  const recordsOf = (extra: Record<string, string>) => `${kit.path("/records")}${queryString({ ...filter, ...extra })}`;
  const feedQuery = queryString({ ...filter, lang: lang === "en" ? undefined : lang });
  const website = safeHttpUrl(organization.website);
  // The organisation facet counts records by every other filter, so it names this organisation's partners.
  const partners = facets.organization.filter((entry) => entry.value !== organization.slug).slice(0, 15);
  const link = (other: { slug: string; name: string }) => <a href={kit.path(`/organizations/${other.slug}`)}>{other.name}</a>;

  return (
    <PublicShell
      kit={kit}
      path={`/organizations/${organization.slug}`}
      crumbs={[{ label: organization.name }]}
      feeds={{ atom: `/feed.atom${feedQuery}`, jsonFeed: `/feed.json${feedQuery}`, csv: `/export.csv${feedQuery}`, json: `/export.json${feedQuery}` }}
    >
      <h1>{organization.name}</h1>
      <p className={styles.lede}>{kit.plural(m.country.records, facets.total)}</p>
      <dl className={styles.facts}>
        <dt>{m.organization.kind}</dt>
        <dd>{m.organizationKind[organization.kind]}</dd>
        {organization.countryCode && (
          <>
            <dt>{m.organization.country}</dt>
            <dd>
              <a href={kit.path(`/countries/${organization.countryCode}`)}>{countryName(organization.countryCode)}</a>
            </dd>
          </>
        )}
        {website && (
          <>
            <dt>{m.organization.website}</dt>
            <dd>
              <a href={website} rel="noopener nofollow">
                {new URL(website).hostname}
              </a>
            </dd>
          </>
        )}
        {organization.aliases.length > 0 && (
          <>
            <dt>{m.organization.aliases}</dt>
            <dd>{organization.aliases.join(" · ")}</dd>
          </>
        )}
        {organization.members.length > 0 && (
          <>
            <dt>{m.organization.members}</dt>
            <dd>
              {organization.members.map((member, index) => (
                <span key={member.slug}>
                  {index > 0 && ", "}
                  {link(member)}
                </span>
              ))}
            </dd>
          </>
        )}
        {organization.consortia.length > 0 && (
          <>
            <dt>{m.organization.consortia}</dt>
            <dd>
              {organization.consortia.map((consortium, index) => (
                <span key={consortium.slug}>
                  {index > 0 && ", "}
                  {link(consortium)}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={recordsOf({})}>{kit.t(m.country.allRecords, { name: organization.name })} →</a>
      </p>
      <div className={styles.twoColumns}>
        <YearsAndSectors facets={facets} sectorNames={sectorNames} recordsOf={recordsOf} kit={kit} />
        <FacetSection
          id="countries"
          heading={m.organization.countries}
          items={[...facets.country, ...facets.partner].map((entry) => ({
            label: countryName(entry.value),
            count: kit.format.count(entry.count),
            href: kit.path(`/countries/${entry.value}`),
          }))}
        />
        <FacetSection
          id="partners"
          heading={m.organization.partners}
          items={partners.map((entry) => ({ label: entry.label, count: kit.format.count(entry.count), href: kit.path(`/organizations/${entry.value}`) }))}
        />
      </div>
      <LatestRecords id="latest" heading={m.country.latest} items={latest.items} kit={kit} countryName={countryName} />
    </PublicShell>
  );
}
