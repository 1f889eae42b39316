"use client";
import { Button, Code, Group, SimpleGrid, Stack, Table, TextInput, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../format";
import { useTRPC } from "../trpc";

interface AuditFilters {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string;
  from: string;
  to: string;
}
const NO_FILTERS: AuditFilters = { action: "", entityType: "", entityId: "", actorId: "", from: "", to: "" };

function auditInput(filters: AuditFilters) {
  return {
    limit: 50,
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.from ? { from: `${filters.from}T00:00:00Z` } : {}),
    ...(filters.to ? { to: `${filters.to}T23:59:59Z` } : {}),
  };
}

/** Every write, sign-in and role change, newest first, with filters. */
export function AuditScreen() {
  const trpc = useTRPC();
  const [draft, setDraft] = useState(NO_FILTERS);
  const [filters, setFilters] = useState(NO_FILTERS);
  const log = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions(auditInput(filters), { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const field = (name: keyof AuditFilters, label: string, type = "text") => (
    <TextInput label={label} type={type} value={draft[name]} onChange={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })} />
  );
  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 6 }} spacing="xs">
          {field("action", "Action starts with")}
          {field("entityType", "Entity type")}
          {field("entityId", "Entity id")}
          {field("actorId", "Actor id")}
          {field("from", "From", "date")}
          {field("to", "To", "date")}
        </SimpleGrid>
        <Group mt="xs">
          <Button type="submit">Filter</Button>
        </Group>
      </form>
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label="Audit log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Entity</Table.Th>
              <Table.Th>IP</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(log.data?.pages.flatMap((page) => page.items) ?? []).map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.actorLabel}</Table.Td>
                <Table.Td>{entry.action}</Table.Td>
                <Table.Td>{[entry.entityType, entry.entityId].filter(Boolean).join(" ")}</Table.Td>
                <Table.Td>{entry.ip}</Table.Td>
                <Table.Td>{entry.details ? <Code fz="xs">{JSON.stringify(entry.details)}</Code> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.hasNextPage ? (
        <Button variant="default" w="fit-content" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Load more
        </Button>
      ) : null}
    </Stack>
  );
}
