"use client";
import { Alert, Badge, Button, Checkbox, Code, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { formatDateTime } from "../format";
import { useTRPC } from "../trpc";
import { ShownOnceAlert } from "./shown-once-alert";

const EVENTS = ["record.published", "record.updated", "record.unpublished", "record.deleted"] as const;
type EventType = (typeof EVENTS)[number];

/** "ZW, cg" -> ["ZW", "cg"]; the server checks and normalises each value. */
const listOf = (text: string) =>
  text
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);

const STATE_COLOR = { PENDING: "yellow", DELIVERED: "green", FAILED: "red" } as const;

/** One endpoint's delivery log, newest first, with replay. */
function DeliveryLog({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deliveries = useInfiniteQuery(trpc.webhook.deliveries.infiniteQueryOptions({ id: endpointId }, { getNextPageParam: (page) => page.nextCursor }));
  const replay = useMutation(
    trpc.webhook.replay.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.infiniteQueryKey({ id: endpointId }) }),
    }),
  );
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      {replay.error ? <Alert color="red">{apiFailure(replay.error).message}</Alert> : null}
      <Table.ScrollContainer minWidth={800}>
        <Table aria-label="Deliveries" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Queued</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last answer</Table.Th>
              <Table.Th>Response time</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
                <Table.Td>
                  <Code>{delivery.event.type}</Code>
                </Table.Td>
                <Table.Td>{delivery.event.slug}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[delivery.state]}>{delivery.state.toLowerCase()}</Badge>
                </Table.Td>
                <Table.Td>{delivery.attempts}</Table.Td>
                <Table.Td>
                  {delivery.lastStatus ?? "—"}
                  {delivery.lastError ? (
                    <Text size="xs" c="dimmed">
                      {delivery.lastError}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{delivery.lastDurationMs === null ? "—" : `${delivery.lastDurationMs} ms`}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="light" loading={replay.isPending} onClick={() => replay.mutate({ deliveryId: delivery.id })}>
                    Replay
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items.length === 0 && !deliveries.isLoading ? <Text c="dimmed">Nothing sent yet.</Text> : null}
      {deliveries.hasNextPage ? (
        <Button variant="subtle" size="xs" onClick={() => void deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
          Older deliveries
        </Button>
      ) : null}
    </Stack>
  );
}

/** Webhook endpoints: register (the signing secret is shown once), enable or disable, read the delivery log, replay, delete. */
export function WebhooksScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.webhook.list.queryOptions());
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhook.list.queryKey() }) };
  const create = useMutation(trpc.webhook.create.mutationOptions(refresh));
  const update = useMutation(trpc.webhook.update.mutationOptions(refresh));
  const remove = useMutation(trpc.webhook.delete.mutationOptions(refresh));
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<EventType[]>([...EVENTS]);
  const [filters, setFilters] = useState({ country: "", partner: "", sector: "" });
  const [openLog, setOpenLog] = useState<string | null>(null);
  const disabled = (endpoints.data ?? []).filter((endpoint) => !endpoint.enabled && endpoint.disabledReason);
  const error = create.error ?? update.error ?? remove.error;
  return (
    <Stack>
      <Title order={2}>Webhooks</Title>
      <Text c="dimmed" size="sm">
        Other apps are told of changes to public records: signed POSTs (Standard Webhooks), retried for 24 hours, each record&apos;s changes in order.
      </Text>
      {disabled.map((endpoint) => (
        <Alert key={endpoint.id} color="red" title={`Webhook to ${endpoint.url} is disabled`} data-testid="webhook-disabled-notice">
          {endpoint.disabledReason}
        </Alert>
      ))}
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput label="URL" placeholder="https://example.org/coop-webhook" w={360} value={url} onChange={(event) => setUrl(event.currentTarget.value)} />
          <TextInput label="Description" w={240} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
        </Group>
        <Checkbox.Group label="Events" value={events} onChange={(value) => setEvents(value)}>
          <Group gap="xs" mt={6}>
            {EVENTS.map((event) => (
              <Checkbox key={event} value={event} label={event} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group align="flex-end" gap="sm">
          {(["country", "partner", "sector"] as const).map((field) => (
            <TextInput
              key={field}
              label={`Only ${field === "country" ? "countries" : `${field}s`}`}
              description={field === "sector" ? "Sector slugs, comma-separated" : "ISO codes, comma-separated"}
              value={filters[field]}
              onChange={(event) => setFilters({ ...filters, [field]: event.currentTarget.value })}
            />
          ))}
          <Button
            loading={create.isPending}
            onClick={() =>
              create.mutate({
                url,
                description,
                events,
                filters: { country: listOf(filters.country), partner: listOf(filters.partner), sector: listOf(filters.sector) },
              })
            }
          >
            Add endpoint
          </Button>
        </Group>
      </Stack>
      {error ? <Alert color="red">{apiFailure(error).message}</Alert> : null}
      {create.data ? (
        <ShownOnceAlert title="Copy the signing secret now: it is shown only once" value={create.data.secret} copyLabel="Copy secret" testId="webhook-secret" />
      ) : null}
      <Table.ScrollContainer minWidth={800}>
        <Table aria-label="Webhook endpoints">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>URL</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>Filters</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Waiting</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(endpoints.data ?? []).map((endpoint) => (
              <Table.Tr key={endpoint.id}>
                <Table.Td>
                  <Code>{endpoint.url}</Code>
                  {endpoint.description ? (
                    <Text size="xs" c="dimmed">
                      {endpoint.description}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{endpoint.events.join(", ")}</Table.Td>
                <Table.Td>{[...endpoint.countries, ...endpoint.partners, ...endpoint.sectors].join(", ") || "all records"}</Table.Td>
                <Table.Td>{endpoint.enabled ? <Badge color="green">enabled</Badge> : <Badge color="red">disabled</Badge>}</Table.Td>
                <Table.Td>
                  {endpoint.pending} pending{endpoint.failed ? `, ${endpoint.failed} failed` : ""}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => setOpenLog(openLog === endpoint.id ? null : endpoint.id)}>
                      Deliveries
                    </Button>
                    <Button size="compact-xs" variant="light" onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}>
                      {endpoint.enabled ? "Disable" : "Enable"}
                    </Button>
                    <Button size="compact-xs" color="red" variant="light" onClick={() => remove.mutate({ id: endpoint.id })}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {openLog ? <DeliveryLog endpointId={openLog} /> : null}
    </Stack>
  );
}
