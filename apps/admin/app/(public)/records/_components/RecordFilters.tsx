import Link from "next/link";
import { ZAgreementKind, ZLang, ZLifecycleStatus } from "@coop/core/validators";
import { enumLabel, LANGUAGE_NAMES } from "@/records/format";
import styles from "../records.module.css";

interface Option {
  value: string;
  label: string;
}

export interface FilterValues {
  q?: string;
  country?: string;
  partner?: string;
  sector?: string;
  status?: string;
  kind?: string;
  from?: string;
  to?: string;
  lang?: string;
}

interface SelectProps {
  name: keyof FilterValues;
  label: string;
  options: Option[];
  value?: string;
  /** What choosing nothing means. */
  anyLabel?: string;
}

function Select({ name, label, options, value, anyLabel = "Any" }: SelectProps) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const enumOptions = (values: readonly string[]) => values.map((value) => ({ value, label: enumLabel(value) }));

/** The records filters as a plain GET form: it works without JavaScript and every result is a shareable URL. */
export function RecordFilters(props: { values: FilterValues; africanCountries: Option[]; partners: Option[]; sectors: Option[] }) {
  const { values } = props;
  return (
    <form method="get" action="/records" role="search" aria-label="Filter records" className={styles.filters}>
      <label className={styles.search}>
        Search
        <input type="search" name="q" defaultValue={values.q} placeholder="Words in titles, summaries, parties…" maxLength={200} />
      </label>
      <Select name="country" label="African country" options={props.africanCountries} value={values.country} />
      <Select name="partner" label="Partner" options={props.partners} value={values.partner} />
      <Select name="sector" label="Sector" options={props.sectors} value={values.sector} />
      <Select name="status" label="Status" options={enumOptions(ZLifecycleStatus.options)} value={values.status} />
      <Select name="kind" label="Kind" options={enumOptions(ZAgreementKind.options)} value={values.kind} />
      <label>
        From
        <input type="date" name="from" defaultValue={values.from} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={values.to} />
      </label>
      <Select
        name="lang"
        label="Language"
        options={ZLang.options.filter((lang) => lang !== "en").map((lang) => ({ value: lang, label: LANGUAGE_NAMES[lang] }))}
        value={values.lang}
        anyLabel={LANGUAGE_NAMES.en}
      />
      <div className={styles.actions}>
        <button type="submit" className={styles.button}>
          Apply filters
        </button>
        <Link href="/records">Clear all</Link>
      </div>
    </form>
  );
}
