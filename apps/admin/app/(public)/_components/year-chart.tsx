import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";

/**
 * Records per year as a bar chart drawn by the server: plain HTML and CSS, every bar
 * labelled in words, no script, so it costs nothing to load and never shifts the page.
 */
export function YearChart({ years, kit, heading }: { years: { value: string; count: number }[]; kit: LocaleKit; heading: string }) {
  if (!years.length) return <p className={styles.muted}>{kit.m.chart.empty}</p>;
  const sorted = [...years].sort((a, b) => a.value.localeCompare(b.value));
  const max = Math.max(...sorted.map((year) => year.count));
  return (
    <figure className={styles.chart}>
      <figcaption className={styles.srOnly}>{heading}</figcaption>
      <ol className={styles.bars}>
        {sorted.map((year) => (
          <li key={year.value} aria-label={kit.t(kit.m.chart.yearBar, { year: year.value, count: year.count })}>
            <span className={styles.barValue} aria-hidden="true">
              {kit.format.count(year.count)}
            </span>
            <span className={styles.bar} style={{ height: `${Math.max(4, Math.round((year.count / max) * 100))}%` }} aria-hidden="true" />
            <span className={styles.barLabel} aria-hidden="true">
              {year.value}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
