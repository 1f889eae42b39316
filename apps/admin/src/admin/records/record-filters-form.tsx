"use client";
import { Button, Group, MultiSelect, SimpleGrid, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useCountryOptions, useSectorOptions } from "../taxonomy";
import type { RecordFilters } from "./list-filters";
import { KIND_OPTIONS, STATE_OPTIONS, STATUS_OPTIONS } from "./options";

const EMPTY: RecordFilters = { q: "", from: "", to: "", state: [], country: [], partner: [], sector: [], status: [], kind: [] };

/** Search and filters of the records list; applied on submit so typing does not flood the API. */
export function RecordFiltersForm({
  filters,
  onApply,
  hideState = false,
}: {
  filters: RecordFilters;
  onApply: (filters: RecordFilters) => void;
  hideState?: boolean;
}) {
  const [draft, setDraft] = useState(filters);
  const africanCountries = useCountryOptions("AFRICA");
  const partnerCountries = useCountryOptions("PARTNER");
  const sectors = useSectorOptions();
  const set =
    <K extends keyof RecordFilters>(name: K) =>
    (value: RecordFilters[K]) =>
      setDraft((current) => ({ ...current, [name]: value }));

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <TextInput
        label="Search"
        placeholder="Title, summary, organisation…"
        leftSection={<IconSearch size={16} />}
        value={draft.q}
        onChange={(event) => set("q")(event.currentTarget.value)}
        mb="xs"
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
        {hideState ? null : <MultiSelect label="State" data={STATE_OPTIONS} value={draft.state} onChange={set("state")} clearable />}
        <MultiSelect label="African country" data={africanCountries} value={draft.country} onChange={set("country")} searchable clearable />
        <MultiSelect label="Partner" data={partnerCountries} value={draft.partner} onChange={set("partner")} clearable />
        <MultiSelect label="Sector" data={sectors} value={draft.sector} onChange={set("sector")} searchable clearable />
        <MultiSelect label="Status" data={STATUS_OPTIONS} value={draft.status} onChange={set("status")} clearable />
        <MultiSelect label="Kind" data={KIND_OPTIONS} value={draft.kind} onChange={set("kind")} clearable />
        <TextInput label="From" type="date" value={draft.from} onChange={(event) => set("from")(event.currentTarget.value)} />
        <TextInput label="To" type="date" value={draft.to} onChange={(event) => set("to")(event.currentTarget.value)} />
      </SimpleGrid>
      <Group mt="sm" gap="xs">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setDraft(EMPTY);
            onApply(EMPTY);
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}
