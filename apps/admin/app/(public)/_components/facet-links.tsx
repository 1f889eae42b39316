import styles from "../public.module.css";

/** Values of a facet with their counts, each a link to the records list filtered by it. */
export function FacetLinks({ items, empty }: { items: { label: string; count: string; href: string }[]; empty: string }) {
  if (!items.length) return <p className={styles.muted}>{empty}</p>;
  return (
    <ul className={styles.facetLinks}>
      {items.map((item) => (
        <li key={item.href}>
          <a href={item.href}>{item.label}</a> <span className={styles.muted}>{item.count}</span>
        </li>
      ))}
    </ul>
  );
}
