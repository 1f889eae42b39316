import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";

export interface CitedRecord {
  slug: string;
  title: string;
  version: number;
  updatedAt: string;
  /** Absolute URL of this version. */
  permalink: string;
}

/** BibTeX escapes: braces and backslashes would end or break a field. */
function bibtexText(text: string): string {
  return text.replace(/[\\{}]/g, (char) => `\\${char}`);
}

/** "Cite this record": a plain citation, a BibTeX entry and a permalink to the version shown. */
export function CiteRecord({ record, kit }: { record: CitedRecord; kit: LocaleKit }) {
  const { m } = kit;
  const updated = kit.format.instant(record.updatedAt);
  const version = kit.t(m.record.versionLabel, { version: record.version });
  const plain = `${m.site.name}. “${record.title}”, ${version}, ${updated}. ${record.permalink}`;
  const bibtex = [
    `@misc{coop-tracker:${record.slug}:v${record.version},`,
    `  title = {${bibtexText(record.title)}},`,
    `  author = {{coop-tracker}},`,
    `  year = {${record.updatedAt.slice(0, 4)}},`,
    `  version = {${record.version}},`,
    `  url = {${record.permalink}},`,
    `  note = {Updated ${record.updatedAt.slice(0, 10)}},`,
    `}`,
  ].join("\n");
  return (
    <div className={styles.cite}>
      <h3>{m.record.citePlain}</h3>
      <p>{plain}</p>
      <h3>{m.record.citeBibtex}</h3>
      <pre tabIndex={0}>
        <code>{bibtex}</code>
      </pre>
      <p>
        {m.record.permalink}: <a href={record.permalink}>{record.permalink}</a>
      </p>
    </div>
  );
}
