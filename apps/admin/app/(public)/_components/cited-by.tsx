import type { Reference } from "@/public-site/citations";
import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";

/**
 * "[1]" after a cited fact, linking to the source in the list; hovering or focusing it shows
 * "according to [1]: “…”" (CSS only, no script). `placement` makes the quote's id unique on the page.
 */
export function CitedBy({ references, placement, kit }: { references: Reference[]; placement: string; kit: LocaleKit }) {
  const { m } = kit;
  return references.map(({ number, quotes, lang }) => {
    const id = `quote-${placement.replace(/[^\w-]/g, "-")}-${number}`;
    return (
      <sup key={number} className={styles.ref}>
        <a href={`#source-${number}`} aria-describedby={id}>
          <span className={styles.srOnly}>{m.record.citedSource} </span>[{number}]
        </a>
        <span role="tooltip" id={id} className={styles.quote} lang={kit.lang}>
          {kit.t(m.record.accordingTo, { number })}{" "}
          {quotes.map((quote, index) => (
            <span key={index}>
              {index > 0 && " … "}
              {m.record.quoteOpen}
              <span lang={lang}>{quote}</span>
              {m.record.quoteClose}
            </span>
          ))}
        </span>
      </sup>
    );
  });
}
