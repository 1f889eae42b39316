import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";
import { SubmitOnChange } from "./submit-on-change";

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface FilterValues {
  q?: string;
  from?: string;
  to?: string;
  sort?: string;
  /** Chosen values of each multi-valued filter. */
  lists: Record<"country" | "partner" | "sector" | "status" | "kind" | "confidence" | "organization", string[]>;
}

const FORM_ID = "record-filters";

/** One facet as a group of checkboxes, each with the number of records it would show. */
function FacetChoices({ name, legend, options, chosen, kit }: { name: string; legend: string; options: FacetOption[]; chosen: string[]; kit: LocaleKit }) {
  // Values nobody could choose (no record) stay out, unless already chosen.
  const shown = options.filter((option) => option.count > 0 || chosen.includes(option.value));
  return (
    <fieldset className={styles.facet}>
      <legend>{legend}</legend>
      {shown.length ? (
        <ul>
          {shown.map((option) => (
            <li key={option.value}>
              <label>
                <input type="checkbox" name={name} value={option.value} defaultChecked={chosen.includes(option.value)} />
                <span>{option.label}</span> <span className={styles.count}>{kit.format.count(option.count)}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{kit.m.list.noneAvailable}</p>
      )}
    </fieldset>
  );
}

/**
 * The records filters as a plain GET form: it works without JavaScript and every result
 * is a shareable URL. Choices in one group are alternatives; groups narrow each other.
 */
export function RecordFilters(props: {
  kit: LocaleKit;
  values: FilterValues;
  facets: Record<"country" | "partner" | "sector" | "status" | "kind" | "confidence", FacetOption[]>;
}) {
  const { kit, values, facets } = props;
  const { m } = kit;
  const sorts = [
    ["recent", m.list.sortRecent],
    ["signed", m.list.sortSigned],
    ["title", m.list.sortTitle],
    ...(values.q ? [["relevance", m.list.sortRelevance]] : []),
  ];
  return (
    <form id={FORM_ID} method="get" action={kit.path("/records")} role="search" aria-label={m.list.filters} className={styles.filters}>
      <label className={styles.search}>
        {m.list.search}
        <input type="search" name="q" defaultValue={values.q} placeholder={m.list.searchPlaceholder} maxLength={200} />
      </label>
      <FacetChoices name="country" legend={m.list.africanCountry} options={facets.country} chosen={values.lists.country} kit={kit} />
      <FacetChoices name="partner" legend={m.list.partner} options={facets.partner} chosen={values.lists.partner} kit={kit} />
      <FacetChoices name="sector" legend={m.list.sector} options={facets.sector} chosen={values.lists.sector} kit={kit} />
      <FacetChoices name="status" legend={m.list.status} options={facets.status} chosen={values.lists.status} kit={kit} />
      <FacetChoices name="kind" legend={m.list.kind} options={facets.kind} chosen={values.lists.kind} kit={kit} />
      <FacetChoices name="confidence" legend={m.list.confidence} options={facets.confidence} chosen={values.lists.confidence} kit={kit} />
      {values.lists.organization.map((slug) => (
        <input key={slug} type="hidden" name="organization" value={slug} />
      ))}
      <div className={styles.ranges}>
        <label>
          {m.list.from}
          <input type="date" name="from" defaultValue={values.from} />
        </label>
        <label>
          {m.list.to}
          <input type="date" name="to" defaultValue={values.to} />
        </label>
        <label>
          {m.list.sort}
          <select name="sort" defaultValue={values.sort ?? (values.q ? "relevance" : "recent")}>
            {sorts.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className={styles.actions}>
        <button type="submit" className={styles.button}>
          {m.list.apply}
        </button>
        <a href={kit.path("/records")}>{m.list.clear}</a>
      </div>
      <SubmitOnChange formId={FORM_ID} />
    </form>
  );
}
