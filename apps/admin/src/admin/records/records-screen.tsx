"use client";
import type { TEditorSort } from "@coop/core/validators/vocabulary";
import { Alert, Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { enumLabel, formatDateTime, partialDateText } from "../format";
import { useTRPC } from "../trpc";
import { type BulkAction, useBulkTransition } from "./bulk-actions";
import { filtersToParams, nextPageParamOf, type RecordFilters, type RecordSorting, sortingAfterClickOn } from "./list-filters";
import type { EditorListInput } from "./list-input";
import { STATE_COLORS } from "./options";
import { RecordFiltersForm } from "./record-filters-form";
import { SortableHeader } from "./sortable-header";

const BULK_ACTIONS: { action: BulkAction; label: string; editorsOnly: boolean }[] = [
  { action: "submit", label: "Submit for review", editorsOnly: false },
  { action: "approve", label: "Publish", editorsOnly: true },
  { action: "archive", label: "Archive", editorsOnly: true },
];

interface RecordsScreenProps {
  canPublish: boolean;
  filters: RecordFilters;
  sorting: RecordSorting;
  /** The API input of this view, read from the URL on the server, which also fetched its first page. */
  input: EditorListInput;
}

/** All records in any state: search, filters and order kept in the URL, keyset pages and bulk workflow actions. */
export function RecordsScreen({ canPublish, filters, sorting, input }: RecordsScreenProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNavigation] = useTransition();
  const records = useInfiniteQuery(trpc.agreement.listForEditors.infiniteQueryOptions(input, { getNextPageParam: nextPageParamOf }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const bulk = useBulkTransition();
  const rows = records.data?.pages.flatMap((page) => page.items) ?? [];

  // The page reads the new URL on the server and hands down the list for it.
  const showList = (nextFilters: RecordFilters, nextSorting: RecordSorting) => {
    const query = filtersToParams(nextFilters, nextSorting).toString();
    setSelected(new Set());
    startNavigation(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };
  const sortBy = (sort: TEditorSort) => showList(filters, sortingAfterClickOn(sorting, sort));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Records</Title>
        <Button component={Link} href="/admin/records/new" leftSection={<IconPlus size={16} />}>
          New record
        </Button>
      </Group>
      <RecordFiltersForm key={filtersToParams(filters).toString()} filters={filters} onApply={(next) => showList(next, sorting)} />
      <Group gap="xs" aria-label="Bulk actions">
        <Text size="sm">{selected.size} selected</Text>
        {BULK_ACTIONS.filter((item) => canPublish || !item.editorsOnly).map((item) => (
          <Button
            key={item.action}
            size="xs"
            variant="light"
            disabled={selected.size === 0}
            loading={bulk.running}
            onClick={() =>
              void bulk.run(
                item.action,
                rows.filter((row) => selected.has(row.id)),
              )
            }
          >
            {item.label}
          </Button>
        ))}
      </Group>
      {records.error ? <Alert color="red">{records.error.message}</Alert> : null}
      {/* The browser's own scrolling: Mantine's scroll area measures itself and re-renders the table after hydration. */}
      <Table.ScrollContainer minWidth={760} type="native">
        <Table striped highlightOnHover aria-label="Records" aria-busy={navigating} style={{ opacity: navigating ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label="Select all shown records"
                  checked={allSelected}
                  indeterminate={selected.size > 0 && !allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
                />
              </Table.Th>
              <SortableHeader label="Title" sort="title" sorting={sorting} onSort={sortBy} />
              <Table.Th miw={120}>State</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Countries</Table.Th>
              <SortableHeader label="Signed" sort="signed" sorting={sorting} onSort={sortBy} />
              <SortableHeader label="Updated" sort="updated" sorting={sorting} onSort={sortBy} />
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const outcome = bulk.outcomes.get(row.id);
              return (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Checkbox aria-label={`Select ${row.title}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} href={`/admin/records/${row.id}`}>
                      {row.title}
                    </Anchor>
                    {outcome ? (
                      <Text size="xs" c={outcome.ok ? "green" : "red"} role="status">
                        {outcome.ok ? `Done: now ${enumLabel(outcome.state)}` : outcome.message}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[row.state]} variant="light">
                      {enumLabel(row.state)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{enumLabel(row.status)}</Table.Td>
                  <Table.Td>{[...row.africanCountryCodes, ...row.partnerCountryCodes].join(", ")}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{partialDateText(row.signedOn, row.signedPrecision) || "unknown"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(row.updatedAt)}</Table.Td>
                  <Table.Td>{row.updatedBy}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!records.isPending && rows.length === 0 ? <Text c="dimmed">No record matches these filters.</Text> : null}
      {records.hasNextPage ? (
        <Button variant="default" onClick={() => void records.fetchNextPage()} loading={records.isFetchingNextPage} w="fit-content">
          Load more
        </Button>
      ) : null}
    </Stack>
  );
}
