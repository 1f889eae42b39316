"use client";
import { Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";
import type { TEditorSort } from "@coop/core/validators/vocabulary";
import type { RecordSorting } from "./list-filters";

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** A column header that sorts the list: a real button, so Enter and Space work; the current order is in `aria-sort`. */
export function SortableHeader({
  label,
  sort,
  sorting,
  onSort,
}: {
  label: string;
  sort: TEditorSort;
  sorting: RecordSorting;
  onSort: (sort: TEditorSort) => void;
}) {
  const active = sorting.sort === sort;
  const Icon = !active ? IconArrowsSort : sorting.order === "asc" ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? ARIA_SORT[sorting.order] : undefined} style={{ whiteSpace: "nowrap" }}>
      <UnstyledButton onClick={() => onSort(sort)} fz="sm" fw={700} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
        {label}
        <Icon size={14} aria-hidden opacity={active ? 1 : 0.5} />
      </UnstyledButton>
    </Table.Th>
  );
}
