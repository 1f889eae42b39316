import type { PublicAgreementDetail } from "../domain/public-agreement";
import { SITE_NAME } from "./feed-document";
import { recordUrl, safeHttpUrl, siteUrl } from "./links";

/**
 * schema.org description of a record page: the record as a CreativeWork about its
 * countries, mentioning its organisations and citing its sources.
 */
export function recordJsonLd(record: PublicAgreementDetail, origin: string, countryName: (code: string) => string) {
  const organizations = new Map(record.parties.flatMap((party) => (party.organization ? [[party.organization.slug, party.organization.name]] : [])));
  return {
    "@context": "https://schema.org",
    "@type": "CreativeWork",
    "@id": recordUrl(origin, record.slug),
    url: siteUrl(origin, record.path),
    headline: record.title,
    name: record.title,
    description: record.summary || undefined,
    inLanguage: record.lang,
    datePublished: record.publishedAt ?? undefined,
    dateModified: record.updatedAt,
    keywords: record.sectors,
    about: [...record.countries, ...record.partners].map((code) => ({ "@type": "Country", name: countryName(code), identifier: code })),
    mentions: [...organizations.values()].map((name) => ({ "@type": "Organization", name })),
    citation: record.sources.map((source) => ({
      "@type": "CreativeWork",
      name: source.title ?? source.publisher ?? undefined,
      url: safeHttpUrl(source.url) ?? undefined,
      publisher: source.publisher ? { "@type": "Organization", name: source.publisher } : undefined,
      author: source.author ? { "@type": "Person", name: source.author } : undefined,
      datePublished: source.published.date ?? undefined,
      inLanguage: source.language ?? undefined,
    })),
    publisher: { "@type": "Organization", name: SITE_NAME, url: new URL("/", origin).href },
  };
}
